/**
 * SASLprep (RFC 4013, a profile of stringprep, RFC 3454) for SCRAM passwords, with
 * PostgreSQL's fallback: when the password is not valid UTF-8 or SASLprep
 * prohibits it, the raw bytes are used unchanged (src/common/saslprep.c and
 * "SCRAM-SHA-256 Authentication" in the protocol docs). Used when building a
 * verifier and when checking a cleartext password against one; during a SCRAM
 * exchange the client prepares the password itself.
 *
 * Steps, in PostgreSQL's order:
 *  1. pure ASCII input is returned as is (even control characters);
 *  2. map: non-ASCII spaces (C.1.2) → U+0020, "commonly mapped to nothing" (B.1) removed;
 *     an empty result is prohibited;
 *  3. normalise with NFKC;
 *  4. prohibit C.1.2–C.9 and unassigned code points (A.1), then the bidi rule (RFC 3454 §6).
 *     Like PostgreSQL, steps 4's checks look at the mapped, pre-normalisation characters.
 *
 * Known approximations (documented, deliberately small): "unassigned" (A.1) is the
 * code points unassigned in the running Node's Unicode (\p{Cn}), not in Unicode 3.2,
 * so characters assigned after 3.2 pass here where PostgreSQL falls back to raw
 * bytes; and LCat (D.2) is approximated by letters and spacing marks (\p{L}, \p{Mc})
 * outside D.1. NFKC is Node's (current Unicode) where PostgreSQL uses its own tables.
 */

type Ranges = readonly (readonly [number, number])[];

/** RFC 3454 C.1.2, non-ASCII space characters: mapped to U+0020. */
const nonAsciiSpace: Ranges = [
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/** RFC 3454 B.1, commonly mapped to nothing. */
const mappedToNothing: Ranges = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x1806, 0x1806],
  [0x180b, 0x180d],
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

/** RFC 3454 C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9 (merged ranges). */
const prohibited: Ranges = [
  [0x0000, 0x001f],
  [0x007f, 0x00a0],
  [0x0340, 0x0341],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x2063],
  [0x206a, 0x206f],
  [0x2ff0, 0x2ffb],
  [0x3000, 0x3000],
  [0xd800, 0xf8ff],
  [0xfdd0, 0xfdef],
  [0xfeff, 0xfeff],
  [0xfff9, 0xffff],
  [0x1d173, 0x1d17a],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
  [0xf0000, 0x10ffff],
];

/** RFC 3454 D.1, bidirectional property R or AL. */
const randAlCat: Ranges = [
  [0x05be, 0x05be],
  [0x05c0, 0x05c0],
  [0x05c3, 0x05c3],
  [0x05d0, 0x05ea],
  [0x05f0, 0x05f4],
  [0x061b, 0x061b],
  [0x061f, 0x061f],
  [0x0621, 0x063a],
  [0x0640, 0x064a],
  [0x066d, 0x066f],
  [0x0671, 0x06d5],
  [0x06dd, 0x06dd],
  [0x06e5, 0x06e6],
  [0x06fa, 0x06fe],
  [0x0700, 0x070d],
  [0x0710, 0x0710],
  [0x0712, 0x072c],
  [0x0780, 0x07a5],
  [0x07b1, 0x07b1],
  [0x200f, 0x200f],
  [0xfb1d, 0xfb1d],
  [0xfb1f, 0xfb28],
  [0xfb2a, 0xfb36],
  [0xfb38, 0xfb3c],
  [0xfb3e, 0xfb3e],
  [0xfb40, 0xfb41],
  [0xfb43, 0xfb44],
  [0xfb46, 0xfbb1],
  [0xfbd3, 0xfd3d],
  [0xfd50, 0xfd8f],
  [0xfd92, 0xfdc7],
  [0xfdf0, 0xfdfc],
  [0xfe70, 0xfe74],
  [0xfe76, 0xfefc],
];

const inRanges = (code: number, ranges: Ranges): boolean =>
  ranges.some(([lo, hi]) => code >= lo && code <= hi);

/** RFC 3454 C.4: the last two code points of every plane are non-characters. */
const isPlaneNonCharacter = (code: number): boolean => (code & 0xfffe) === 0xfffe;

const isUnassigned = (code: number): boolean => /\p{Cn}/u.test(String.fromCodePoint(code));

const isLCat = (code: number): boolean =>
  !inRanges(code, randAlCat) && /[\p{L}\p{Mc}]/u.test(String.fromCodePoint(code));

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Step 2: the mapping table of RFC 4013 §2.1, in PostgreSQL's precedence. */
function mapCodePoints(codes: readonly number[]): number[] {
  const out: number[] = [];
  for (const code of codes) {
    if (inRanges(code, nonAsciiSpace)) out.push(0x20);
    else if (!inRanges(code, mappedToNothing)) out.push(code);
  }
  return out;
}

/** Step 4: RFC 4013 §2.3 (prohibited output), §2.5 (unassigned) and §2.4 (bidi). */
function isProhibited(codes: readonly number[]): boolean {
  for (const code of codes) {
    if (inRanges(code, prohibited) || isPlaneNonCharacter(code) || isUnassigned(code)) return true;
  }
  if (!codes.some((c) => inRanges(c, randAlCat))) return false;
  if (codes.some(isLCat)) return true;
  const first = codes[0] ?? 0;
  const last = codes[codes.length - 1] ?? 0;
  return !inRanges(first, randAlCat) || !inRanges(last, randAlCat);
}

/** The SASLprep'd password, or null when PostgreSQL would fall back to the raw bytes. */
export function saslprepString(password: Buffer): string | null {
  if (password.every((b) => b < 0x80)) return password.toString('latin1');
  const text = decodeUtf8(password);
  if (text === null) return null;
  const mapped = mapCodePoints(Array.from(text, (ch) => ch.codePointAt(0) ?? 0));
  if (mapped.length === 0 || isProhibited(mapped)) return null;
  return mapped
    .map((c) => String.fromCodePoint(c))
    .join('')
    .normalize('NFKC');
}

/** The bytes SCRAM hashes for this password: SASLprep'd UTF-8, or the raw bytes as a fallback. */
export function saslprep(password: Buffer): Buffer {
  const prepared = saslprepString(password);
  return prepared === null ? password : Buffer.from(prepared, 'utf8');
}
