import type { RecordBatch } from 'apache-arrow';
import type { SqlValue } from '../common/sql-value.js';
import type { Execution, PreparedStatement, Session } from '../engine/query-engine.js';
import {
  commandComplete,
  copyData,
  copyDone,
  copyOutResponse,
  emptyQueryResponse,
  portalSuspended,
} from './backend-messages.js';
import { encodeColumns, type EncodedColumn, type EncodeOptions } from './row-encoder.js';
import { copyRowFormatter } from './types/copy-row-formatter.js';
import type { WireBuffer } from './wire-buffer.js';

/** What a portal needs from its connection while it streams rows. */
export interface PortalSink {
  readonly out: WireBuffer;
  /** Writes buffered output to the socket and waits while the socket is above its high-water mark. */
  drainIfFull(): Promise<void>;
  encodeOptions(): EncodeOptions;
}

interface PendingBatch {
  readonly batch: RecordBatch;
  readonly columns: readonly EncodedColumn[];
  next: number;
}

/**
 * A bound statement being executed (protocol docs §55.2.3). It pulls batches from the
 * engine only as the client asks for rows: Execute with a row limit sends that many
 * and leaves the rest in the engine, so `setFetchSize` streams in constant memory.
 */
export class Portal {
  private execution: Execution | null = null;
  private iterator: AsyncIterator<RecordBatch> | null = null;
  private pending: PendingBatch | null = null;
  private finished = false;

  constructor(
    readonly name: string,
    readonly statement: PreparedStatement | null,
    private readonly params: readonly SqlValue[],
    /** Per-column result format codes (0 text, 1 binary), already expanded from Bind. */
    readonly formats: readonly number[],
  ) {}

  get isEmptyQuery(): boolean {
    return this.statement === null;
  }

  /** Runs the portal for up to `maxRows` rows (0 = all) and writes the results. */
  async run(
    session: Session,
    sink: PortalSink,
    maxRows: number,
    signal: AbortSignal,
  ): Promise<void> {
    if (this.statement === null) {
      emptyQueryResponse(sink.out);
      return;
    }
    if (this.finished) {
      // PostgreSQL answers a drained portal with an empty completion of the same command.
      commandComplete(sink.out, this.execution?.commandTag(0) ?? 'SELECT 0');
      return;
    }
    const execution = (this.execution ??= await session.execute(
      this.statement,
      this.params,
      signal,
    ));
    this.iterator ??= execution.batches[Symbol.asyncIterator]();
    if (execution.copyOut) return this.runCopy(execution, sink);
    const sent = await this.sendRows(sink, maxRows);
    if (maxRows > 0 && sent === maxRows) {
      portalSuspended(sink.out);
      return;
    }
    this.finished = true;
    this.iterator = null; // drained: nothing left to release
    // Like PostgreSQL, the tag counts the rows of this Execute, not of the whole portal.
    commandComplete(sink.out, execution.commandTag(sent));
  }

  /** Whether the engine still holds rows for this portal (closing must release them). */
  get holdsRows(): boolean {
    return this.iterator !== null;
  }

  /** Releases the engine's iterator if the portal is closed before it is drained. */
  async close(): Promise<void> {
    this.finished = true;
    this.pending = null;
    const it = this.iterator;
    this.iterator = null;
    await it?.return?.();
  }

  private async sendRows(sink: PortalSink, maxRows: number): Promise<number> {
    let sent = 0;
    while (maxRows === 0 || sent < maxRows) {
      const pending = this.pending ?? (await this.nextBatch(sink));
      if (!pending) break;
      const end =
        maxRows === 0
          ? pending.batch.numRows
          : Math.min(pending.batch.numRows, pending.next + (maxRows - sent));
      writeDataRows(sink.out, pending.columns, pending.next, end);
      sent += end - pending.next;
      pending.next = end;
      if (pending.next >= pending.batch.numRows) this.pending = null;
      await sink.drainIfFull();
    }
    return sent;
  }

  private async nextBatch(sink: PortalSink): Promise<PendingBatch | null> {
    const execution = this.execution;
    const iterator = this.iterator;
    if (!execution?.columns || !iterator) return null;
    for (;;) {
      const r = await iterator.next();
      if (r.done) return null;
      if (r.value.numRows === 0) continue;
      const columns = encodeColumns(r.value, execution.columns, this.formats, sink.encodeOptions());
      this.pending = { batch: r.value, columns, next: 0 };
      return this.pending;
    }
  }

  private async runCopy(execution: Execution, sink: PortalSink): Promise<void> {
    const iterator = this.iterator;
    if (!execution.copyOut || !iterator) return;
    const columns = execution.columns ?? [];
    const formatter = copyRowFormatter(columns, execution.copyOut, sink.encodeOptions());
    copyOutResponse(sink.out, columns.length);
    const header = formatter.header();
    if (header) copyData(sink.out, header);
    let rows = 0;
    for (;;) {
      const r = await iterator.next();
      if (r.done) break;
      for (const line of formatter.rows(r.value)) copyData(sink.out, line);
      rows += r.value.numRows;
      await sink.drainIfFull();
    }
    copyDone(sink.out);
    this.finished = true;
    this.iterator = null;
    commandComplete(sink.out, execution.commandTag(rows));
  }
}

function writeDataRows(
  out: WireBuffer,
  columns: readonly EncodedColumn[],
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    out.begin('D').int16(columns.length);
    for (const column of columns) {
      const value = column[row];
      if (value === null || value === undefined) out.int32(-1);
      else out.int32(value.length).bytes(value);
    }
    out.end();
  }
}
