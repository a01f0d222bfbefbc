import type { Expr, GroupingSets } from './ast.js';
import { parseExpr } from './expr-parser.js';
import type { TokenCursor } from './token-cursor.js';

const FORMS: Readonly<Record<string, GroupingSets['type']>> = { rollup: 'rollup', cube: 'cube' };

/**
 * One GROUP BY element (SELECT docs, "GROUP BY Clause"; docs §7.2.4): an expression,
 * `ROLLUP (...)`, `CUBE (...)`, `GROUPING SETS (...)`, or `()` (the empty grouping set,
 * held as `GROUPING SETS (())`).
 */
export function parseGroupingElement(c: TokenCursor): Expr {
  const t = c.peek;
  if (c.isPunct('(') && c.isPunct(')', 1)) {
    c.next();
    c.next();
    return { kind: 'grouping-sets', span: c.span(t.start), type: 'sets', sets: [[]] };
  }
  if (c.isWord('grouping') && c.isWord('sets', 1)) {
    c.next();
    c.next();
    const sets = parseList(c, parseGroupingSet);
    return { kind: 'grouping-sets', span: c.span(t.start), type: 'sets', sets };
  }
  const type = t.kind === 'word' && Object.hasOwn(FORMS, t.value) ? FORMS[t.value] : undefined;
  if (type === undefined || !c.isPunct('(', 1)) return parseExpr(c);
  c.next();
  const sets = parseList(c, parseRollupItem);
  return { kind: 'grouping-sets', span: c.span(t.start), type, sets };
}

function parseList<T>(c: TokenCursor, item: (c: TokenCursor) => T): T[] {
  c.expectPunct('(');
  const items: T[] = [];
  do items.push(item(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return items;
}

/** A set of GROUPING SETS: `(a, b)`, `()`, `a`, or a nested ROLLUP/CUBE/GROUPING SETS. */
function parseGroupingSet(c: TokenCursor): readonly Expr[] {
  if (c.isPunct('(')) {
    if (c.isPunct(')', 1)) {
      c.next();
      c.next();
      return [];
    }
    const list = tryParenthesisedList(c);
    if (list !== null) return list;
  }
  return [parseGroupingElement(c)];
}

/** A ROLLUP/CUBE element: `a` or a composite `(a, b)` treated as one unit. */
function parseRollupItem(c: TokenCursor): readonly Expr[] {
  if (c.isPunct('(')) {
    const list = tryParenthesisedList(c);
    if (list !== null) return list;
  }
  return [parseExpr(c)];
}

/**
 * `(a, b)` when the parentheses close a list followed by `,` or `)`; otherwise null with the
 * cursor unchanged, so `(a + b) * 2` parses as an expression.
 */
function tryParenthesisedList(c: TokenCursor): Expr[] | null {
  const mark = c.mark;
  try {
    c.next();
    const items: Expr[] = [];
    do items.push(parseExpr(c));
    while (c.acceptPunct(','));
    c.expectPunct(')');
    if (c.isPunct(',') || c.isPunct(')')) return items;
  } catch {
    // Not a plain list: parse it as one expression instead.
  }
  c.reset(mark);
  return null;
}
