import type { Expr, IsTest, QualifiedName } from './ast.js';
import { PLAIN_CALL } from './ast.js';
import type { Infix } from './expr-parser.js';
import { parseExpr } from './expr-parser.js';
import { isQueryStart, parseQuery } from './query-parser.js';
import { Prec } from './precedence.js';
import type { TokenCursor } from './token-cursor.js';
import { notSupportedYet } from './unsupported-syntax.js';
import { ownValue } from './own-value.js';

/**
 * Infix and postfix key-word operators (docs §9.1, §9.2, §9.7, §9.24): AND, OR,
 * IS ..., [NOT] BETWEEN / IN / LIKE / ILIKE. Returns null when the next word does
 * not continue an expression.
 */
export function parseInfixKeyword(c: TokenCursor): Infix | null {
  const word = c.peek.value;
  if (word === 'not') {
    const after = c.at(1);
    const negatable = after.kind === 'word' ? ownValue(NEGATABLE, after.value) : undefined;
    return negatable === undefined ? null : { prec: Prec.pattern, parse: negatable(true) };
  }
  const positive = ownValue(NEGATABLE, word);
  if (positive !== undefined) return { prec: Prec.pattern, parse: positive(false) };
  const other = ownValue(KEYWORD_INFIX, word);
  if (other !== undefined) return other;
  if (word === 'similar') throw notSupportedYet(c, 'SIMILAR TO');
  if (word === 'collate') throw notSupportedYet(c, 'COLLATE');
  if (word === 'at' && c.isWord('time', 1) && c.isWord('zone', 2)) return AT_TIME_ZONE;
  return null;
}

type Negatable = (negated: boolean) => (c: TokenCursor, left: Expr) => Expr;

const NEGATABLE: Readonly<Record<string, Negatable>> = {
  like: (negated) => (c, left) => parseLike(c, left, negated, false),
  ilike: (negated) => (c, left) => parseLike(c, left, negated, true),
  in: (negated) => (c, left) => parseIn(c, left, negated),
  between: (negated) => (c, left) => parseBetween(c, left, negated),
};

/** Skips the NOT of `x NOT LIKE ...` and the operator's own key word. */
function skipOperatorWords(c: TokenCursor, negated: boolean): void {
  if (negated) c.next();
  c.next();
}

function parseLike(c: TokenCursor, operand: Expr, negated: boolean, ci: boolean): Expr {
  skipOperatorWords(c, negated);
  const pattern = parseExpr(c, Prec.pattern + 1);
  const escape = c.acceptWords('escape') ? parseExpr(c, Prec.pattern + 1) : null;
  const span = c.span(operand.span.start);
  return { kind: 'like', span, operand, pattern, escape, caseInsensitive: ci, negated };
}

function parseBetween(c: TokenCursor, operand: Expr, negated: boolean): Expr {
  skipOperatorWords(c, negated);
  const symmetric = c.acceptWords('symmetric');
  if (!symmetric) c.acceptWords('asymmetric');
  const low = parseExpr(c, Prec.pattern + 1);
  c.expectWords('and');
  const high = parseExpr(c, Prec.pattern + 1);
  const span = c.span(operand.span.start);
  return { kind: 'between', span, operand, low, high, negated, symmetric };
}

function parseIn(c: TokenCursor, operand: Expr, negated: boolean): Expr {
  skipOperatorWords(c, negated);
  c.expectPunct('(');
  const query = tryParenthesisedQuery(c);
  if (query !== null) {
    return { kind: 'in-subquery', span: c.span(operand.span.start), operand, query, negated };
  }
  const list: Expr[] = [];
  do list.push(parseExpr(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return { kind: 'in-list', span: c.span(operand.span.start), operand, list, negated };
}

/**
 * After an opening parenthesis: a query up to and including the closing one, or
 * null (cursor unchanged) when the contents are not a query. `((SELECT 1), 2)` is
 * a list, so a leading parenthesis is tried as a query and backed out of on failure.
 */
export function tryParenthesisedQuery(c: TokenCursor): ReturnType<typeof parseQuery> | null {
  if (isQueryStart(c)) {
    const query = parseQuery(c);
    c.expectPunct(')');
    return query;
  }
  if (!c.isPunct('(')) return null;
  const mark = c.mark;
  try {
    const query = parseQuery(c);
    c.expectPunct(')');
    return query;
  } catch {
    c.reset(mark);
    return null;
  }
}

function parseIs(c: TokenCursor, operand: Expr): Expr {
  const start = operand.span.start;
  const word = c.next().value;
  if (word !== 'is') {
    // Postfix ISNULL / NOTNULL (docs §9.2).
    return isTest(c, start, operand, 'null', null, word === 'notnull');
  }
  const negated = c.acceptWords('not');
  const t = c.next();
  const simple = t.kind === 'word' ? ownValue(IS_WORDS, t.value) : undefined;
  if (simple !== undefined) return isTest(c, start, operand, simple, null, negated);
  if (t.kind === 'word' && t.value === 'distinct') {
    c.expectWords('from');
    const other = parseExpr(c, Prec.is + 1);
    return isTest(c, start, operand, 'distinct-from', other, negated);
  }
  throw c.error(t);
}

const IS_WORDS: Readonly<Record<string, IsTest['test']>> = {
  null: 'null',
  true: 'true',
  false: 'false',
  unknown: 'unknown',
};

function isTest(
  c: TokenCursor,
  start: number,
  operand: Expr,
  test: IsTest['test'],
  other: Expr | null,
  negated: boolean,
): Expr {
  return { kind: 'is', span: c.span(start), operand, test, other, negated };
}

function logical(op: 'and' | 'or', prec: number): Infix {
  return {
    prec,
    parse: (c, left) => {
      c.next();
      const right = parseExpr(c, prec + 1);
      return { kind: 'binary', span: c.span(left.span.start), op, left, right };
    },
  };
}

const IS_INFIX: Infix = { prec: Prec.is, parse: parseIs };

/**
 * `x AT TIME ZONE z` is `timezone(z, x)`, as PostgreSQL's grammar makes it (gram.y):
 * the binder picks the variant by x's type, the function does the conversion.
 */
const AT_TIME_ZONE: Infix = {
  prec: Prec.at,
  parse: (c, value) => {
    const at = c.next();
    c.expectWords('time', 'zone');
    const zone = parseExpr(c, Prec.at + 1);
    const name: QualifiedName = {
      kind: 'name',
      span: { start: at.start, end: c.lastEnd },
      parts: ['timezone'],
    };
    return {
      kind: 'function',
      span: c.span(value.span.start),
      name,
      args: [zone, value],
      argNames: [null, null],
      distinct: false,
      ...PLAIN_CALL,
    };
  },
};

const KEYWORD_INFIX: Readonly<Record<string, Infix>> = {
  and: logical('and', Prec.and),
  or: logical('or', Prec.or),
  is: IS_INFIX,
  isnull: IS_INFIX,
  notnull: IS_INFIX,
};
