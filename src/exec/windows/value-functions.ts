import { LakeError } from '../../common/errors.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Column } from '../aggregates/grouped-aggregate.js';
import {
  frameSegments,
  SEGMENT_ORDER,
  type WindowEvaluator,
  type WindowInput,
} from './window-input.js';

/**
 * lag/lead (offset rows before/after within the partition, else the default) and
 * first_value/last_value/nth_value (a row of the frame, after EXCLUDE). With IGNORE
 * NULLS (Spark, Trino, Oracle) NULL values are skipped when counting rows.
 */
function offsetFn(direction: 1 | -1): WindowEvaluator {
  return (w) => {
    const { sp } = w;
    const x = w.args[0] ?? [];
    const offsets = w.args[1];
    const defaults = w.args[2];
    const out = new Array<SqlValue>(sp.n);
    const nonNull = w.ignoreNulls ? nonNullPositions(w, x) : null;
    for (let p = 0; p < sp.n; p++) {
      const row = sp.order[p]!;
      const off = offsets === undefined ? 1 : offsets[row];
      if (off === null || off === undefined) {
        out[p] = null;
        continue;
      }
      const k = direction * Number(off);
      let at: number;
      if (nonNull === null) at = p + k;
      else {
        // The k-th non-null value before (k < 0) or after (k > 0) position p.
        const i = lowerBound(nonNull, p);
        at =
          k > 0
            ? (nonNull[i + (nonNull[i] === p ? k : k - 1)] ?? -1)
            : k < 0
              ? (nonNull[i + k] ?? -1)
              : p;
      }
      const inside = at >= sp.partStart[p]! && at < sp.partEnd[p]!;
      out[p] = inside ? (x[sp.order[at]!] ?? null) : (defaults?.[row] ?? null);
    }
    return out;
  };
}

/** Positions (sorted order) whose value is not NULL. */
function nonNullPositions(w: WindowInput, x: Column): Int32Array {
  const out: number[] = [];
  for (let p = 0; p < w.sp.n; p++) if ((x[w.sp.order[p]!] ?? null) !== null) out.push(p);
  return Int32Array.from(out);
}

function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The n-th row (1-based; from the end when `fromEnd`) of each position's frame, as a
 * position, or -1. With ignoreNulls only non-null positions count.
 */
function nthInFrame(
  w: WindowInput,
  nth: (p: number) => number | null,
  fromEnd: boolean,
): SqlValue[] {
  const x = w.args[0] ?? [];
  const nonNull = w.ignoreNulls ? nonNullPositions(w, x) : null;
  const seg = new Int32Array(6);
  const out = new Array<SqlValue>(w.sp.n);
  const order = fromEnd ? [...SEGMENT_ORDER].reverse() : SEGMENT_ORDER;
  for (let p = 0; p < w.sp.n; p++) {
    let k = nth(p);
    out[p] = null;
    if (k === null) continue;
    frameSegments(w, p, seg);
    for (const o of order) {
      const s = seg[o]!;
      const e = seg[o + 1]!;
      if (s >= e) continue;
      const size = nonNull === null ? e - s : lowerBound(nonNull, e) - lowerBound(nonNull, s);
      if (k > size) {
        k -= size;
        continue;
      }
      let at: number;
      if (nonNull === null) at = fromEnd ? e - k : s + k - 1;
      else
        at = fromEnd
          ? nonNull[lowerBound(nonNull, e) - k]!
          : nonNull[lowerBound(nonNull, s) + k - 1]!;
      out[p] = x[w.sp.order[at]!] ?? null;
      break;
    }
  }
  return out;
}

const nthValue: WindowEvaluator = (w) => {
  const ns = w.args[1] ?? [];
  return nthInFrame(
    w,
    (p) => {
      const v = ns[w.sp.order[p]!] ?? null;
      if (v === null) return null;
      if (Number(v) <= 0)
        throw new LakeError('22016', 'argument of nth_value must be greater than zero');
      return Number(v);
    },
    false,
  );
};

export const valueFunctions: Record<string, WindowEvaluator> = {
  lag: offsetFn(-1),
  lead: offsetFn(1),
  first_value: (w) => nthInFrame(w, () => 1, false),
  last_value: (w) => nthInFrame(w, () => 1, true),
  nth_value: nthValue,
};
