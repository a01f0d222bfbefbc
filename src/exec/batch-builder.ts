import type { SqlValue } from '../common/sql-value.js';
import type { ColumnBatch } from './column-batch.js';

/**
 * The most rows one batch carries. Operators that multiply rows (joins, table
 * functions, VALUES) cut their output at this size, so a consumer's per-batch
 * buffers stay bounded and cancellation is checked often enough.
 */
export const MAX_BATCH_ROWS = 65_536;

/**
 * Accumulates rows column by column into batches of at most MAX_BATCH_ROWS rows:
 * whole gathered columns (`appendGathered`) or single rows (`appendRow`).
 */
export class BatchBuilder {
  private columns: SqlValue[][];
  private rows = 0;

  constructor(readonly width: number) {
    this.columns = BatchBuilder.empty(width);
  }

  get rowCount(): number {
    return this.rows;
  }

  /** True once a batch's worth of rows is waiting; the caller should `flush()`. */
  get full(): boolean {
    return this.rows >= MAX_BATCH_ROWS;
  }

  /** Appends row `row` of `batch` (its first `width` columns). */
  appendRow(batch: ColumnBatch, row: number): void {
    const cols = this.columns;
    for (let c = 0; c < this.width; c++) cols[c]!.push(batch.columns[c]![row] ?? null);
    this.rows++;
  }

  /** Appends one row of values, one per column. */
  appendValues(values: readonly SqlValue[]): void {
    const cols = this.columns;
    for (let c = 0; c < this.width; c++) cols[c]!.push(values[c] ?? null);
    this.rows++;
  }

  /**
   * Appends `indexes.length` rows: column c of the new rows is `sources[c]` at the
   * indexes (-1 = NULL). Several source batches' columns may be mixed, as a join's
   * output takes its left columns from one batch and its right ones from another.
   */
  appendGathered(sources: readonly (readonly SqlValue[])[], indexes: ArrayLike<number>): void {
    const n = indexes.length;
    for (let c = 0; c < this.width; c++) {
      const out = this.columns[c]!;
      const src = sources[c]!;
      for (let i = 0; i < n; i++) {
        const j = indexes[i]!;
        out.push(j < 0 ? null : (src[j] ?? null));
      }
    }
    this.rows += n;
  }

  /** Appends `rowCount` rows given as whole columns. */
  appendColumns(columns: readonly (readonly SqlValue[])[], rowCount: number): void {
    for (let c = 0; c < this.width; c++) {
      const out = this.columns[c]!;
      const src = columns[c]!;
      for (let i = 0; i < rowCount; i++) out.push(src[i] ?? null);
    }
    this.rows += rowCount;
  }

  /** The rows gathered so far as one batch (null when none), and a fresh start. */
  flush(): ColumnBatch | null {
    if (this.rows === 0) return null;
    const batch = { columns: this.columns, rowCount: this.rows };
    this.columns = BatchBuilder.empty(this.width);
    this.rows = 0;
    return batch;
  }

  private static empty(width: number): SqlValue[][] {
    return Array.from({ length: width }, () => []);
  }
}
