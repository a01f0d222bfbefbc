import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray } from './grouped-aggregate.js';

/**
 * Spark's first(x [, ignoreNulls]) and last(x [, ignoreNulls]), and any_value(x) (the
 * first non-null value, as PostgreSQL 16 and Trino define it). Without ignoreNulls a
 * NULL x counts as a value. They follow input order, which only an ORDER BY inside
 * the call (or the input's own order) fixes.
 */
function pick(
  last: boolean,
  alwaysIgnoreNulls: boolean,
  resultType: GroupedAggregate['stateTypes'][number],
): GroupedAggregate {
  const values: SqlValue[] = [];
  const seen: boolean[] = [];
  const offer = (g: number, v: SqlValue): void => {
    if (last || seen[g] !== true) {
      values[g] = v;
      seen[g] = true;
    }
  };
  return {
    stateTypes: [resultType, Types.bool],
    grow: (n) => {
      growArray(values, n, null);
      growArray(seen, n, false);
    },
    update: (args, rows, groups, count) => {
      const col = args[0] as Column;
      const ignoreCol = args[1];
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : (rows[k] as number);
        const v = col[row] ?? null;
        if (v === null && (alwaysIgnoreNulls || ignoreCol?.[row] === true)) continue;
        offer(groups[k] as number, v);
      }
    },
    result: (g) => values[g] ?? null,
    state: (n) => [values.slice(0, n), seen.slice(0, n)],
    merge: (state, groups, count) => {
      const vals = state[0] as Column;
      const seens = state[1] as Column;
      for (let k = 0; k < count; k++)
        if (seens[k] === true) offer(groups[k] as number, vals[k] ?? null);
    },
  };
}

export const firstAggregate: AggregateFactory = (a) => pick(false, false, a.resultType);
export const lastAggregate: AggregateFactory = (a) => pick(true, false, a.resultType);
export const anyValueAggregate: AggregateFactory = (a) => pick(false, true, a.resultType);
