import type { Expr, FromItem, FunctionCall, JoinType, QualifiedName, TimeTravel } from './ast.js';
import { PLAIN_CALL } from './ast.js';
import { parseFunctionArgs } from './function-args.js';
import { parseExpr } from './expr-parser.js';
import { ownValue } from './own-value.js';
import { Prec } from './precedence.js';
import { isQueryStart, parseQuery } from './query-parser.js';
import { parseQualifiedName } from './qualified-name.js';
import type { TokenCursor } from './token-cursor.js';

/** `FROM a, b JOIN c ON ...` (docs §7.2.1): comma-separated items, each with its joins. */
export function parseFromList(c: TokenCursor): FromItem[] {
  const items: FromItem[] = [];
  do items.push(parseFromItem(c));
  while (c.acceptPunct(','));
  return items;
}

const JOIN_STARTS: Readonly<Record<string, readonly [JoinType, number]>> = {
  join: ['inner', 0],
  inner: ['inner', 1],
  left: ['left', 1],
  right: ['right', 1],
  full: ['full', 1],
  cross: ['cross', 1],
};

function parseFromItem(c: TokenCursor): FromItem {
  let left = parseTablePrimary(c);
  for (;;) {
    const natural = c.acceptWords('natural');
    const start = c.peek.kind === 'word' ? ownValue(JOIN_STARTS, c.peek.value) : undefined;
    if (start === undefined || (natural && start[0] === 'cross')) {
      if (natural) throw c.error();
      return left;
    }
    const [type, words] = start;
    if (words > 0) c.next();
    if (type !== 'inner' && type !== 'cross') c.acceptWords('outer');
    c.expectWords('join');
    const right = parseTablePrimary(c);
    let on: Expr | null = null;
    let using: string[] | null = null;
    if (type !== 'cross' && !natural) {
      if (c.acceptWords('on')) on = parseExpr(c);
      else if (c.acceptWords('using')) using = parseNameList(c);
      else throw c.error();
    }
    const span = c.span(left.span.start);
    left = { kind: 'join', span, type, left, right, on, using, natural };
  }
}

/** `(a, b, c)`: a parenthesised list of identifiers. */
export function parseNameList(c: TokenCursor): string[] {
  c.expectPunct('(');
  const names: string[] = [];
  do names.push(c.expectIdent());
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return names;
}

export function parseTablePrimary(c: TokenCursor): FromItem {
  const start = c.peek.start;
  if (c.isWord('lateral')) return parseLateral(c);
  if (c.isPunct('(')) return parseParenthesisedFrom(c);
  const name = parseQualifiedName(c);
  if (c.isPunct('(')) return parseTableFunction(c, name, start);
  let timeTravel = parseTimeTravel(c);
  const alias = parseAlias(c);
  timeTravel ??= parseTimeTravel(c);
  const { name: aliasName, columns: columnAliases } = alias;
  return {
    kind: 'table-ref',
    span: c.span(start),
    name,
    alias: aliasName,
    columnAliases,
    timeTravel,
  };
}

/**
 * `f(args) [WITH ORDINALITY] [AS] alias [(cols)]`: a set-returning function as a FROM
 * item (docs §7.2.1.4); `lateral` when `LATERAL` came before it.
 */
function parseTableFunction(
  c: TokenCursor,
  name: QualifiedName,
  start: number,
  lateral = false,
): FromItem {
  const { args, argNames, distinct, orderBy } = parseFunctionArgs(c);
  if (distinct) throw c.error();
  const call: FunctionCall = {
    ...PLAIN_CALL,
    kind: 'function',
    span: c.span(start),
    name,
    args,
    argNames,
    distinct,
    orderBy,
  };
  const ordinality = c.acceptWords('with', 'ordinality');
  const { name: alias, columns: columnAliases } = parseAlias(c);
  const span = c.span(start);
  return { kind: 'table-function', span, call, lateral, ordinality, alias, columnAliases };
}

/** `(query) [AS] alias [(cols)]` or a parenthesised join `(a JOIN b ON ...)`. */
function parseParenthesisedFrom(c: TokenCursor): FromItem {
  const start = c.next().start;
  if (isQueryStart(c)) return parseSubqueryRef(c, start);
  if (c.isPunct('(')) {
    // `((SELECT ...) UNION ...) AS x` or `((a JOIN b ON ...))`: try the query first.
    const mark = c.mark;
    try {
      return parseSubqueryRef(c, start);
    } catch {
      c.reset(mark);
    }
  }
  const inner = parseFromItem(c);
  c.expectPunct(')');
  return inner;
}

/**
 * `LATERAL (query) alias` or `LATERAL f(args) ...`: an item that sees the FROM items
 * before it (docs §7.2.1.5).
 */
function parseLateral(c: TokenCursor): FromItem {
  const t = c.next();
  if (c.acceptPunct('(')) return parseSubqueryRef(c, t.start, true);
  const name = parseQualifiedName(c);
  if (!c.isPunct('(')) throw c.error();
  return parseTableFunction(c, name, t.start, true);
}

function parseSubqueryRef(c: TokenCursor, start: number, lateral = false): FromItem {
  const query = parseQuery(c);
  c.expectPunct(')');
  const { name: alias, columns: columnAliases } = parseAlias(c);
  return { kind: 'subquery-ref', span: c.span(start), query, lateral, alias, columnAliases };
}

interface Alias {
  readonly name: string | null;
  readonly columns: readonly string[];
}

/** `[AS] alias [(col, ...)]`; a bare alias may not be a key word (docs §7.2.1.2). */
function parseAlias(c: TokenCursor): Alias {
  const explicit = c.acceptWords('as');
  if (!explicit && (!c.isIdent() || isTimeTravelStart(c))) return { name: null, columns: [] };
  const name = c.expectIdent(explicit);
  const columns = c.isPunct('(') ? parseNameList(c) : [];
  return { name, columns };
}

const TRAVEL_KINDS: Readonly<Record<string, TimeTravel['by']>> = {
  version: 'version',
  system_version: 'version',
  timestamp: 'timestamp',
  system_time: 'timestamp',
};

function isTimeTravelStart(c: TokenCursor): boolean {
  const offset = c.isWord('for') ? 1 : 0;
  const word = c.at(offset);
  return (
    word.kind === 'word' &&
    ownValue(TRAVEL_KINDS, word.value) !== undefined &&
    c.isWord('as', offset + 1) &&
    c.isWord('of', offset + 2)
  );
}

/**
 * Lake time travel on a table (Spark, Trino, Delta, Iceberg): `VERSION AS OF 3`,
 * `TIMESTAMP AS OF '...'`, `FOR VERSION|SYSTEM_VERSION|TIMESTAMP|SYSTEM_TIME AS OF x`.
 */
function parseTimeTravel(c: TokenCursor): TimeTravel | null {
  if (!isTimeTravelStart(c)) return null;
  const start = c.peek.start;
  c.acceptWords('for');
  const by = ownValue(TRAVEL_KINDS, c.next().value) as TimeTravel['by'];
  c.expectWords('as', 'of');
  const value = parseExpr(c, Prec.other);
  return { kind: 'time-travel', span: c.span(start), by, value };
}
