import { assert } from '../../common/assert.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { encodeRowKey, keyNormalizer, type HashKey } from '../hash-keys.js';
import { rowComparator, type SortSpec } from '../sort-rows.js';
import type { Column, GroupedAggregate } from './grouped-aggregate.js';

/** ORDER BY inside an aggregate call: key k of the order is argument column `argCount + k`. */
export interface InnerOrder {
  readonly type: SqlType;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * `agg(DISTINCT ...)` and `agg(... ORDER BY ...)`: each group's argument rows are
 * buffered (once per distinct argument tuple with DISTINCT, compared with SQL
 * equality), and at the end sorted by the ORDER BY keys and fed to the plain
 * aggregate in that order. Such calls have no partial state: the optimizer does not
 * split them across workers.
 */
export function orderedDistinct(
  inner: GroupedAggregate,
  argTypes: readonly SqlType[],
  distinct: boolean,
  order: readonly InnerOrder[],
): GroupedAggregate {
  const argCount = argTypes.length;
  const width = argCount + order.length;
  const tuples: SqlValue[][][] = [];
  const seen: (Set<HashKey> | null)[] = [];
  const norm = argCount === 1 ? keyNormalizer(argTypes[0]!) : null;
  let fed = -1;
  const keyOf = (args: readonly Column[], row: number): HashKey => {
    if (argCount === 1) {
      const v = args[0]![row] ?? null;
      return v === null || norm === null ? (v as HashKey) : norm(v);
    }
    return encodeRowKey(args.slice(0, argCount), row, argTypes);
  };
  const feed = (groupCount: number): void => {
    const columns: SqlValue[][] = Array.from({ length: width }, () => []);
    const groups: number[] = [];
    for (let g = 0; g < groupCount; g++) {
      const list = tuples[g] ?? [];
      for (const t of sorted(list, argCount, order)) {
        for (let c = 0; c < width; c++) columns[c]!.push(t[c] ?? null);
        groups.push(g);
      }
    }
    inner.grow(groupCount);
    inner.update(columns, null, Int32Array.from(groups), groups.length);
    fed = groupCount;
  };
  return {
    stateTypes: [],
    grow: (n) => {
      for (let g = tuples.length; g < n; g++) {
        tuples.push([]);
        seen.push(distinct ? new Set() : null);
      }
    },
    update: (args, rows, groups, count) => {
      assert(fed < 0, 'an ordered or DISTINCT aggregate got rows after its results were read');
      for (let k = 0; k < count; k++) {
        const row = rows === null ? k : rows[k]!;
        const g = groups[k]!;
        if (distinct) {
          const key = keyOf(args, row);
          const set = seen[g]!;
          if (set.has(key)) continue;
          set.add(key);
        }
        const t = new Array<SqlValue>(width);
        for (let c = 0; c < width; c++) t[c] = args[c]?.[row] ?? null;
        tuples[g]!.push(t);
      }
    },
    result: (g) => {
      if (fed < 0) feed(tuples.length);
      return inner.result(g);
    },
    state: () => {
      throw new Error('ordered and DISTINCT aggregates have no partial state');
    },
    merge: () => {
      throw new Error('ordered and DISTINCT aggregates have no partial state');
    },
  };
}

function sorted(list: SqlValue[][], argCount: number, order: readonly InnerOrder[]): SqlValue[][] {
  if (order.length === 0 || list.length < 2) return list;
  const columns = order.map((_, k) => list.map((t) => t[argCount + k] ?? null));
  const specs: SortSpec[] = order.map((o, k) => ({ column: k, ...o }));
  const idx = list.map((_, i) => i).sort(rowComparator(columns, specs));
  return idx.map((i) => list[i]!);
}
