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
