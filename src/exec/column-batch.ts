import type { SqlValue } from '../common/sql-value.js';

/**
 * The engine's working batch: columns of SqlValues, all of `rowCount` length.
 * Expressions evaluate a whole column per call (one call per node per batch), so
 * the per-row work is a tight loop inside each kernel.
 */
export interface ColumnBatch {
  readonly columns: readonly (readonly SqlValue[])[];
  readonly rowCount: number;
}

/** The rows at `indexes` of every column (filters, CASE branches, sorting). */
export function takeRows(batch: ColumnBatch, indexes: readonly number[]): ColumnBatch {
  return {
    columns: batch.columns.map((col) => indexes.map((i) => col[i] ?? null)),
    rowCount: indexes.length,
  };
}

/** A batch of one row and no columns: what column-free SELECTs evaluate over. */
export const SINGLE_ROW: ColumnBatch = { columns: [], rowCount: 1 };

/** `column` at `indexes`, where an index of -1 yields NULL (a join's missing side). */
export function gatherColumn(column: readonly SqlValue[], indexes: ArrayLike<number>): SqlValue[] {
  const n = indexes.length;
  const out = new Array<SqlValue>(n);
  for (let i = 0; i < n; i++) {
    const j = indexes[i]!;
    out[i] = j < 0 ? null : (column[j] ?? null);
  }
  return out;
}

/** Rows [from, to) of every column. */
export function sliceBatch(batch: ColumnBatch, from: number, to: number): ColumnBatch {
  if (from === 0 && to >= batch.rowCount) return batch;
  return { columns: batch.columns.map((c) => c.slice(from, to)), rowCount: to - from };
}
