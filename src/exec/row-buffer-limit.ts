import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { ColumnBatch } from './column-batch.js';

/**
 * Caps what one statement buffers (ORDER BY, GROUP BY) at the configured memory
 * limit, estimated from the values held: a clear 53200 instead of a process
 * running out of heap.
 */
export class RowBufferLimit {
  private used = 0;

  constructor(
    private readonly limitBytes: number,
    private readonly what: string,
  ) {}

  add(batch: ColumnBatch): void {
    let bytes = 0;
    for (const col of batch.columns) {
      for (const v of col) bytes += typeof v === 'string' ? 16 + v.length * 2 : 16;
    }
    this.used += bytes;
    if (this.used > this.limitBytes) {
      throw new LakeError(SqlState.outOfMemory, 'out of memory', {
        detail: `${this.what} needs more than the statement memory limit of ${this.limitBytes} bytes.`,
        hint: 'Add a WHERE clause or a LIMIT, or raise limits.memoryBytes in the configuration.',
      });
    }
  }
}
