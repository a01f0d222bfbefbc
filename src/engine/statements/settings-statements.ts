import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type {
  DeallocateStatement,
  DiscardStatement,
  ResetStatement,
  SetStatement,
  ShowStatement,
  UseStatement,
} from '../../sql/ast.js';
import { findSetting } from '../settings/setting-definitions.js';
import { quoteSchemaName } from '../settings/value-checks.js';
import { noColumns, tagOnly, type SessionCore, type StatementHandler } from '../session-core.js';
import { textBatches, textColumns } from './text-rows.js';

/** SET / SET LOCAL (docs: SQL commands, SET); SET LOCAL outside a block warns and does nothing. */
export const setStatement: StatementHandler<SetStatement> = {
  prepare: noColumns,
  execute(core, s) {
    const inBlock = core.tx.inBlock();
    if (s.local && !inBlock) warnOutsideBlock(core, 'SET LOCAL');
    if (s.value === null) core.settings.reset(s.name, s.local, inBlock);
    else core.settings.set(s.name, joinValue(s.name, s.value), s.local, inBlock);
    return Promise.resolve(tagOnly('SET'));
  },
};

/** A value list as PostgreSQL joins it: ", " between items, identifiers quoted for search_path. */
function joinValue(name: string, items: readonly string[]): string {
  if (findSetting(name)?.listQuote) return items.map(quoteSchemaName).join(', ');
  return items.join(', ');
}

function warnOutsideBlock(core: SessionCore, what: string): void {
  core.notice({
    severity: 'WARNING',
    sqlstate: SqlState.noActiveSqlTransaction,
    message: `${what} can only be used in transaction blocks`,
  });
}

export const resetStatement: StatementHandler<ResetStatement> = {
  prepare: noColumns,
  execute(core, s) {
    if (s.name === null) core.settings.resetAll();
    else core.settings.reset(s.name, false, core.tx.inBlock());
    return Promise.resolve(tagOnly('RESET'));
  },
};

export const showStatement: StatementHandler<ShowStatement> = {
  prepare(core, s) {
    if (s.name.toLowerCase() === 'all') {
      return Promise.resolve({ columns: textColumns('name', 'setting', 'description') });
    }
    core.settings.show(s.name);
    return Promise.resolve({ columns: textColumns(core.settings.displayName(s.name)) });
  },
  execute(core, s, prepared) {
    const columns = prepared.columns ?? [];
    const rows =
      s.name.toLowerCase() === 'all'
        ? core.settings.all().map((r) => [r.name, r.setting, r.description])
        : [[core.settings.show(s.name)]];
    return Promise.resolve({ columns, batches: textBatches(columns, rows), tag: () => 'SHOW' });
  },
};

/** Prepared statements are protocol-level, pgwire's: the session asks it to drop them. */
export const deallocateStatement: StatementHandler<DeallocateStatement> = {
  prepare: noColumns,
  execute(core, s) {
    if (!core.deallocate(s.name)) {
      throw new LakeError(
        SqlState.undefinedPreparedStatement,
        `prepared statement "${s.name ?? ''}" does not exist`,
      );
    }
    return Promise.resolve(tagOnly(s.name === null ? 'DEALLOCATE ALL' : 'DEALLOCATE'));
  },
};

/** DISCARD ALL: RESET ALL, close cursors, drop prepared statements (PostgreSQL docs, DISCARD). */
export const discardStatement: StatementHandler<DiscardStatement> = {
  prepare: noColumns,
  async execute(core, s) {
    if (s.what === 'all') {
      if (core.tx.inBlock()) {
        throw new LakeError(
          SqlState.activeSqlTransaction,
          'DISCARD ALL cannot run inside a transaction block',
        );
      }
      core.settings.resetAll();
      await core.cursors.closeAll();
      core.deallocate(null);
    }
    return tagOnly(`DISCARD ${s.what.toUpperCase()}`);
  },
};

/** USE db / USE catalog.db (Spark, Trino): sets search_path to the database. */
export const useStatement: StatementHandler<UseStatement> = {
  prepare: noColumns,
  async execute(core, s) {
    const parts = s.name.parts;
    const ns = parts[parts.length - 1] ?? '';
    const catalogName = parts.length > 1 ? parts[0] : core.startup.database;
    if (catalogName !== core.startup.database) {
      throw new LakeError(
        SqlState.featureNotSupported,
        'USE of another catalog is not supported; connect to that database instead',
      );
    }
    const catalog = core.options.catalogs.get(core.startup.database);
    if (catalog && !(await catalog.namespaceExists(ns))) {
      throw new LakeError(SqlState.invalidSchemaName, `schema "${ns}" does not exist`);
    }
    core.settings.set('search_path', quoteSchemaName(ns), false, core.tx.inBlock());
    return tagOnly('USE');
  },
};
