import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import {
  formatDecimal,
  formatSmallDecimal,
  parseDecimal,
  pow10n,
  readSmallDecimal,
  rescale,
  smallDecimal,
  type Decimal,
} from '../../common/values/decimal-text.js';

/**
 * Exact numeric arithmetic on decimal text (numeric's SqlValue), following
 * PostgreSQL's numeric.c result scales: + and - keep the larger scale, * adds the
 * scales, / picks select_div_scale's scale (at least 16 significant digits).
 */

export function decimalOf(text: string): Decimal {
  const d = parseDecimal(text);
  if (d === null || typeof d === 'string') {
    throw new LakeError(
      SqlState.featureNotSupported,
      `numeric value ${text} is not supported here`,
    );
  }
  return d;
}

const show = (unscaled: bigint, scale: number): string => formatDecimal(unscaled, scale);

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * x ± y on doubles when both operands are short plain text: after aligning scales every
 * term is an integer below 2^53, so the double result is exact whenever its magnitude
 * stays within MAX_SAFE_INTEGER (checked); returns null to fall back to BigInt.
 */
function smallAdd(a: string, b: string, negateB: boolean): string | null {
  if (!readSmallDecimal(a)) return null;
  const xu = smallDecimal.unscaled;
  const xs = smallDecimal.scale;
  if (!readSmallDecimal(b)) return null;
  const yu = negateB ? -smallDecimal.unscaled : smallDecimal.unscaled;
  const ys = smallDecimal.scale;
  const s = xs > ys ? xs : ys;
  const x = xu * (POW10[s - xs] as number);
  const y = yu * (POW10[s - ys] as number);
  const r = x + y;
  if (Math.abs(x) > SAFE || Math.abs(y) > SAFE || Math.abs(r) > SAFE) return null;
  return formatSmallDecimal(r, s);
}

export function numericAdd(a: string, b: string, negateB = false): string {
  const fast = smallAdd(a, b, negateB);
  if (fast !== null) return fast;
  const x = decimalOf(a);
  const y = decimalOf(b);
  const s = Math.max(x.scale, y.scale);
  const yb = rescale(y, s);
  return show(rescale(x, s) + (negateB ? -yb : yb), s);
}

export function numericMul(a: string, b: string): string {
  // Short operands: the double product is exact when it stays within MAX_SAFE_INTEGER
  // (a larger true product rounds to at least 2^53, so the check cannot pass wrongly).
  if (readSmallDecimal(a)) {
    const xu = smallDecimal.unscaled;
    const xs = smallDecimal.scale;
    if (readSmallDecimal(b)) {
      const p = xu * smallDecimal.unscaled;
      if (Math.abs(p) <= SAFE) return formatSmallDecimal(p === 0 ? 0 : p, xs + smallDecimal.scale);
    }
  }
  const x = decimalOf(a);
  const y = decimalOf(b);
  return show(x.unscaled * y.unscaled, x.scale + y.scale);
}

/** The base-10000 weight and first digit PostgreSQL's select_div_scale looks at. */
function weightAndFirstDigit(d: Decimal): [number, number] {
  const digits = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString();
  if (d.unscaled === 0n) return [0, 0];
  const e = digits.length - 1 - d.scale;
  const weight = Math.floor(e / 4);
  const lead = e - 4 * weight + 1;
  const first = lead <= digits.length ? digits.slice(0, lead) : digits.padEnd(lead, '0');
  return [weight, Number(first)];
}

function divScale(x: Decimal, y: Decimal): number {
  const [w1, f1] = weightAndFirstDigit(x);
  const [w2, f2] = weightAndFirstDigit(y);
  let qweight = w1 - w2;
  if (f1 <= f2) qweight--;
  const rscale = 16 - qweight * 4;
  return Math.min(Math.max(rscale, x.scale, y.scale, 0), 1000);
}

const divisionByZero = (): LakeError => new LakeError(SqlState.divisionByZero, 'division by zero');

/** Rounds num/den to an integer, half away from zero. */
function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < (den < 0n ? -den : den)) return q;
  return num < 0n !== den < 0n ? q - 1n : q + 1n;
}

export function numericDiv(a: string, b: string): string {
  const x = decimalOf(a);
  const y = decimalOf(b);
  if (y.unscaled === 0n) throw divisionByZero();
  const s = divScale(x, y);
  // x/y at scale s = x.u * 10^(s - x.s + y.s) / y.u
  const shift = s - x.scale + y.scale;
  const num = shift >= 0 ? x.unscaled * pow10n(shift) : x.unscaled;
  const den = shift >= 0 ? y.unscaled : y.unscaled * pow10n(-shift);
  return show(roundDiv(num, den), s);
}

/** numeric % numeric: truncating remainder at the larger scale (numeric.c mod_var). */
export function numericMod(a: string, b: string): string {
  const x = decimalOf(a);
  const y = decimalOf(b);
  if (y.unscaled === 0n) throw divisionByZero();
  const s = Math.max(x.scale, y.scale);
  return show(rescale(x, s) % rescale(y, s), s);
}

/** Rounds to `scale` fraction digits (round(numeric, int)); negative scales round left of the point. */
export function numericRound(a: string, scale: number): string {
  const x = decimalOf(a);
  if (scale >= 0) return show(rescale(x, scale), scale);
  const factor = pow10n(-scale);
  return show(roundDiv(rescale(x, 0), factor) * factor, 0);
}

/** floor / ceil of a numeric, as an integral numeric. */
export function numericFloorCeil(a: string, ceil: boolean): string {
  const x = decimalOf(a);
  const f = pow10n(x.scale);
  let q = x.unscaled / f;
  const r = x.unscaled % f;
  if (r !== 0n && (ceil ? x.unscaled > 0n : x.unscaled < 0n)) q += ceil ? 1n : -1n;
  return show(q, 0);
}
