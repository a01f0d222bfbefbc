import type { RecordBatch } from 'apache-arrow';
import type { ResultColumn } from './query-engine.js';

/** A query's result before it becomes an Execution or a cursor: its columns and its batches. */
export interface RowStream {
  readonly columns: readonly ResultColumn[];
  readonly batches: AsyncIterable<RecordBatch>;
}

/** Pulls rows from a stream a few at a time (cursors, FETCH n), slicing batches as needed. */
export class RowReader {
  private readonly iterator: AsyncIterator<RecordBatch>;
  private pending: RecordBatch | null = null;
  private offset = 0;
  private done = false;

  constructor(readonly stream: RowStream) {
    this.iterator = stream.batches[Symbol.asyncIterator]();
  }

  /** Up to `limit` rows (all when null), as slices of the underlying batches. */
  async read(limit: number | null): Promise<RecordBatch[]> {
    const out: RecordBatch[] = [];
    let wanted = limit ?? Number.POSITIVE_INFINITY;
    while (wanted > 0) {
      const batch = await this.current();
      if (!batch) break;
      const take = Math.min(wanted, batch.numRows - this.offset);
      out.push(batch.slice(this.offset, this.offset + take));
      this.offset += take;
      wanted -= take;
    }
    return out;
  }

  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }

  private async current(): Promise<RecordBatch | null> {
    while (!this.pending || this.offset >= this.pending.numRows) {
      if (this.done) return null;
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        return null;
      }
      this.pending = next.value;
      this.offset = 0;
    }
    return this.pending;
  }
}
