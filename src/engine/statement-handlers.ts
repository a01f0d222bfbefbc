import type { Statement, StatementKind } from '../sql/ast.js';
import type { StatementHandler } from './session-core.js';
import { copyStatement } from './statements/copy-statement.js';
import { closeCursor, declareCursor, fetchStatement } from './statements/cursor-statements.js';
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
  insert: notYetStatement,
  update: notYetStatement,
  delete: notYetStatement,
  merge: notYetStatement,
  call: notYetStatement,
  'create-table': notYetStatement,
  'drop-table': notYetStatement,
  'create-database': notYetStatement,
  'drop-database': notYetStatement,
  'alter-table': notYetStatement,
  describe: notYetStatement,
  'show-catalogs': notYetStatement,
  'show-databases': notYetStatement,
  'show-tables': notYetStatement,
  'show-create-table': notYetStatement,
  'show-columns': notYetStatement,
  'show-partitions': notYetStatement,
  'show-tblproperties': notYetStatement,
  'msck-repair': notYetStatement,
  'restore-table': notYetStatement,
  vacuum: notYetStatement,
  optimize: notYetStatement,
  truncate: notYetStatement,
};
