import type { Expr, FunctionCall, QualifiedName, Star } from './ast.js';
import { PLAIN_CALL } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { tryParenthesisedQuery } from './expr-predicates.js';
import type { FunctionArgs } from './function-args.js';
import { parseCallSuffix, parseFunctionArgs } from './function-args.js';
import { TYPE_FUNC_KEYWORDS, VALUE_FUNCTIONS, isNameWord } from './keywords.js';
import { ownValue } from './own-value.js';
import { parseQuery } from './query-parser.js';
import { parseSpecialFunction } from './special-functions.js';
import type { Token } from './token.js';
import type { TokenCursor } from './token-cursor.js';
import { tryTypedLiteral } from './typed-literal.js';
import { notSupportedYet } from './unsupported-syntax.js';

type PrimaryParser = (c: TokenCursor, t: Token) => Expr;

/**
 * Operands (docs §4.2): constants, `$n`, parenthesised expressions and scalar
 * subqueries, key-word forms (CASE, CAST, EXISTS, ARRAY[...]), typed literals,
 * column references and function calls.
 */
export function parsePrimary(c: TokenCursor): Expr {
  const t = c.peek;
  switch (t.kind) {
    case 'integer':
    case 'decimal':
      c.next();
      return { kind: 'literal', span: c.span(t.start), value: { type: t.kind, text: t.value } };
    case 'string':
      c.next();
      return { kind: 'literal', span: c.span(t.start), value: { type: 'string', value: t.value } };
    case 'param':
      c.next();
      return { kind: 'param', span: c.span(t.start), index: Number(t.value) };
    case 'punct':
      if (t.value === '(') return parseParenthesised(c, t);
      throw c.error();
    case 'word':
      return parseWord(c, t);
    case 'quoted-ident':
      return parseNameOrCall(c, t);
    case 'op':
    case 'eof':
      throw c.error();
  }
}

function parseParenthesised(c: TokenCursor, t: Token): Expr {
  c.next();
  const query = tryParenthesisedQuery(c);
  if (query !== null) return { kind: 'scalar-subquery', span: c.span(t.start), query };
  const inner = parseExpr(c);
  if (!c.isPunct(',')) {
    c.expectPunct(')');
    return inner;
  }
  // `(a, b)`: a row constructor without ROW (docs §4.2.13).
  const items = [inner];
  while (c.acceptPunct(',')) items.push(parseExpr(c));
  c.expectPunct(')');
  return { kind: 'row', span: c.span(t.start), items, explicit: false };
}

/** `ROW(a, b)` and `ROW()`. */
function parseRow(c: TokenCursor, t: Token): Expr {
  c.next();
  c.expectPunct('(');
  const items: Expr[] = [];
  if (!c.isPunct(')')) {
    do items.push(parseExpr(c));
    while (c.acceptPunct(','));
  }
  c.expectPunct(')');
  return { kind: 'row', span: c.span(t.start), items, explicit: true };
}

function parseWord(c: TokenCursor, t: Token): Expr {
  const keyword = ownValue(KEYWORD_PRIMARY, t.value);
  if (keyword !== undefined) return keyword(c, t);
  if (VALUE_FUNCTIONS.has(t.value)) return parseValueFunction(c, t);
  if (c.isPunct('(', 1)) {
    const special = parseSpecialFunction(c);
    if (special !== null) return special;
  }
  const typed = tryTypedLiteral(c);
  if (typed !== null) return typed;
  // Reserved words are never names; type/function key words only name functions: left(s, 2).
  const callable = TYPE_FUNC_KEYWORDS.has(t.value) && c.isPunct('(', 1);
  if (!isNameWord(t.value) && !callable) throw c.error();
  return parseNameOrCall(c, t);
}

const literal =
  (value: { type: 'null' } | { type: 'boolean'; value: boolean }): PrimaryParser =>
  (c, t) => {
    c.next();
    return { kind: 'literal', span: c.span(t.start), value };
  };

const KEYWORD_PRIMARY: Readonly<Record<string, PrimaryParser>> = {
  null: literal({ type: 'null' }),
  true: literal({ type: 'boolean', value: true }),
  false: literal({ type: 'boolean', value: false }),
  case: parseCase,
  exists: (c, t) => {
    c.next();
    c.expectPunct('(');
    const query = parseQuery(c);
    c.expectPunct(')');
    return { kind: 'exists', span: c.span(t.start), query, negated: false };
  },
  array: parseArray,
  row: (c, t) => (c.isPunct('(', 1) ? parseRow(c, t) : parseNameOrCall(c, t)),
  any: (c, t) => {
    throw notSupportedYet(c, 'ANY', t);
  },
  some: (c, t) => {
    throw notSupportedYet(c, 'SOME', t);
  },
  all: (c, t) => {
    throw notSupportedYet(c, 'ALL', t);
  },
};

function parseCase(c: TokenCursor, t: Token): Expr {
  c.next();
  const operand = c.isWord('when') ? null : parseExpr(c);
  const whens: { when: Expr; then: Expr }[] = [];
  while (c.acceptWords('when')) {
    const when = parseExpr(c);
    c.expectWords('then');
    whens.push({ when, then: parseExpr(c) });
  }
  if (whens.length === 0) throw c.error();
  const otherwise = c.acceptWords('else') ? parseExpr(c) : null;
  c.expectWords('end');
  return { kind: 'case', span: c.span(t.start), operand, whens, otherwise };
}

/** `ARRAY[1, 2]`, and nested `ARRAY[[1, 2], [3, 4]]` (docs §4.2.12). */
function parseArray(c: TokenCursor, t: Token): Expr {
  c.next();
  if (c.isPunct('(')) throw notSupportedYet(c, 'ARRAY(subquery)', t);
  return parseArrayElements(c, t);
}

function parseArrayElements(c: TokenCursor, t: Token): Expr {
  c.expectPunct('[');
  const elements: Expr[] = [];
  if (!c.isPunct(']')) {
    do elements.push(c.isPunct('[') ? parseArrayElements(c, c.peek) : parseExpr(c));
    while (c.acceptPunct(','));
  }
  c.expectPunct(']');
  return { kind: 'array', span: c.span(t.start), elements };
}

/** CURRENT_DATE, CURRENT_TIMESTAMP(3), CURRENT_SCHEMA() ...: calls with the key word's name. */
function parseValueFunction(c: TokenCursor, t: Token): Expr {
  c.next();
  const name: QualifiedName = { kind: 'name', span: c.span(t.start), parts: [t.value] };
  if (!c.isPunct('('))
    return { ...PLAIN_CALL, ...NO_ARGS, kind: 'function', span: name.span, name };
  return call(c, t.start, name, parseFunctionArgs(c));
}

const NO_ARGS = { args: [], argNames: [], distinct: false } as const;

/** A call after its arguments: FILTER, null treatment and OVER may follow (docs §4.2.7, §4.2.8). */
function call(c: TokenCursor, start: number, name: QualifiedName, a: FunctionArgs): FunctionCall {
  const suffix = parseCallSuffix(c);
  return {
    kind: 'function',
    span: c.span(start),
    name,
    args: a.args,
    argNames: a.argNames,
    distinct: a.distinct,
    orderBy: a.orderBy,
    filter: suffix.filter,
    nullTreatment: a.nullTreatment ?? suffix.nullTreatment,
    over: suffix.over,
  };
}

/** `a`, `t.a`, `c.s.t.a`, `t.*`, `f(x)`, `s.f(x)`. Parts after a dot may be key words. */
function parseNameOrCall(c: TokenCursor, t: Token): Expr {
  c.next();
  const parts = [t.value];
  while (c.isPunct('.')) {
    c.next();
    if (c.isOp('*')) {
      const qualifier: QualifiedName = { kind: 'name', span: c.span(t.start), parts };
      c.next();
      const star: Star = { kind: 'star', span: c.span(t.start), qualifier };
      return star;
    }
    parts.push(c.expectIdent(true));
  }
  const name: QualifiedName = { kind: 'name', span: c.span(t.start), parts };
  if (!c.isPunct('(')) return { kind: 'column', span: name.span, name };
  return call(c, t.start, name, parseFunctionArgs(c));
}
