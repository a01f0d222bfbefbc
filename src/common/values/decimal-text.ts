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
  // Plain short text (the common case) skips trim, the specials lookup and the regex.
  if (readSmallDecimal(text))
    return { unscaled: BigInt(smallDecimal.unscaled), scale: smallDecimal.scale };
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
  if (scale >= d.scale) return d.unscaled * pow10n(scale - d.scale);
  const divisor = pow10n(d.scale - scale);
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

/**
 * The result of the last successful readSmallDecimal: one shared scratch object, so
 * the per-row hot paths (numeric arithmetic, comparisons, casts) allocate nothing.
 * Read it right after the call; the next call overwrites it.
 */
export const smallDecimal = { unscaled: 0, scale: 0 };

/** Digits a double holds exactly: every integer below 10^15 is below 2^53. */
const SMALL_DIGITS = 15;

/**
 * Fast path for plain decimal text, `[+-]digits[.digits]` with at most 15 digits in
 * all (what Decimal128 columns and our own arithmetic produce): its unscaled integer
 * is below 10^15 < 2^53, so a double holds it exactly and no BigInt or regex is
 * needed. On success fills `smallDecimal` (unscaled as a number, scale = fraction
 * digits written) and returns true; anything else (spaces, exponent, NaN, Infinity,
 * long values, junk) returns false and goes through parseDecimal's general path.
 */
export function readSmallDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  let neg = false;
  const first = n > 0 ? text.charCodeAt(0) : 0;
  if (first === 45 || first === 43) {
    neg = first === 45;
    i = 1;
  }
  let u = 0;
  let digits = 0;
  let dot = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      u = u * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot < 0) dot = digits;
    else return false;
  }
  if (digits === 0 || digits > SMALL_DIGITS) return false;
  smallDecimal.unscaled = neg && u !== 0 ? -u : u;
  smallDecimal.scale = dot < 0 ? 0 : digits - dot;
  return true;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const POW10N = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a bigint, from a table for the exponents numeric arithmetic meets per row. */
export function pow10n(n: number): bigint {
  return POW10N[n] ?? 10n ** BigInt(n);
}

/** formatDecimal for an unscaled integer a double holds exactly (|u| <= 2^53). */
export function formatSmallDecimal(unscaled: number, scale: number): string {
  const negative = unscaled < 0;
  const abs = negative ? -unscaled : unscaled;
  const p = POW10[scale];
  let text: string;
  if (scale === 0) text = String(abs);
  else if (p !== undefined) {
    // Integer and fraction parts by exact double arithmetic (all terms below 2^53); the
    // fraction is printed as p + frac without its leading 1, which zero-pads it.
    // int * p is exact (int * 5^scale stays below 2^53), so a quotient rounded up
    // across an integer shows as a negative fraction and is corrected.
    let int = Math.floor(abs / p);
    let frac = abs - int * p;
    if (frac < 0) {
      int -= 1;
      frac += p;
    }
    text = `${int}.${String(frac + p).slice(1)}`;
  } else {
    // Integers below 1e21 print without an exponent, so String() gives the plain digits.
    const digits = String(abs).padStart(scale + 1, '0');
    const cut = digits.length - scale;
    text = `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }
  return negative ? `-${text}` : text;
}
