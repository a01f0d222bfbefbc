import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { formatDecimal, parseDecimal, rescale } from '../../common/values/decimal-text.js';

/**
 * numeric's binary form (numeric_send/numeric_recv in PostgreSQL's numeric.c):
 * int16 ndigits, int16 weight (base-10000 exponent of the first digit), uint16 sign
 * (0x0000 +, 0x4000 −, 0xC000 NaN, 0xD000 +Infinity, 0xF000 −Infinity), uint16 dscale
 * (decimal digits after the point), then ndigits int16 base-10000 digits.
 */

const NBASE = 10000n;
const SIGN_NEG = 0x4000;
const SPECIAL_HEADERS: Record<string, [number, number]> = {
  NaN: [0xc000, 0],
  // PostgreSQL 14+ sends infinities with the dscale bits it stores in the header (0x20).
  Infinity: [0xd000, 0x20],
  '-Infinity': [0xf000, 0x20],
};

/** Encodes numeric decimal text (SqlValue form) as numeric_send does. */
export function sendNumeric(text: string): Buffer {
  const d = parseDecimal(text);
  if (d === null) {
    throw new LakeError(
      SqlState.invalidTextRepresentation,
      `invalid input syntax for type numeric: "${text}"`,
    );
  }
  if (typeof d === 'string') return header(0, 0, ...(SPECIAL_HEADERS[d] ?? [0xc000, 0]));
  const abs = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  // Align the fraction to whole base-10000 digits.
  const fracGroups = Math.ceil(d.scale / 4);
  let v = abs * 10n ** BigInt(fracGroups * 4 - d.scale);
  const digits: number[] = [];
  for (; v > 0n; v /= NBASE) digits.unshift(Number(v % NBASE));
  let weight = digits.length - fracGroups - 1;
  while (digits[0] === 0) {
    digits.shift();
    weight--;
  }
  while (digits.length > 0 && digits[digits.length - 1] === 0) digits.pop();
  if (digits.length === 0) weight = 0;
  const buf = header(digits.length, weight, d.unscaled < 0n ? SIGN_NEG : 0, d.scale);
  digits.forEach((digit, i) => buf.writeInt16BE(digit, 8 + 2 * i));
  return buf;
}

function header(ndigits: number, weight: number, sign: number, dscale: number): Buffer {
  const buf = Buffer.alloc(8 + 2 * ndigits);
  buf.writeInt16BE(ndigits, 0);
  buf.writeInt16BE(weight, 2);
  buf.writeUInt16BE(sign, 4);
  buf.writeUInt16BE(dscale, 6);
  return buf;
}

/** Decodes numeric_send's bytes to decimal text at the sent dscale; null if malformed. */
export function receiveNumeric(buf: Buffer): string | null {
  if (buf.length < 8) return null;
  const ndigits = buf.readInt16BE(0);
  const weight = buf.readInt16BE(2);
  const sign = buf.readUInt16BE(4);
  const dscale = buf.readUInt16BE(6);
  if (ndigits < 0 || buf.length !== 8 + 2 * ndigits || (dscale & 0xc000) !== 0) return null;
  if (sign === 0xc000) return 'NaN';
  if (sign === 0xd000) return 'Infinity';
  if (sign === 0xf000) return '-Infinity';
  if (sign !== 0 && sign !== SIGN_NEG) return null;
  let n = 0n;
  for (let i = 0; i < ndigits; i++) {
    const digit = buf.readInt16BE(8 + 2 * i);
    if (digit < 0 || digit >= 10000) return null;
    n = n * NBASE + BigInt(digit);
  }
  const exp = 4 * (weight - ndigits + 1);
  const value =
    exp >= 0 ? { unscaled: n * 10n ** BigInt(exp), scale: 0 } : { unscaled: n, scale: -exp };
  const unscaled = rescale(value, dscale);
  return formatDecimal(sign === SIGN_NEG ? -unscaled : unscaled, dscale);
}
