import type { Statement } from './ast.js';
import { ownValue } from './own-value.js';
import { isQueryStart, parseQuery } from './query-parser.js';
import { parseCopy } from './statements/copy-statement.js';
import { parseClose, parseDeclare, parseFetch } from './statements/cursor-statements.js';
import { parseExplain } from './statements/explain-statement.js';
import { parseReset, parseSet, parseShow } from './statements/session-statements.js';
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
  show: parseShow,
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
  explain: (c) => parseExplain(c, parseExplainable),
  use: parseUse,
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

/** What EXPLAIN may wrap: queries and DECLARE here (EXPLAIN docs). */
function parseExplainable(c: TokenCursor): Statement {
  if (isQueryStart(c) || c.isPunct('(')) return parseQuery(c);
  if (c.isWord('declare')) return parseDeclare(c);
  if (c.peek.kind === 'word' && UNSUPPORTED_STATEMENTS.has(c.peek.value))
    throw notSupportedYet(c, c.peek.value.toUpperCase());
  throw c.error();
}
