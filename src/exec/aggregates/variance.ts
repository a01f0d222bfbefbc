import { Types } from '../../common/sql-types.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { formatDecimal, parseDecimal } from '../../common/values/decimal-text.js';
import { numericDiv } from '../kernels/numeric-math.js';
import { decimalText, ExactSum } from './exact-sum.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { floatMomentsAggregate } from './sum-avg.js';

/**
 * variance/var_samp/var_pop and stddev/stddev_samp/stddev_pop. Over floats: float8 by
 * the Youngs-Cramer moments (float8_accum). Over integers and numeric: numeric, from
 * the exact sums of x and x², as numeric_stddev_internal computes it: numerator
 * N·Σx² − (Σx)² exact, divided by N·(N−1) or N² at numeric_div's scale, then the
 * square root at that same scale.
 */
export interface VarianceKind {
  readonly sample: boolean;
  readonly sqrt: boolean;
}

const SQUARE_SAFE = 2 ** 26;

function exactVariance(kind: VarianceKind): GroupedAggregate {
  const sx = new ExactSum();
  const sxx = new ExactSum();
  const addOne = (g: number, v: SqlValue): void => {
    if (typeof v === 'number') {
      sx.addScaled(g, v, 0, 1);
      if (Math.abs(v) < SQUARE_SAFE) sxx.addScaled(g, v * v, 0, 1);
      else sxx.addBig(g, BigInt(v) * BigInt(v), 0, 1);
    } else if (typeof v === 'bigint') {
      sx.addBig(g, v, 0, 1);
      sxx.addBig(g, v * v, 0, 1);
    } else {
      const text = v as string;
      sx.addText(g, text, 1);
      const d = parseDecimal(text);
      if (d === null || typeof d === 'string') sxx.addText(g, text, 1);
      else sxx.addBig(g, d.unscaled * d.unscaled, d.scale * 2, 1);
    }
  };
  const result = (g: number): SqlValue => {
    const n = sx.count(g);
    if (n === 0 || (kind.sample && n === 1)) return null;
    if (sx.special(g) !== null) return 'NaN';
    const s = sx.scaleOf(g);
    const u1 = sx.unscaled(g);
    // Σx² carries scale 2s (the squares of the widest input), so the numerator is exact at 2s.
    const u2 = sxx.unscaled(g) * 10n ** BigInt(2 * s - sxx.scaleOf(g));
    const numerator = BigInt(n) * u2 - u1 * u1;
    if (numerator <= 0n) return '0';
    const denominator = kind.sample ? BigInt(n) * BigInt(n - 1) : BigInt(n) * BigInt(n);
    const variance = numericDiv(formatDecimal(numerator, 2 * s), denominator.toString());
    return kind.sqrt ? numericSqrt(variance) : variance;
  };
  return {
    stateTypes: [Types.int8, Types.numeric(), Types.numeric()],
    grow: (n) => {
      sx.grow(n);
      sxx.grow(n);
    },
    update: (args, rows, groups, count) => {
      const col = args[0] as Column;
      for (let k = 0; k < count; k++) {
        const v = col[rows === null ? k : (rows[k] as number)];
        if (v !== null && v !== undefined) addOne(groups[k] as number, v);
      }
    },
    result,
    state: (n) => [
      Array.from({ length: n }, (_, g) => BigInt(sx.count(g))),
      Array.from({ length: n }, (_, g) => sx.text(g)),
      Array.from({ length: n }, (_, g) => sxx.text(g)),
    ],
    merge: (state, groups, count) => {
      const [ns, sums, squares] = state as [Column, Column, Column];
      for (let k = 0; k < count; k++) {
        const rows = Number(ns[k] ?? 0n);
        if (rows === 0) continue;
        const g = groups[k] as number;
        sx.mergeText(g, decimalText(sums[k] ?? null), rows);
        sxx.mergeText(g, decimalText(squares[k] ?? null), rows);
      }
    },
  };
}

/** The square root of a non-negative numeric at its own scale, correctly rounded (sqrt_var). */
export function numericSqrt(text: string): string {
  const d = parseDecimal(text);
  if (d === null || typeof d === 'string') return text;
  // sqrt(u·10^-s) at scale s = sqrt(u·10^s) as an integer, rounded half up.
  const x = d.unscaled * 10n ** BigInt(d.scale);
  let r = isqrt(x);
  if (4n * x >= (2n * r + 1n) ** 2n) r += 1n;
  return formatDecimal(r, d.scale);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's iteration from above sqrt(n) decreases monotonically to floor(sqrt(n)).
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const isFloatType = (t: SqlType | undefined): boolean =>
  t?.kind === 'float4' || t?.kind === 'float8';

export function varianceAggregate(kind: VarianceKind): AggregateFactory {
  return (a) =>
    isFloatType(a.argTypes[0])
      ? floatMomentsAggregate((m, g) => {
          const v = m.variance(g, kind.sample);
          return v === null ? null : kind.sqrt ? Math.sqrt(v) : v;
        })
      : exactVariance(kind);
}
