import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import { RowReader, type RowStream } from './row-stream.js';

interface Cursor {
  readonly reader: RowReader;
  readonly withHold: boolean;
  readonly binary: boolean;
}

/**
 * A session's SQL-level cursors (DECLARE / FETCH / MOVE / CLOSE, PostgreSQL docs
 * "DECLARE"). Cursors without HOLD end with their transaction; WITH HOLD ones live
 * until closed or the session ends. Names are case-folded by the parser already.
 */
export class Cursors {
  private readonly open = new Map<string, Cursor>();

  declare(name: string, stream: RowStream, withHold: boolean, binary: boolean): void {
    if (this.open.has(name)) {
      throw new LakeError(SqlState.duplicateCursor, `cursor "${name}" already exists`);
    }
    this.open.set(name, { reader: new RowReader(stream), withHold, binary });
  }

  get(name: string): RowReader {
    const c = this.open.get(name);
    if (!c) throw new LakeError(SqlState.invalidCursorName, `cursor "${name}" does not exist`);
    return c.reader;
  }

  /** Whether a cursor was declared BINARY; throws 34000 when there is none by that name. */
  isBinary(name: string): boolean {
    this.get(name);
    return this.open.get(name)?.binary ?? false;
  }

  /** The columns of an open cursor; undefined when there is none by that name. */
  columnsOf(name: string): RowStream['columns'] | undefined {
    return this.open.get(name)?.reader.stream.columns;
  }

  async close(name: string): Promise<void> {
    const reader = this.get(name);
    this.open.delete(name);
    await reader.close();
  }

  async closeAll(): Promise<void> {
    const readers = [...this.open.values()].map((c) => c.reader);
    this.open.clear();
    await Promise.all(readers.map((r) => r.close()));
  }

  /** At transaction end: cursors without HOLD close (PostgreSQL: at COMMIT and ROLLBACK). */
  async endTransaction(): Promise<void> {
    const ending = [...this.open].filter(([, c]) => !c.withHold);
    for (const [name] of ending) this.open.delete(name);
    await Promise.all(ending.map(([, c]) => c.reader.close()));
  }
}
