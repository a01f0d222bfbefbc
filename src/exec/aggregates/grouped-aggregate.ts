import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Vec } from '../vector/vec.js';

/** One evaluated column of a batch. */
export type Column = readonly SqlValue[];

/**
 * An aggregate function's state for many groups at once, kept in arrays indexed by
 * group id so the per-row work is one tight loop per batch (no object per group).
 *
 * Rows reach it as (row, group) pairs: pair k reads argument row `rows ? rows[k] : k`
 * into group `groups[k]`. The same shape serves hash aggregation (rows null, one
 * group per key), FILTER (rows = the rows that pass) and window frames (a row may
 * feed several output groups).
 *
 * Partial aggregation (DESIGN.md §3 "Parallelism"): `state()` expresses each group's
 * state as ordinary SQL-typed columns (`stateTypes`), so workers ship them as Arrow
 * batches and the main thread folds them in with `merge()`.
 */
export interface GroupedAggregate {
  /** The column types of the partial state, in order. */
  readonly stateTypes: readonly SqlType[];
  /** Makes groups [0, groupCount) exist (empty); call before update/merge reach them. */
  grow(groupCount: number): void;
  update(args: readonly Column[], rows: Int32Array | null, groups: Int32Array, count: number): void;
  /**
   * update() for one argument in typed form (src/exec/vector, the workers' scan side).
   * Returns false, having done nothing, when it has no path for this vec's kind; the
   * caller then passes SqlValues to update().
   */
  readonly updateVec?: (
    arg: Vec,
    rows: Int32Array | null,
    groups: Int32Array,
    count: number,
  ) => boolean;
  /**
   * Takes back rows added earlier (sliding window frames); present only where this is
   * exact (integers and numeric; never floats, whose rounding would drift from PostgreSQL).
   */
  readonly remove?: (
    args: readonly Column[],
    rows: Int32Array | null,
    groups: Int32Array,
    count: number,
  ) => void;
  /** The result of one group; does not disturb the state (windows read running results). */
  result(group: number): SqlValue;
  /** The partial state of groups [0, groupCount), one column per state type. */
  state(groupCount: number): SqlValue[][];
  /** Folds state row k (columns as `state()` made them) into group `groups[k]`. */
  merge(state: readonly Column[], groups: Int32Array, count: number): void;
}

/** What the registry passes a factory: argument and result types as the binder resolved them. */
export interface AggregateArgs {
  readonly argTypes: readonly SqlType[];
  readonly resultType: SqlType;
  /** Built for a sliding window frame: `remove` will be used (exact-sum scale bookkeeping). */
  readonly sliding?: boolean;
}

export type AggregateFactory = (a: AggregateArgs) => GroupedAggregate;

/** Results of groups [0, groupCount). */
export function finalColumn(agg: GroupedAggregate, groupCount: number): SqlValue[] {
  const out = new Array<SqlValue>(groupCount);
  for (let g = 0; g < groupCount; g++) out[g] = agg.result(g);
  return out;
}

/** Extends a plain array to `n` entries filled with `fill`. */
export function growArray<T>(arr: T[], n: number, fill: T): void {
  const missing = n - arr.length;
  if (missing <= 0) return;
  if (missing < 16) {
    for (let i = 0; i < missing; i++) arr.push(fill);
    return;
  }
  // Pushed a chunk at a time (one builtin call each): a million new groups otherwise cost
  // a million calls per state array. Pushing keeps the array packed, unlike setting length.
  const chunk = new Array<T>(Math.min(missing, GROW_CHUNK)).fill(fill);
  for (let left = missing; left > 0; left -= chunk.length)
    arr.push(...(left >= chunk.length ? chunk : chunk.slice(0, left)));
}

const GROW_CHUNK = 4096;

/** Group ids 0..n-1, the identity mapping `merge` takes when state rows are groups already. */
export function identityGroups(n: number): Int32Array {
  const g = new Int32Array(n);
  for (let i = 0; i < n; i++) g[i] = i;
  return g;
}

/**
 * Group ids that nothing changes while a batch's aggregates read them (the arrays the
 * grouping hands out per batch), so what is derived from them can be shared.
 */
const stableGroups = new WeakSet<Int32Array>();
const groupCounts = new WeakMap<Int32Array, Int32Array>();

export function stable(groups: Int32Array): Int32Array {
  stableGroups.add(groups);
  return groups;
}

/**
 * Rows per group for the first `count` ids of `groups`. For stable group ids of a whole
 * batch they are counted once for all the aggregates that read them (TPC-H Q1 has seven
 * sums and averages and a count(*) over one batch's groups).
 */
export function rowsPerGroup(groups: Int32Array, count: number, groupCount: number): Int32Array {
  const whole = count === groups.length && stableGroups.has(groups);
  const known = whole ? groupCounts.get(groups) : undefined;
  if (known !== undefined && known.length === groupCount) return known;
  const counts = new Int32Array(groupCount);
  for (let k = 0; k < count; k++) counts[groups[k]!]! += 1;
  if (whole) groupCounts.set(groups, counts);
  return counts;
}
