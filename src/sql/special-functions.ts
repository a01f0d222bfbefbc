import type { Expr, FunctionCall } from './ast.js';
import { PLAIN_CALL } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { ownValue } from './own-value.js';
import { Prec } from './precedence.js';
import type { Token } from './token.js';
import type { TokenCursor } from './token-cursor.js';
import { parseTypeName } from './type-name-parser.js';
import { notSupportedYet } from './unsupported-syntax.js';

type SpecialParser = (c: TokenCursor, t: Token) => Expr;

/**
 * Functions with SQL-standard key-word syntax (docs §9.4, §9.9.1, §10): CAST,
 * TRY_CAST, EXTRACT, SUBSTRING, POSITION, TRIM, OVERLAY. Each maps to a plain call as
 * PostgreSQL's grammar does. Called with the cursor on the name and `(` next;
 * returns null for other names.
 */
export function parseSpecialFunction(c: TokenCursor): Expr | null {
  const t = c.peek;
  const parser = ownValue(SPECIAL, t.value);
  if (parser === undefined) return null;
  c.next();
  c.next();
  const result = parser(c, t);
  c.expectPunct(')');
  return { ...result, span: c.span(t.start) };
}

function fn(c: TokenCursor, t: Token, name: string, args: Expr[]): FunctionCall {
  const nameNode = { kind: 'name', span: { start: t.start, end: t.end }, parts: [name] } as const;
  const argNames = args.map(() => null);
  return {
    kind: 'function',
    span: c.span(t.start),
    name: nameNode,
    args,
    argNames,
    distinct: false,
    ...PLAIN_CALL,
  };
}

/** The rest of a plain argument list after `name(` and a first argument. */
function restOfList(c: TokenCursor, first: Expr): Expr[] {
  const args = [first];
  while (c.acceptPunct(',')) args.push(parseExpr(c));
  return args;
}

function cast(tryCast: boolean): SpecialParser {
  return (c, t) => {
    const operand = parseExpr(c);
    c.expectWords('as');
    const type = parseTypeName(c);
    return { kind: 'cast', span: c.span(t.start), operand, type, tryCast };
  };
}

/** EXTRACT(field FROM source) → extract('field', source), as PostgreSQL 14+. */
function extract(c: TokenCursor, t: Token): Expr {
  const f = c.next();
  if (f.kind !== 'word' && f.kind !== 'string' && f.kind !== 'quoted-ident') throw c.error(f);
  const field: Expr = {
    kind: 'literal',
    span: { start: f.start, end: f.end },
    value: { type: 'string', value: f.kind === 'string' ? f.value : f.value.toLowerCase() },
  };
  if (!c.acceptWords('from')) {
    if (c.isPunct(',')) return fn(c, t, 'extract', restOfList(c, field));
    throw c.error();
  }
  return fn(c, t, 'extract', [field, parseExpr(c)]);
}

/** SUBSTRING(x FROM a FOR b) → substring(x, a, b); `FOR b` alone starts at 1 (gram.y substr_list). */
function substring(c: TokenCursor, t: Token): Expr {
  const source = parseExpr(c);
  let from: Expr | null = null;
  let count: Expr | null = null;
  if (c.acceptWords('from')) {
    from = parseExpr(c);
    if (c.acceptWords('for')) count = parseExpr(c);
  } else if (c.acceptWords('for')) {
    count = parseExpr(c);
    if (c.acceptWords('from')) from = parseExpr(c);
  } else if (c.isWord('similar')) {
    throw notSupportedYet(c, 'SUBSTRING SIMILAR');
  } else {
    return fn(c, t, 'substring', restOfList(c, source));
  }
  const one: Expr = {
    kind: 'literal',
    span: { start: t.start, end: t.start },
    value: { type: 'integer', text: '1' },
  };
  const args = count === null ? [source, from ?? one] : [source, from ?? one, count];
  return fn(c, t, 'substring', args);
}

/** POSITION(needle IN haystack) → position(haystack, needle), gram.y's argument order. */
function position(c: TokenCursor, t: Token): Expr {
  const needle = parseExpr(c, Prec.pattern + 1);
  c.expectWords('in');
  const haystack = parseExpr(c, Prec.pattern + 1);
  return fn(c, t, 'position', [haystack, needle]);
}

const TRIM_FUNCTIONS: Readonly<Record<string, string>> = {
  both: 'btrim',
  leading: 'ltrim',
  trailing: 'rtrim',
};

/** TRIM([LEADING|TRAILING|BOTH] [chars] FROM x) → btrim/ltrim/rtrim(x [, chars]). */
function trim(c: TokenCursor, t: Token): Expr {
  const dir = c.peek.kind === 'word' ? ownValue(TRIM_FUNCTIONS, c.peek.value) : undefined;
  if (dir !== undefined) c.next();
  const name = dir ?? 'btrim';
  if (c.acceptWords('from')) return fn(c, t, name, restOfList(c, parseExpr(c)));
  const first = parseExpr(c);
  if (c.acceptWords('from')) {
    const source = parseExpr(c);
    return fn(c, t, name, [source, first]);
  }
  return fn(c, t, name, restOfList(c, first));
}

const SPECIAL: Readonly<Record<string, SpecialParser>> = {
  cast: cast(false),
  try_cast: cast(true),
  extract,
  substring,
  position,
  trim,
  overlay,
};

/** OVERLAY(s PLACING r FROM n [FOR m]) → overlay(s, r, n [, m]) (gram.y overlay_list); a plain list too. */
function overlay(c: TokenCursor, t: Token): Expr {
  const source = parseExpr(c);
  if (!c.acceptWords('placing')) return fn(c, t, 'overlay', restOfList(c, source));
  const replacement = parseExpr(c);
  c.expectWords('from');
  const args = [source, replacement, parseExpr(c)];
  if (c.acceptWords('for')) args.push(parseExpr(c));
  return fn(c, t, 'overlay', args);
}
