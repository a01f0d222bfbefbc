import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { errorPosition } from '../../sql/position.js';
import type { DropTable } from '../../sql/ast.js';
import { noColumns, tagOnly, type StatementHandler } from '../session-core.js';
import { findTable } from './lake-names.js';

/**
 * `DROP TABLE [IF EXISTS] t [PURGE]` (Spark/Hive semantics): a managed table's files go
 * with it, an external table's files stay (PURGE changes neither: there is no trash).
 * PostgreSQL's NOTICE when IF EXISTS finds nothing.
 */
export const dropTableStatement: StatementHandler<DropTable> = {
  prepare: noColumns,
  async execute(core, s, prepared) {
    const { parsed } = prepared;
    const found = await findTable(core, s.name, parsed);
    if (found === null) {
      // PostgreSQL names the table as written, unqualified: `table "t" does not exist`.
      const message = `table "${s.name.parts[s.name.parts.length - 1] ?? ''}" does not exist`;
      if (!s.ifExists) {
        throw new LakeError(SqlState.undefinedTable, message, {
          position: errorPosition(parsed.fullText, s.name.span.start),
        });
      }
      core.notice({
        severity: 'NOTICE',
        sqlstate: SqlState.successfulCompletion,
        message: `${message}, skipping`,
      });
      return tagOnly('DROP TABLE');
    }
    const { catalog, table } = found;
    await catalog.dropTable(table.ident, { purge: !isExternal(table.parameters) });
    return tagOnly('DROP TABLE');
  },
};

/** Hive's marker of a table whose files the catalog does not own. */
export function isExternal(parameters: Readonly<Record<string, string>>): boolean {
  return (parameters['EXTERNAL'] ?? '').toUpperCase() === 'TRUE';
}
