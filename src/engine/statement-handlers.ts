import type { Statement, StatementKind } from '../sql/ast.js';
import type { StatementHandler } from './session-core.js';
import { copyStatement } from './statements/copy-statement.js';
import { closeCursor, declareCursor, fetchStatement } from './statements/cursor-statements.js';
import {
  createDatabaseStatement,
  dropDatabaseStatement,
} from './statements/database-statements.js';
import { createTableStatement } from './statements/create-table-statement.js';
import { describeStatement } from './statements/describe-statement.js';
import { dropTableStatement } from './statements/drop-table-statement.js';
import { insertStatement } from './statements/insert-statement.js';
import { msckRepairStatement } from './statements/msck-repair-statement.js';
import { showCreateTableStatement } from './statements/show-create-table-statement.js';
import {
  showColumnsStatement,
  showDatabasesStatement,
  showPartitionsStatement,
  showTablesStatement,
  showTblPropertiesStatement,
} from './statements/show-lake-statements.js';
import { explainStatement } from './statements/explain-statement.js';
import { queryStatement } from './statements/query-statement.js';
import {
  deallocateStatement,
  discardStatement,
  resetStatement,
  setStatement,
  showStatement,
  useStatement,
} from './statements/settings-statements.js';
import { notYetStatement } from './statements/not-yet-statement.js';
import { transactionStatement } from './statements/transaction-statement.js';

/** Every statement kind's handler (DESIGN.md §4.3: a new kind fails to compile until handled). */
export const statementHandlers: {
  [K in StatementKind]: StatementHandler<Statement & { readonly kind: K }>;
} = {
  query: queryStatement,
  set: setStatement,
  reset: resetStatement,
  show: showStatement,
  transaction: transactionStatement,
  discard: discardStatement,
  deallocate: deallocateStatement,
  'declare-cursor': declareCursor,
  fetch: fetchStatement,
  'close-cursor': closeCursor,
  'copy-to': copyStatement,
  explain: explainStatement,
  use: useStatement,
  insert: insertStatement,
  update: notYetStatement,
  delete: notYetStatement,
  merge: notYetStatement,
  call: notYetStatement,
  'create-table': createTableStatement,
  'drop-table': dropTableStatement,
  'create-database': createDatabaseStatement,
  'drop-database': dropDatabaseStatement,
  'alter-table': notYetStatement,
  describe: describeStatement,
  'show-catalogs': notYetStatement,
  'show-databases': showDatabasesStatement,
  'show-tables': showTablesStatement,
  'show-create-table': showCreateTableStatement,
  'show-columns': showColumnsStatement,
  'show-partitions': showPartitionsStatement,
  'show-tblproperties': showTblPropertiesStatement,
  'msck-repair': msckRepairStatement,
  'restore-table': notYetStatement,
  vacuum: notYetStatement,
  optimize: notYetStatement,
  truncate: notYetStatement,
};
