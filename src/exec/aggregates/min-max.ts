import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Comparator } from '../kernels/compare-values.js';
import { sortComparatorFor } from '../sort-rows.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray } from './grouped-aggregate.js';

/**
 * min/max over any ordered type, and min_by/max_by(x, y) (Spark, Trino): the x of the
 * row with the least/greatest y. NULL inputs (NULL y for the _by forms) are skipped.
 * Integers, dates and timestamps compare with `<` directly; the rest (text by code
 * point, numeric text, floats with NaN above everything, intervals, bytea) through
 * ORDER BY's comparator, so min/max agree with sorting.
 */
const DIRECT = new Set(['int2', 'int4', 'int8', 'oid', 'date', 'time', 'timestamp', 'timestamptz']);

function comparisonOf(t: SqlType): Comparator | null {
  return DIRECT.has(t.kind) ? null : sortComparatorFor(t);
}

/**
 * The state: the best key per group and (for the _by forms) the value that came with
 * it. `sign` is 1 for max, -1 for min. `valueArg` is the argument index of the result.
 */
function extremum(
  keyType: SqlType,
  resultType: SqlType,
  sign: number,
  byForm: boolean,
): GroupedAggregate {
  const cmp = comparisonOf(keyType);
  const best: SqlValue[] = [];
  const values: SqlValue[] = [];
  const keyArg = byForm ? 1 : 0;
  const offer = (g: number, key: SqlValue, value: SqlValue): void => {
    const cur = best[g] as SqlValue;
    let better: boolean;
    if (cur === null) better = true;
    else if (cmp === null)
      better = sign > 0 ? (key as number) > (cur as number) : (key as number) < (cur as number);
    else better = sign * cmp(key, cur) > 0;
    if (better) {
      best[g] = key;
      if (byForm) values[g] = value;
    }
  };
  return {
    stateTypes: byForm ? [resultType, keyType] : [resultType],
    grow: (n) => {
      growArray(best, n, null);
      if (byForm) growArray(values, n, null);
    },
    update: (args, rows, groups, count) => {
      const keys = args[keyArg] as Column;
      const vals = args[0] as Column;
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : (rows[k] as number);
        const key = keys[row] ?? null;
        if (key !== null) offer(groups[k] as number, key, byForm ? (vals[row] ?? null) : null);
      }
    },
    result: (g) => (byForm ? values[g] : best[g]) ?? null,
    state: (n) => (byForm ? [values.slice(0, n), best.slice(0, n)] : [best.slice(0, n)]),
    merge: (state, groups, count) => {
      const vals = state[0] as Column;
      const keys = (byForm ? state[1] : state[0]) as Column;
      for (let k = 0; k < count; k++) {
        const key = keys[k] ?? null;
        if (key !== null) offer(groups[k] as number, key, vals[k] ?? null);
      }
    },
  };
}

const argType = (types: readonly SqlType[], i: number, fallback: SqlType): SqlType =>
  types[i] ?? fallback;

export const minAggregate: AggregateFactory = (a) =>
  extremum(argType(a.argTypes, 0, a.resultType), a.resultType, -1, false);
export const maxAggregate: AggregateFactory = (a) =>
  extremum(argType(a.argTypes, 0, a.resultType), a.resultType, 1, false);
export const minByAggregate: AggregateFactory = (a) =>
  extremum(argType(a.argTypes, 1, a.resultType), a.resultType, -1, true);
export const maxByAggregate: AggregateFactory = (a) =>
  extremum(argType(a.argTypes, 1, a.resultType), a.resultType, 1, true);
