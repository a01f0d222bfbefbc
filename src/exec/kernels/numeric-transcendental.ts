import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { formatDecimal, type Decimal } from '../../common/values/decimal-text.js';
import { decimalOf } from './numeric-math.js';

/**
 * sqrt, exp, ln, log and power on exact decimals, to the digit PostgreSQL 15 prints:
 * each picks its result scale as numeric.c does (at least NUMERIC_MIN_SIG_DIGITS = 16
 * significant digits, never below the inputs' scales) and computes in BigInt fixed
 * point with guard digits, rounding half away from zero (round_var).
 */
const MIN_SIG_DIGITS = 16;
const MAX_SCALE = 1000;
const clampScale = (s: number, ...floors: number[]): number =>
  Math.min(Math.max(s, ...floors, 0), MAX_SCALE);

function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if ((r < 0n ? -r : r) * 2n < (den < 0n ? -den : den)) return q;
  return num < 0n !== den < 0n ? q - 1n : q + 1n;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** A fixed-point value at `to` digits from one at `from` digits, rounded. */
function reScale(v: bigint, from: number, to: number): bigint {
  return to >= from ? v * pow10(to - from) : roundDiv(v, pow10(from - to));
}

function toFixed(d: Decimal, scale: number): bigint {
  return reScale(d.unscaled, d.scale, scale);
}

/** Decimal exponent e of |d| (d ≈ m × 10^e, 1 <= m < 10); d must be non-zero. */
function decimalExponent(d: Decimal): number {
  const u = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  return u.toString().length - 1 - d.scale;
}

function toDouble(d: Decimal): number {
  return Number(d.unscaled) / 10 ** d.scale;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y === x ? x - 1n : y;
  }
}

export function numericSqrt(a: string): string {
  const x = decimalOf(a);
  if (x.unscaled < 0n) {
    throw new LakeError('2201F', 'cannot take square root of a negative number');
  }
  if (x.unscaled === 0n) return formatDecimal(0n, clampScale(MIN_SIG_DIGITS, x.scale));
  const weight = Math.floor(decimalExponent(x) / 4); // base-10000 weight, as numeric.c
  const rscale = clampScale(MIN_SIG_DIGITS - ((weight + 1) * 2 - 1), x.scale);
  const g = Math.max(rscale + 1, Math.ceil(x.scale / 2));
  const root = isqrt(x.unscaled * pow10(2 * g - x.scale));
  return formatDecimal(roundDiv(root, pow10(g - rscale)), rscale);
}

/** e^x for x at scale w, result at scale w: Taylor series after halving x below 0.01. */
function expFixed(x: bigint, w: number): bigint {
  if (x < 0n) return roundDiv(pow10(2 * w), expFixed(-x, w));
  const one = pow10(w);
  let halvings = 0;
  let y = x;
  while (y * 100n > one) {
    y /= 2n;
    halvings++;
  }
  const ww = w + halvings + 5;
  const yy = reScale(x, w, ww) / 2n ** BigInt(halvings);
  const ONE = pow10(ww);
  let sum = ONE;
  let term = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * yy) / ONE / n;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum = (sum * sum) / ONE;
  return reScale(sum, ww, w);
}

const ln10Cache = new Map<number, bigint>();

/** ln(m) for 0.1 <= m < 100, m at scale w: Newton's method on e^y from a double guess. */
function lnSmall(m: bigint, w: number): bigint {
  const one = pow10(w);
  const approx = Number(m / pow10(Math.max(0, w - 15))) / 10 ** Math.min(w, 15);
  let y = reScale(BigInt(Math.round(Math.log(approx) * 1e15)), 15, w);
  for (let digits = 15; digits < w * 2; digits *= 2) {
    const e = expFixed(y, w);
    y += (2n * (m - e) * one) / (m + e);
  }
  return y;
}

function ln10(w: number): bigint {
  let v = ln10Cache.get(w);
  if (v === undefined) {
    v = lnSmall(10n * pow10(w), w);
    ln10Cache.set(w, v);
  }
  return v;
}

/** ln of a positive decimal at scale w (w includes guard digits). */
function lnFixed(x: Decimal, w: number): bigint {
  const e = decimalExponent(x);
  const wx = w + 5 + String(Math.abs(e)).length;
  // x = m × 10^e with 1 <= m < 10.
  const m = reScale(x.unscaled, x.scale + e, wx);
  return reScale(lnSmall(m, wx) + BigInt(e) * ln10(wx), wx, w);
}

/** The leading digits of |d| as a double in [1, 10). */
function mantissa(d: Decimal): number {
  const u = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString();
  return Number(`${u[0] ?? '0'}.${u.slice(1, 17)}`);
}

/** estimate_ln_dweight: the decimal weight of ln(x), as numeric.c estimates it. */
function lnWeight(x: Decimal): number {
  const e = decimalExponent(x);
  if ((e === 0 && mantissa(x) <= 1.1) || (e === -1 && mantissa(x) >= 9)) {
    const diff = x.unscaled - pow10(x.scale);
    return diff === 0n ? 0 : decimalExponent({ unscaled: diff, scale: x.scale });
  }
  const ln = Math.log(mantissa(x)) + e * Math.LN10;
  return Math.trunc(Math.log10(Math.abs(ln)));
}

function checkLnArg(x: Decimal): void {
  if (x.unscaled === 0n) throw new LakeError('2201E', 'cannot take logarithm of zero');
  if (x.unscaled < 0n) throw new LakeError('2201E', 'cannot take logarithm of a negative number');
}

export function numericLn(a: string): string {
  const x = decimalOf(a);
  checkLnArg(x);
  const rscale = clampScale(MIN_SIG_DIGITS - lnWeight(x), x.scale);
  return formatDecimal(reScale(lnFixed(x, rscale + 10), rscale + 10, rscale), rscale);
}

/** log(base, x) = ln(x) / ln(base) (log_var). */
export function numericLog(b: string, a: string): string {
  const base = decimalOf(b);
  const x = decimalOf(a);
  checkLnArg(base);
  checkLnArg(x);
  const rscale = clampScale(MIN_SIG_DIGITS - (lnWeight(x) - lnWeight(base)), base.scale, x.scale);
  const w = rscale + 20;
  const lb = lnFixed(base, w);
  if (lb === 0n) throw new LakeError(SqlState.divisionByZero, 'division by zero');
  return formatDecimal(roundDiv(lnFixed(x, w) * pow10(rscale), lb), rscale);
}

export function numericExp(a: string): string {
  const x = decimalOf(a);
  const val = Math.max(Math.min(toDouble(x) * 0.434294481903252, MAX_SCALE), -MAX_SCALE);
  if (val > 131072)
    throw new LakeError(SqlState.numericValueOutOfRange, 'value overflows numeric format');
  const rscale = clampScale(MIN_SIG_DIGITS - Math.trunc(val), x.scale);
  const w = rscale + 10 + Math.max(0, Math.ceil(val));
  return formatDecimal(reScale(expFixed(toFixed(x, w), w), w, rscale), rscale);
}

function integerPower(base: Decimal, n: bigint, rscale: number): string {
  if (n === 0n) return formatDecimal(pow10(rscale), rscale);
  if (base.unscaled === 0n && n < 0n) {
    throw new LakeError('2201F', 'zero raised to a negative power is undefined');
  }
  const k = n < 0n ? -n : n;
  const digits = Number(k) * Math.max(1, base.unscaled.toString().length);
  if (digits > 200_000)
    throw new LakeError(SqlState.numericValueOutOfRange, 'value overflows numeric format');
  const num = base.unscaled ** k;
  const scale = base.scale * Number(k);
  if (n > 0n) return formatDecimal(reScale(num, scale, rscale), rscale);
  // 1 / (num / 10^scale) at rscale = 10^(scale + rscale) / num
  return formatDecimal(roundDiv(pow10(scale + rscale), num), rscale);
}

export function numericPower(b: string, e: string): string {
  const base = decimalOf(b);
  const exp = decimalOf(e);
  const f = pow10(exp.scale);
  if (exp.unscaled % f === 0n) {
    const n = exp.unscaled / f;
    if (n >= -(2n ** 31n) && n < 2n ** 31n) {
      return integerPower(base, n, clampScale(MIN_SIG_DIGITS, base.scale));
    }
  }
  if (base.unscaled === 0n) {
    if (exp.unscaled < 0n)
      throw new LakeError('2201F', 'zero raised to a negative power is undefined');
    return formatDecimal(0n, MIN_SIG_DIGITS);
  }
  if (base.unscaled < 0n) {
    throw new LakeError(
      '2201F',
      'a negative number raised to a non-integer power yields a complex result',
    );
  }
  const val = toDouble(exp) * Math.log(toDouble(base)) * 0.434294481903252;
  if (val > 131072)
    throw new LakeError(SqlState.numericValueOutOfRange, 'value overflows numeric format');
  const rscale = clampScale(MIN_SIG_DIGITS - Math.trunc(val), base.scale, exp.scale);
  const w = rscale + 15 + Math.max(0, Math.ceil(val));
  const lnb = lnFixed(base, w);
  const product = roundDiv(lnb * exp.unscaled, f);
  return formatDecimal(reScale(expFixed(product, w), w, rscale), rscale);
}
