/**
 * A QueryEngine that answers every statement with one int4 column holding 1, without
 * parsing or planning. Benchmarked behind the real PgServer it isolates the cost of the
 * wire protocol layer (src/pgwire) from the engine's per-statement work.
 */
import { Field, makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { Types } from '../../src/common/sql-types.js';
import { buildVector } from '../../src/common/values/build-vector.js';
import type {
  Execution,
  ParsedStatement,
  PreparedStatement,
  QueryEngine,
  ResultColumn,
  Session,
} from '../../src/engine/query-engine.js';

const columns: readonly ResultColumn[] = [{ name: '?column?', type: Types.int4 }];

function oneRowBatch(): RecordBatch {
  const data = buildVector(Types.int4, [1]).data[0]!;
  const fields = [new Field('?column?', data.type, true)];
  const struct = makeData({ type: new Struct(fields), length: 1, nullCount: 0, children: [data] });
  return new RecordBatch(new Schema(fields), struct);
}

/** A one-batch stream without an async generator's overhead. */
function once(batch: RecordBatch): AsyncIterable<RecordBatch> {
  return {
    [Symbol.asyncIterator]: () => {
      let sent = false;
      return {
        next: () =>
          Promise.resolve(
            sent
              ? { done: true, value: undefined }
              : ((sent = true), { done: false, value: batch }),
          ),
      };
    },
  };
}

class ConstantSession implements Session {
  private readonly batch = oneRowBatch();
  constructor(readonly backendPid: number) {}
  reportedParameters = (): [string, string][] => [['server_version', '15.8 (constant engine)']];
  setting = (): undefined => undefined;
  transactionStatus = (): 'idle' => 'idle';
  parse = (sql: string): ParsedStatement[] => [{ sql, offset: 0 }];
  prepare = (parsed: ParsedStatement): Promise<PreparedStatement> =>
    Promise.resolve({ parsed, paramTypes: [], columns });
  execute = (): Promise<Execution> =>
    Promise.resolve({ columns, batches: once(this.batch), commandTag: (rows) => `SELECT ${rows}` });
  cursorColumns = (): undefined => undefined;
  statementFailed = (): void => undefined;
  beginImplicitTransaction = (): void => undefined;
  endImplicitTransaction = (): Promise<void> => Promise.resolve();
  close = (): Promise<void> => Promise.resolve();
}

export const constantEngine: QueryEngine = {
  openSession: (startup) => Promise.resolve(new ConstantSession(startup.backendPid)),
  close: () => Promise.resolve(),
};
