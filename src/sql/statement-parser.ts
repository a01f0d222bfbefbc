import type { Statement } from './ast.js';
import { ownValue } from './own-value.js';
import { isQueryStart, parseQuery } from './query-parser.js';
import { parseCopy } from './statements/copy-statement.js';
import { parseClose, parseDeclare, parseFetch } from './statements/cursor-statements.js';
import { parseExplain } from './statements/explain-statement.js';
import { parseAlter } from './statements/alter-table-statement.js';
import { parseCall } from './statements/call-statement.js';
import { parseCreate, parseDrop } from './statements/ddl-statements.js';
import { parseDescribe } from './statements/describe-statement.js';
import { parseInsert } from './statements/insert-statement.js';
import { parseShowStatement } from './statements/lake-show-statements.js';
import {
  parseMsck,
  parseOptimize,
  parseRestore,
  parseTruncate,
  parseVacuum,
} from './statements/maintenance-statements.js';
import { parseMerge } from './statements/merge-statement.js';
import { parseReset, parseSet } from './statements/session-statements.js';
import { parseDelete, parseUpdate } from './statements/update-delete-statements.js';
import {
  parseBegin,
  parseCommit,
  parseRelease,
  parseRollback,
  parseSavepoint,
  parseStart,
} from './statements/transaction-statements.js';
import { parseDeallocate, parseDiscard, parseUse } from './statements/utility-statements.js';
import type { TokenCursor } from './token-cursor.js';
import { UNSUPPORTED_STATEMENTS } from './unsupported-statements.js';
import { notSupportedYet } from './unsupported-syntax.js';

type StatementParser = (c: TokenCursor) => Statement;

/** Statements by their first key word. Queries (SELECT, VALUES, WITH, TABLE, `(`) go to the query parser. */
const STATEMENTS: Readonly<Record<string, StatementParser>> = {
  set: parseSet,
  reset: parseReset,
  show: parseShowStatement,
  begin: parseBegin,
  start: parseStart,
  commit: parseCommit,
  end: parseCommit,
  rollback: parseRollback,
  abort: parseRollback,
  savepoint: parseSavepoint,
  release: parseRelease,
  discard: parseDiscard,
  deallocate: parseDeallocate,
  declare: parseDeclare,
  fetch: parseFetch,
  move: parseFetch,
  close: parseClose,
  copy: parseCopy,
  explain: (c) => parseExplain(c, parseStatement),
  use: parseUse,
  insert: parseInsert,
  update: parseUpdate,
  delete: parseDelete,
  merge: parseMerge,
  call: parseCall,
  create: parseCreate,
  drop: parseDrop,
  alter: parseAlter,
  describe: parseDescribe,
  desc: parseDescribe,
  msck: parseMsck,
  restore: parseRestore,
  vacuum: parseVacuum,
  optimize: parseOptimize,
  truncate: parseTruncate,
};

/** One statement starting at the cursor; the caller checks that it ends there. */
export function parseStatement(c: TokenCursor): Statement {
  if (isQueryStart(c) || c.isPunct('(')) return parseQuery(c);
  const t = c.peek;
  if (t.kind !== 'word') throw c.error();
  const parser = ownValue(STATEMENTS, t.value);
  if (parser !== undefined) return parser(c);
  if (UNSUPPORTED_STATEMENTS.has(t.value)) throw notSupportedYet(c, t.value.toUpperCase());
  throw c.error();
}
