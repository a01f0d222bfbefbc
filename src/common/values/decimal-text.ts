/**
 * Exact decimal text ⇄ (unscaled bigint, scale), the bridge between numeric's SqlValue
 * (decimal text) and Arrow Decimal128 / the wire's base-10000 digits.
 */

/** A finite decimal: value = unscaled × 10^-scale, scale >= 0. */
export interface Decimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

/** numeric's special values (PostgreSQL 14+ has numeric infinities). */
export type SpecialNumeric = 'NaN' | 'Infinity' | '-Infinity';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const SPECIALS: Record<string, SpecialNumeric> = {
  nan: 'NaN',
  infinity: 'Infinity',
  '+infinity': 'Infinity',
  inf: 'Infinity',
  '+inf': 'Infinity',
  '-infinity': '-Infinity',
  '-inf': '-Infinity',
};

/**
 * Parses numeric input text (numeric_in: optional sign, digits, fraction, exponent,
 * surrounding spaces, NaN/Infinity); the scale is the number of fraction digits written.
 * Returns null when the text is not a number.
 */
export function parseDecimal(text: string): Decimal | SpecialNumeric | null {
  const s = text.trim();
  const special = SPECIALS[s.toLowerCase()];
  if (special) return special;
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return null;
  let unscaled = BigInt(int + frac || '0');
  let scale = frac.length - exp;
  if (scale < 0) {
    unscaled *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { unscaled: m[1] === '-' ? -unscaled : unscaled, scale };
}

/** Decimal text of unscaled × 10^-scale with exactly `scale` fraction digits. */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? `${int}.${digits.slice(digits.length - scale)}` : int;
  return negative ? `-${text}` : text;
}

/** Changes scale, rounding half away from zero as PostgreSQL's numeric rounding does. */
export function rescale(d: Decimal, scale: number): bigint {
  if (scale >= d.scale) return d.unscaled * 10n ** BigInt(scale - d.scale);
  const divisor = 10n ** BigInt(d.scale - scale);
  const q = d.unscaled / divisor;
  const r = d.unscaled % divisor;
  const abs = r < 0n ? -r : r;
  if (abs * 2n < divisor) return q;
  return d.unscaled < 0n ? q - 1n : q + 1n;
}

/** Number of significant integer+fraction digits of an unscaled value (precision check). */
export function digitCount(unscaled: bigint): number {
  return (unscaled < 0n ? -unscaled : unscaled).toString().length;
}
