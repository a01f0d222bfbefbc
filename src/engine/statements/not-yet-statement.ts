import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { LakeStatement } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type { StatementHandler } from '../session-core.js';

/**
 * Lake statements that parse but that no table format runs yet (DML, DDL, CALL,
 * maintenance): a clean 0A000 at the statement's first word. The format and catalog
 * issues replace these entries one by one.
 */
export const notYetStatement: StatementHandler<LakeStatement> = {
  prepare(_core, s, parsed) {
    const word = parsed.sql.trimStart().split(/\s+/, 2).join(' ').toUpperCase();
    return Promise.reject(
      new LakeError(SqlState.featureNotSupported, `${word} is not supported yet`, {
        position: errorPosition(parsed.fullText, s.span.start),
      }),
    );
  },
  execute() {
    return Promise.reject(new LakeError(SqlState.internalError, 'not prepared'));
  },
};
