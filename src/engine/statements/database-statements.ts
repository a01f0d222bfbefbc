import { SqlState } from '../../common/sqlstate.js';
import type { CreateDatabase, DropDatabase } from '../../sql/ast.js';
import { noColumns, tagOnly, type StatementHandler } from '../session-core.js';
import { isExternal } from './drop-table-statement.js';
import { schemaNamed } from './lake-names.js';

/**
 * `CREATE DATABASE|SCHEMA [IF NOT EXISTS] db`: a namespace of the session's catalog (or
 * of `catalog.db`). 42P06 when it exists, a NOTICE with IF NOT EXISTS, as PostgreSQL.
 */
export const createDatabaseStatement: StatementHandler<CreateDatabase> = {
  prepare: noColumns,
  async execute(core, s, prepared) {
    const { catalog, namespace } = schemaNamed(core, s.name, prepared.parsed);
    const tag = `CREATE ${s.keyword.toUpperCase()}`;
    if (s.ifNotExists && (await catalog.namespaceExists(namespace))) {
      core.notice({
        severity: 'NOTICE',
        sqlstate: SqlState.duplicateSchema,
        message: `schema "${namespace}" already exists, skipping`,
      });
      return tagOnly(tag);
    }
    await catalog.createNamespace(namespace);
    return tagOnly(tag);
  },
};

/**
 * `DROP DATABASE|SCHEMA [IF EXISTS] db [CASCADE]`: 3F000 when absent (NOTICE with IF
 * EXISTS), 2BP01 when it holds tables without CASCADE. CASCADE drops each table as
 * DROP TABLE would (managed tables' files too, Spark's semantics).
 */
export const dropDatabaseStatement: StatementHandler<DropDatabase> = {
  prepare: noColumns,
  async execute(core, s, prepared) {
    const { catalog, namespace } = schemaNamed(core, s.name, prepared.parsed);
    const tag = `DROP ${s.keyword.toUpperCase()}`;
    if (!(await catalog.namespaceExists(namespace)) && s.ifExists) {
      core.notice({
        severity: 'NOTICE',
        sqlstate: SqlState.successfulCompletion,
        message: `schema "${namespace}" does not exist, skipping`,
      });
      return tagOnly(tag);
    }
    if (s.cascade) {
      for (const ident of await catalog.listTables(namespace)) {
        const table = await catalog.loadTable(ident);
        if (table === null) continue;
        await catalog.dropTable(ident, { ifExists: true, purge: !isExternal(table.parameters) });
      }
    }
    await catalog.dropNamespace(namespace, { cascade: s.cascade });
    return tagOnly(tag);
  },
};
