import type { CommonTableExpr, Expr, OrderItem, Query, QueryBody } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { parseNameList } from './from-parser.js';
import { ownValue } from './own-value.js';
import { parseSelect, parseTable, parseValues } from './select-parser.js';
import type { TokenCursor } from './token-cursor.js';
import { notSupportedYet } from './unsupported-syntax.js';

const QUERY_STARTS: ReadonlySet<string> = new Set(['select', 'values', 'with', 'table']);

/** Does a query (not a parenthesised one) start here? */
export function isQueryStart(c: TokenCursor): boolean {
  return c.peek.kind === 'word' && QUERY_STARTS.has(c.peek.value);
}

/**
 * `[WITH ...] body [ORDER BY ...] [LIMIT | OFFSET | FETCH ...]` (docs §7, SELECT).
 * A parenthesised query with nothing around it is returned as itself.
 */
export function parseQuery(c: TokenCursor): Query {
  const start = c.peek.start;
  const ctes = c.isWord('with') ? parseWith(c) : [];
  const body = parseSetExpression(c, 0);
  const orderBy = c.acceptWords('order', 'by') ? parseOrderBy(c) : [];
  const { limit, offset, withTies } = parseLimitOffset(c);
  if (c.isWord('for')) throw notSupportedYet(c, 'FOR UPDATE/SHARE');
  const plain = ctes.length === 0 && orderBy.length === 0 && limit === null && offset === null;
  if (plain && body.kind === 'query') return body;
  const span = c.span(start);
  return { kind: 'query', span, with: ctes, body, orderBy, limit, offset, withTies };
}

function parseWith(c: TokenCursor): CommonTableExpr[] {
  c.next();
  const recursive = c.acceptWords('recursive');
  const ctes: CommonTableExpr[] = [];
  do {
    const start = c.peek.start;
    const name = c.expectIdent();
    const columns = c.isPunct('(') ? parseNameList(c) : [];
    c.expectWords('as');
    if (!c.acceptWords('materialized')) c.acceptWords('not', 'materialized');
    c.expectPunct('(');
    const query = parseQuery(c);
    c.expectPunct(')');
    ctes.push({ kind: 'cte', span: c.span(start), name, recursive, columns, query });
  } while (c.acceptPunct(','));
  return ctes;
}

/** INTERSECT binds tighter than UNION and EXCEPT, which associate left (SELECT docs). */
const SET_OP_PREC: Readonly<Record<string, number>> = { union: 1, except: 1, intersect: 2 };

function parseSetExpression(c: TokenCursor, minPrec: number): QueryBody {
  let left = parseSetOperand(c);
  for (;;) {
    const t = c.peek;
    const prec = t.kind === 'word' ? ownValue(SET_OP_PREC, t.value) : undefined;
    if (prec === undefined || prec < minPrec) return left;
    c.next();
    const all = c.acceptWords('all');
    if (!all) c.acceptWords('distinct');
    const right = parseSetExpression(c, prec + 1);
    const op = t.value as 'union' | 'intersect' | 'except';
    left = { kind: 'set-operation', span: c.span(left.span.start), op, all, left, right };
  }
}

function parseSetOperand(c: TokenCursor): QueryBody {
  if (c.isWord('select')) return parseSelect(c);
  if (c.isWord('values')) return parseValues(c);
  if (c.isWord('table')) return parseTable(c);
  if (!c.isPunct('(')) throw c.error();
  const open = c.next();
  const query = parseQuery(c);
  c.expectPunct(')');
  const plain =
    query.with.length === 0 &&
    query.orderBy.length === 0 &&
    query.limit === null &&
    query.offset === null;
  // Parentheses only group: keep the inner body unless it has clauses of its own.
  return plain ? query.body : { ...query, span: c.span(open.start) };
}

export function parseOrderBy(c: TokenCursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = parseExpr(c);
    const descending = c.acceptWords('desc');
    if (!descending) c.acceptWords('asc');
    if (c.isWord('using')) throw notSupportedYet(c, 'ORDER BY USING');
    let nullsFirst: boolean | null = null;
    if (c.acceptWords('nulls', 'first')) nullsFirst = true;
    else if (c.acceptWords('nulls', 'last')) nullsFirst = false;
    items.push({ kind: 'order-item', span: c.span(expr.span.start), expr, descending, nullsFirst });
  } while (c.acceptPunct(','));
  return items;
}

interface LimitOffset {
  limit: Expr | null;
  offset: Expr | null;
  withTies: boolean;
}

/** LIMIT and OFFSET in either order, or OFFSET ... FETCH FIRST n ROWS ONLY (SQL:2008). */
function parseLimitOffset(c: TokenCursor): LimitOffset {
  const result: LimitOffset = { limit: null, offset: null, withTies: false };
  let sawLimit = false;
  for (;;) {
    if (!sawLimit && c.acceptWords('limit')) {
      sawLimit = true;
      result.limit = c.acceptWords('all') ? null : parseExpr(c);
    } else if (!sawLimit && c.isWord('fetch')) {
      sawLimit = true;
      result.limit = parseFetchFirst(c);
      result.withTies = c.acceptWords('with', 'ties');
      if (!result.withTies) c.expectWords('only');
    } else if (result.offset === null && c.acceptWords('offset')) {
      result.offset = parseExpr(c);
      if (!c.acceptWords('row')) c.acceptWords('rows');
    } else {
      return result;
    }
  }
}

function parseFetchFirst(c: TokenCursor): Expr {
  const t = c.next();
  if (!c.acceptWords('first')) c.expectWords('next');
  const count: Expr =
    c.isWord('row') || c.isWord('rows')
      ? { kind: 'literal', span: c.span(t.start), value: { type: 'integer', text: '1' } }
      : parseExpr(c);
  if (!c.acceptWords('row')) c.expectWords('rows');
  return count;
}
