import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Client bytes as text in the server encoding (UTF8); an invalid sequence is 22021
 * `invalid byte sequence for encoding "UTF8": 0x..`, reported as PostgreSQL's
 * report_invalid_encoding does: the bytes of the offending character, as many as
 * its lead byte announces.
 */
export function decodeUtf8(buf: Uint8Array): string {
  try {
    return decoder.decode(buf);
  } catch {
    const at = Math.max(0, firstInvalidOffset(buf));
    const shown = [...buf.subarray(at, at + leadLength(buf[at] ?? 0))]
      .map((b) => `0x${b.toString(16).padStart(2, '0')}`)
      .join(' ');
    throw new LakeError(
      SqlState.characterNotInRepertoire,
      `invalid byte sequence for encoding "UTF8": ${shown}`,
    );
  }
}

/** pg_utf_mblen: the length a lead byte announces, 1 for bytes that cannot lead. */
function leadLength(c: number): number {
  if ((c & 0xe0) === 0xc0) return 2;
  if ((c & 0xf0) === 0xe0) return 3;
  if ((c & 0xf8) === 0xf0) return 4;
  return 1;
}

/** Offset of the first byte that starts an invalid sequence (RFC 3629 §4), or -1. */
function firstInvalidOffset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n =
      c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length || !validTail(b, i, n)) return i;
    i += n;
  }
  return -1;
}

function validTail(b: Uint8Array, i: number, n: number): boolean {
  for (let k = 1; k < n; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return false;
  const c = b[i] as number;
  const next = b[i + 1] as number;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  if (c === 0xe0 && next < 0xa0) return false;
  if (c === 0xed && next >= 0xa0) return false;
  if (c === 0xf0 && next < 0x90) return false;
  if (c === 0xf4 && next >= 0x90) return false;
  return true;
}
