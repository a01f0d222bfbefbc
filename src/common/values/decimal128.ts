import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';
import {
  formatDecimal,
  parseDecimal,
  readSmallDecimal,
  rescale,
  smallDecimal,
} from './decimal-text.js';

/**
 * numeric ⇄ Arrow Decimal128: a 128-bit two's-complement unscaled integer stored as four
 * little-endian uint32 words (Arrow columnar format, "Decimal"), at the column's scale.
 */

const MAX_38_DIGITS = 10n ** 38n;

/** Writes the decimal text `value` at `scale` into words[4*i .. 4*i+3]. */
export function writeDecimal128(words: Uint32Array, i: number, value: string, scale: number): void {
  if (writeSmallDecimal128(words, i, value, scale)) return;
  const d = parseDecimal(value);
  if (d === null)
    throw new LakeError(
      SqlState.invalidTextRepresentation,
      `invalid input syntax for type numeric: "${value}"`,
    );
  if (typeof d === 'string') {
    throw new LakeError(
      SqlState.featureNotSupported,
      `numeric value ${d} cannot be stored in a decimal column`,
    );
  }
  const unscaled = rescale(d, scale);
  if (unscaled >= MAX_38_DIGITS || unscaled <= -MAX_38_DIGITS) {
    throw new LakeError(SqlState.numericValueOutOfRange, 'numeric field overflow', {
      detail: `A field with precision 38, scale ${scale} must round to an absolute value less than 10^${38 - scale}.`,
    });
  }
  let bits = BigInt.asUintN(128, unscaled);
  for (let w = 0; w < 4; w++) {
    words[4 * i + w] = Number(bits & 0xffffffffn);
    bits >>= 32n;
  }
}

const TWO_32 = 4294967296;

/**
 * The common case without BigInt: text of at most 15 digits whose unscaled value at
 * `scale` a double holds exactly (partial sums crossing threads, money columns).
 */
function writeSmallDecimal128(
  words: Uint32Array,
  i: number,
  value: string,
  scale: number,
): boolean {
  if (!readSmallDecimal(value) || smallDecimal.scale > scale || scale - smallDecimal.scale > 22)
    return false;
  const u = smallDecimal.unscaled * 10 ** (scale - smallDecimal.scale);
  if (!Number.isSafeInteger(u)) return false;
  const hi = Math.floor(u / TWO_32);
  words[4 * i] = u - hi * TWO_32;
  words[4 * i + 1] = hi >>> 0;
  words[4 * i + 2] = words[4 * i + 3] = hi < 0 ? 0xffffffff : 0;
  return true;
}

/** The unscaled value stored at row i. */
export function readDecimal128(words: Uint32Array, i: number): bigint {
  let bits = 0n;
  for (let w = 3; w >= 0; w--) bits = (bits << 32n) | BigInt(words[4 * i + w] ?? 0);
  return BigInt.asIntN(128, bits);
}

/** The decimal text stored at row i, with exactly `scale` fraction digits. */
export function readDecimal128Text(words: Uint32Array, i: number, scale: number): string {
  return formatDecimal(readDecimal128(words, i), scale);
}
