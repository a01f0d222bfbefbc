import { assertNever } from '../../common/assert.js';
import { SqlState } from '../../common/sqlstate.js';
import type { TransactionStatement } from '../../sql/ast.js';
import {
  noColumns,
  tagOnly,
  type Outcome,
  type SessionCore,
  type StatementHandler,
} from '../session-core.js';

/**
 * BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK/ABORT, SAVEPOINT, RELEASE and
 * ROLLBACK TO with PostgreSQL's tags and warnings (xact.c). Lake tables commit
 * per statement; a block scopes settings, cursors and the failed state.
 */
export const transactionStatement: StatementHandler<TransactionStatement> = {
  prepare: noColumns,
  async execute(core, s) {
    switch (s.action) {
      case 'begin':
        return begin(core, s);
      case 'commit':
        return end(core, true, 'COMMIT');
      case 'rollback':
        return end(core, false, 'ROLLBACK');
      case 'savepoint':
        core.tx.requireBlock('SAVEPOINT');
        core.tx.checkNotFailed();
        core.tx.savepoint(s.savepoint ?? '');
        core.settings.pushFrame();
        return tagOnly('SAVEPOINT');
      case 'release': {
        core.tx.requireBlock('RELEASE SAVEPOINT');
        core.tx.checkNotFailed();
        const level = core.tx.levelOf(s.savepoint ?? '');
        core.tx.release(level);
        core.settings.releaseFrames(level);
        return tagOnly('RELEASE');
      }
      case 'rollback-to': {
        core.tx.requireBlock('ROLLBACK TO SAVEPOINT');
        const level = core.tx.levelOf(s.savepoint ?? '');
        core.tx.rollbackTo(level);
        core.settings.rollbackTo(level);
        return tagOnly('ROLLBACK');
      }
      default:
        return assertNever(s.action, 'transaction action');
    }
  },
};

function begin(core: SessionCore, s: TransactionStatement): Outcome {
  const tag = s.keyword === 'start transaction' ? 'START TRANSACTION' : 'BEGIN';
  if (core.tx.implicit) {
    core.tx.makeExplicit();
    return tagOnly(tag);
  }
  if (core.tx.inBlock()) {
    core.tx.checkNotFailed();
    core.notice({
      severity: 'WARNING',
      sqlstate: SqlState.activeSqlTransaction,
      message: 'there is already a transaction in progress',
    });
    return tagOnly(tag);
  }
  core.tx.begin();
  core.settings.pushFrame();
  return tagOnly(tag);
}

/** COMMIT of a failed block rolls back and says so in its tag, as PostgreSQL does. */
async function end(core: SessionCore, commit: boolean, tag: string): Promise<Outcome> {
  // In an implicit block PostgreSQL warns as if no block were open, then ends it anyway.
  if (!core.tx.inBlock() || core.tx.implicit) {
    core.notice({
      severity: 'WARNING',
      sqlstate: SqlState.noActiveSqlTransaction,
      message: 'there is no transaction in progress',
    });
    if (core.tx.implicit) await core.endTransaction(commit);
    return tagOnly(tag);
  }
  const failed = core.tx.status() === 'failed';
  await core.endTransaction(commit && !failed);
  return tagOnly(failed ? 'ROLLBACK' : tag);
}
