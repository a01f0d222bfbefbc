import { unsupported } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { makeAggregate } from '../aggregates/aggregate-registry.js';
import type { GroupedAggregate } from '../aggregates/grouped-aggregate.js';
import { frameSegments, SEGMENT_ORDER, type WindowInput } from './window-input.js';

/** How much (row, group) work one fallback update call takes. */
const CHUNK = 1 << 15;

/**
 * An aggregate over each row's frame. Strategies, cheapest first:
 * - the frame is the whole partition: one group per partition, one pass;
 * - the frame starts at the partition (UNBOUNDED PRECEDING, the default frame): one
 *   running state per partition, rows added as the frame end advances, the result read
 *   at each new end (peers share it);
 * - the aggregate can take rows back exactly (count, sum/avg of integers and numeric,
 *   bool_and/or): a sliding state, rows added at the end and removed at the start;
 * - otherwise (EXCLUDE, min/max or floats over moving frames) each position's frame is
 *   aggregated on its own, in large batches, reusing the previous result when the frame
 *   is the same.
 * Frame bounds only move forward within a partition, which the first three rely on.
 */
export function windowAggregate(
  w: WindowInput,
  resultType: SqlType,
  argTypes: readonly SqlType[],
): SqlValue[] {
  const make = (sliding: boolean): GroupedAggregate =>
    makeAggregate({ fn: w.fn, argTypes, resultType, distinct: false, order: [], sliding });
  if (w.frame.exclude === 'no-others') {
    if (w.frame.start.kind === 'unbounded-preceding') return moving(w, make(false), true);
    const sliding = make(true);
    if (sliding.remove !== undefined) return moving(w, sliding, false);
  }
  return perFrame(w, () => make(false));
}

/** Whether row `row` feeds the aggregate (FILTER). */
const passes = (w: WindowInput, row: number): boolean =>
  w.filter === null || w.filter[row] === true;

function moving(w: WindowInput, agg: GroupedAggregate, growing: boolean): SqlValue[] {
  const { sp } = w;
  const out = new Array<SqlValue>(sp.n);
  agg.grow(sp.partitions);
  // Reused for every step: update/remove read only the first `count` entries.
  const rows = new Int32Array(sp.n);
  const groups = new Int32Array(sp.n);
  const feed = (from: number, to: number, g: number, remove: boolean): void => {
    let count = 0;
    for (let q = from; q < to; q++) {
      const row = sp.order[q]!;
      if (passes(w, row)) {
        rows[count] = row;
        groups[count++] = g;
      }
    }
    if (count === 0) return;
    if (remove) agg.remove!(w.args, rows, groups, count);
    else agg.update(w.args, rows, groups, count);
  };
  let curS = 0;
  let curE = 0;
  let last: SqlValue = null;
  let changed = true;
  for (let p = 0; p < sp.n; p++) {
    const g = sp.partition[p]!;
    if (p === sp.partStart[p]) {
      curS = curE = p;
      changed = true;
    }
    const s = growing ? curS : Math.max(w.bounds.start[p]!, curS);
    const e = Math.max(w.bounds.end[p]!, s);
    if (!growing && s > curS) {
      feed(curS, Math.min(s, curE), g, true);
      changed = true;
    }
    if (!growing && s > curE) curE = s;
    if (e > curE) {
      feed(curE, e, g, false);
      changed = true;
    }
    curS = s;
    curE = Math.max(curE, e);
    if (changed) last = agg.result(g);
    changed = false;
    out[p] = last;
  }
  return out;
}

function perFrame(w: WindowInput, make: () => GroupedAggregate): SqlValue[] {
  const { sp } = w;
  const out = new Array<SqlValue>(sp.n);
  const seg = new Int32Array(6);
  const prev = new Int32Array(6).fill(-1);
  let rows: number[] = [];
  let groups: number[] = [];
  /** Positions whose frame is their predecessor's, so is their result. */
  const same = new Uint8Array(sp.n);
  let base = 0;
  // Positions [base, p) are pending, as groups 0.. of a fresh aggregate.
  const flush = (upTo: number): void => {
    const agg = make();
    agg.grow(upTo - base);
    agg.update(w.args, Int32Array.from(rows), Int32Array.from(groups), rows.length);
    for (let p = base; p < upTo; p++) out[p] = same[p] ? out[p - 1]! : agg.result(p - base);
    rows = [];
    groups = [];
    base = upTo;
  };
  for (let p = 0; p < sp.n; p++) {
    frameSegments(w, p, seg);
    if (p > base && sp.partition[p] === sp.partition[p - 1] && seg.every((v, i) => v === prev[i])) {
      same[p] = 1;
    } else {
      for (const o of SEGMENT_ORDER) {
        for (let q = seg[o]!; q < seg[o + 1]!; q++) {
          const row = sp.order[q]!;
          if (!passes(w, row)) continue;
          rows.push(row);
          groups.push(p - base);
        }
      }
    }
    prev.set(seg);
    if (rows.length >= CHUNK) flush(p + 1);
  }
  if (base < sp.n) flush(sp.n);
  return out;
}

export function rejectDistinct(distinct: boolean): void {
  if (distinct) throw unsupported('DISTINCT is not implemented for window functions');
}
