import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';
import {
  digitCount,
  formatDecimal,
  formatSmallDecimal,
  parseDecimal,
  readSmallDecimal,
  rescale,
  smallDecimal,
} from './decimal-text.js';
import { floatOutOfRange, invalidSyntax, valueOutOfRange } from './input-error.js';

/** Input functions for bool, the integer types, oid, the float types and numeric. */

/** PostgreSQL's isspace set, trimmed around numbers and booleans. */
export function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
}

const TRUE_WORDS = ['true', 'yes', 'on'];
const FALSE_WORDS = ['false', 'no', 'off'];

/** boolin: any unambiguous prefix of true/yes/false/no, on/off (two letters at least), 1/0. */
export function parseBool(text: string): boolean {
  const s = trimSpace(text).toLowerCase();
  if (s === '1') return true;
  if (s === '0') return false;
  const minLength = s.startsWith('o') ? 2 : 1;
  if (s.length >= minLength) {
    if (TRUE_WORDS.some((w) => w.startsWith(s))) return true;
    if (FALSE_WORDS.some((w) => w.startsWith(s))) return false;
  }
  throw invalidSyntax('boolean', text);
}

const INTEGER = /^[+-]?\d+$/;

interface IntRange {
  readonly name: string;
  readonly min: bigint;
  readonly max: bigint;
}

/** Integer ranges by type, named as PostgreSQL's errors name them. */
export const INT_RANGES = {
  int2: { name: 'smallint', min: -32768n, max: 32767n },
  int4: { name: 'integer', min: -2147483648n, max: 2147483647n },
  int8: { name: 'bigint', min: -(2n ** 63n), max: 2n ** 63n - 1n },
  // oidin accepts negative input and wraps it, as strtoul does.
  oid: { name: 'oid', min: -2147483648n, max: 4294967295n },
} as const satisfies Record<string, IntRange>;

/** int2in/int4in/int8in/oidin as an exact bigint (callers narrow to number). */
export function parseInteger(text: string, range: IntRange): bigint {
  const s = trimSpace(text);
  if (!INTEGER.test(s)) throw invalidSyntax(range.name, text);
  const v = BigInt(s);
  if (v < range.min || v > range.max) throw valueOutOfRange(range.name, text);
  return v;
}

const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FLOAT_SPECIALS: Record<string, number> = {
  nan: NaN,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
};

/** float4in/float8in: decimal or special text; overflow and underflow are 22003. */
export function parseFloatText(text: string, width: 'float4' | 'float8'): number {
  const name = width === 'float4' ? 'real' : 'double precision';
  const s = trimSpace(text);
  const special = FLOAT_SPECIALS[s.toLowerCase()];
  if (special !== undefined) return special;
  const m = FLOAT.exec(s);
  if (!m) throw invalidSyntax(name, text);
  const v = width === 'float4' ? Math.fround(Number(s)) : Number(s);
  const nonZeroDigits = /[1-9]/.test(m[1] ?? '');
  if (!Number.isFinite(v) || (v === 0 && nonZeroDigits)) throw floatOutOfRange(name, text);
  return v;
}

/**
 * numeric_in, then the typmod's rounding and precision check (numeric(p,s)).
 * Returns canonical decimal text keeping the scale written (or the typmod's).
 */
export function parseNumeric(text: string, precision: number | null, scale: number | null): string {
  // Unconstrained numeric of short plain text (numeric → numeric casts per row): canonical
  // text straight from the scanned digits, no BigInt.
  if (readSmallDecimal(text)) {
    if (precision === null) return formatSmallDecimal(smallDecimal.unscaled, smallDecimal.scale);
    // numeric(p,s) that only pads (no rounding): exact on doubles while below 2^53.
    const s = scale ?? 0;
    if (s >= smallDecimal.scale && s - smallDecimal.scale <= 15 && precision <= 15) {
      const u = smallDecimal.unscaled * 10 ** (s - smallDecimal.scale);
      if (Math.abs(u) < 10 ** precision) return formatSmallDecimal(u, s);
    }
  }
  const d = parseDecimal(text);
  if (d === null) throw invalidSyntax('numeric', text);
  if (typeof d === 'string') {
    if (d !== 'NaN' && precision !== null) throw numericOverflow(precision, scale ?? 0, true);
    return d;
  }
  if (precision === null) return formatDecimal(d.unscaled, d.scale);
  const s = scale ?? 0;
  const unscaled = rescale(d, s);
  if (unscaled !== 0n && digitCount(unscaled) > precision)
    throw numericOverflow(precision, s, false);
  return formatDecimal(unscaled, s);
}

function numericOverflow(precision: number, scale: number, infinite: boolean): LakeError {
  const detail = infinite
    ? `A field with precision ${precision}, scale ${scale} cannot hold an infinite value.`
    : `A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${
        precision > scale ? `10^${precision - scale}` : '1'
      }.`;
  return new LakeError(SqlState.numericValueOutOfRange, 'numeric field overflow', { detail });
}
