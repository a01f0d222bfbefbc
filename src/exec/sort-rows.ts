import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import type { ColumnBatch } from './column-batch.js';
import { takeRows } from './column-batch.js';
import { comparatorFor } from './kernels/compare-values.js';

export interface SortSpec {
  readonly column: number;
  readonly type: SqlType;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Concatenates batches into one (the sort and aggregate inputs). */
export function concatBatches(batches: readonly ColumnBatch[], width: number): ColumnBatch {
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  let rowCount = 0;
  for (const b of batches) {
    b.columns.forEach((col, i) => columns[i]?.push(...col));
    rowCount += b.rowCount;
  }
  return { columns, rowCount };
}

/** A stable sort by the keys, with NULLS FIRST/LAST per key (docs §7.5). */
export function sortRows(batch: ColumnBatch, keys: readonly SortSpec[]): ColumnBatch {
  const compares = keys.map((k) => ({
    ...k,
    cmp: comparatorFor(k.type),
    col: batch.columns[k.column] ?? [],
  }));
  const order = [...Array(batch.rowCount).keys()];
  order.sort((a, b) => {
    for (const k of compares) {
      const x = k.col[a] ?? null;
      const y = k.col[b] ?? null;
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === k.nullsFirst ? -1 : 1;
      }
      const c = k.cmp(x, y);
      if (c !== 0) return k.descending ? -c : c;
    }
    return a - b;
  });
  return takeRows(batch, order);
}
