import type { RecordBatch } from 'apache-arrow';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { CloseCursor, DeclareCursor, FetchStatement } from '../../sql/ast.js';
import { noColumns, tagOnly, type StatementHandler } from '../session-core.js';
import { prepareQuery, startQuery } from './query-statement.js';

/**
 * DECLARE / FETCH / MOVE / CLOSE (PostgreSQL docs: SQL commands). FETCH from a BINARY
 * cursor asks pgwire for binary rows (PreparedStatement.binaryResults).
 */
export const declareCursor: StatementHandler<DeclareCursor> = {
  async prepare(core, s, parsed, paramTypes) {
    return { columns: null, query: await prepareQuery(core, s.query, parsed, paramTypes) };
  },
  execute(core, s, prepared, params, run) {
    if (!s.withHold) core.tx.requireBlock('DECLARE CURSOR');
    if (s.scroll) {
      throw new LakeError(SqlState.featureNotSupported, 'SCROLL cursors are not supported');
    }
    // The cursor outlives this statement: it reads with the session's own signal, not the statement's.
    core.cursors.declare(
      s.name,
      startQuery(core, prepared.bound.query!, params, run.detached()),
      s.withHold,
      s.binary,
    );
    return Promise.resolve(tagOnly('DECLARE CURSOR'));
  },
};

export const fetchStatement: StatementHandler<FetchStatement> = {
  prepare(core, s) {
    if (s.move) return Promise.resolve({ columns: null });
    return Promise.resolve({
      columns: core.cursors.get(s.cursor).stream.columns,
      ...(core.cursors.isBinary(s.cursor) ? { binaryResults: true } : {}),
    });
  },
  async execute(core, s) {
    const reader = core.cursors.get(s.cursor);
    const batches = await reader.read(s.count);
    const rows = batches.reduce((n, b) => n + b.numRows, 0);
    if (s.move) return tagOnly(`MOVE ${rows}`);
    return {
      columns: reader.stream.columns,
      batches: fromArray(batches),
      tag: (sent) => `FETCH ${sent}`,
    };
  },
};

async function* fromArray(batches: readonly RecordBatch[]): AsyncGenerator<RecordBatch> {
  for (const b of batches) yield await Promise.resolve(b);
}

export const closeCursor: StatementHandler<CloseCursor> = {
  prepare: noColumns,
  async execute(core, s) {
    if (s.name === null) await core.cursors.closeAll();
    else await core.cursors.close(s.name);
    return tagOnly(s.name === null ? 'CLOSE CURSOR ALL' : 'CLOSE CURSOR');
  },
};
