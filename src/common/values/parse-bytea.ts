import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';

/**
 * byteain (PostgreSQL docs §8.4): hex format `\x` + pairs of hex digits (white space
 * allowed between pairs), otherwise escape format where `\\` is a backslash and `\ooo`
 * an octal byte.
 */
export function parseBytea(text: string): Uint8Array {
  return text.startsWith('\\x') ? parseHex(text.slice(2)) : parseEscape(text);
}

const HEX_SPACE = /[ \t\n\r]/;

function parseHex(s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (HEX_SPACE.test(c)) {
      i++;
      continue;
    }
    const hi = hexValue(c);
    if (i + 1 >= s.length) {
      throw new LakeError(
        SqlState.invalidParameterValue,
        'invalid hexadecimal data: odd number of digits',
      );
    }
    out.push((hi << 4) | hexValue(s.charAt(i + 1)));
    i += 2;
  }
  return Uint8Array.from(out);
}

function hexValue(c: string): number {
  const v = c.length === 1 ? parseInt(c, 16) : NaN;
  if (Number.isNaN(v))
    throw new LakeError(SqlState.invalidParameterValue, `invalid hexadecimal digit: "${c}"`);
  return v;
}

function parseEscape(s: string): Uint8Array {
  const bytes = Buffer.from(s, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b !== 0x5c) {
      out.push(b);
    } else if (bytes[i + 1] === 0x5c) {
      out.push(0x5c);
      i++;
    } else if (isOctalTriple(bytes, i + 1)) {
      out.push(
        ((bytes[i + 1] ?? 0) - 48) * 64 +
          ((bytes[i + 2] ?? 0) - 48) * 8 +
          ((bytes[i + 3] ?? 0) - 48),
      );
      i += 3;
    } else {
      // byteain's message for a bad escape quotes no text.
      throw new LakeError(
        SqlState.invalidTextRepresentation,
        'invalid input syntax for type bytea',
      );
    }
  }
  return Uint8Array.from(out);
}

function isOctalTriple(bytes: Uint8Array, at: number): boolean {
  const [a = 0, b = 0, c = 0] = [bytes[at], bytes[at + 1], bytes[at + 2]];
  return a >= 0x30 && a <= 0x33 && b >= 0x30 && b <= 0x37 && c >= 0x30 && c <= 0x37;
}
