import type { Expr, FunctionCall, OrderItem, WindowSpec } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { parseOrderBy } from './query-parser.js';
import type { TokenCursor } from './token-cursor.js';
import { notSupportedYet } from './unsupported-syntax.js';
import { parseOver } from './window-parser.js';

export interface FunctionArgs {
  readonly args: readonly Expr[];
  readonly argNames: readonly (string | null)[];
  readonly distinct: boolean;
  /** `array_agg(x ORDER BY y)`. */
  readonly orderBy: readonly OrderItem[];
  /** `last_value(x IGNORE NULLS)` (Spark) inside the parentheses. */
  readonly nullTreatment: FunctionCall['nullTreatment'];
}

/**
 * `( [DISTINCT | ALL] arg [, ...] [ORDER BY ...] [IGNORE | RESPECT NULLS] )`, `(*)` and
 * named arguments `name => value` (docs §4.2.6, §4.2.7, §4.3.2; Spark's null treatment).
 */
export function parseFunctionArgs(c: TokenCursor): FunctionArgs {
  c.expectPunct('(');
  if (c.isOp('*') && c.isPunct(')', 1)) {
    const t = c.next();
    c.next();
    const star: Expr = { kind: 'star', span: { start: t.start, end: t.end }, qualifier: null };
    return { args: [star], argNames: [null], distinct: false, orderBy: [], nullTreatment: null };
  }
  const distinct = c.acceptWords('distinct');
  if (!distinct) c.acceptWords('all');
  const args: Expr[] = [];
  const argNames: (string | null)[] = [];
  if (!c.isPunct(')')) {
    do {
      if (c.isWord('variadic')) throw notSupportedYet(c, 'VARIADIC');
      const named = c.isIdent(0, true) && (c.isOp('=>', 1) || c.isOp(':=', 1));
      argNames.push(named ? c.next().value : null);
      if (named) c.next();
      args.push(parseExpr(c));
    } while (c.acceptPunct(','));
  }
  const orderBy = c.acceptWords('order', 'by') ? parseOrderBy(c) : [];
  const nullTreatment = parseNullTreatment(c);
  c.expectPunct(')');
  return { args, argNames, distinct, orderBy, nullTreatment };
}

/** `IGNORE NULLS` / `RESPECT NULLS`, or null when not written. */
export function parseNullTreatment(c: TokenCursor): FunctionCall['nullTreatment'] {
  if (c.acceptWords('ignore', 'nulls')) return 'ignore';
  if (c.acceptWords('respect', 'nulls')) return 'respect';
  return null;
}

export interface CallSuffix {
  readonly filter: Expr | null;
  readonly nullTreatment: FunctionCall['nullTreatment'];
  readonly over: WindowSpec | null;
}

/**
 * What may follow a call's parentheses: `FILTER (WHERE ...)`, `IGNORE | RESPECT NULLS`
 * (Trino, Spark: `lag(x) IGNORE NULLS OVER (...)`), `OVER ...` (docs §4.2.7, §4.2.8).
 */
export function parseCallSuffix(c: TokenCursor): CallSuffix {
  if (c.isWord('within') && c.isWord('group', 1)) throw notSupportedYet(c, 'WITHIN GROUP');
  let filter: Expr | null = null;
  let nullTreatment = parseNullTreatment(c);
  if (c.isWord('filter') && c.isPunct('(', 1)) {
    c.next();
    c.next();
    c.expectWords('where');
    filter = parseExpr(c);
    c.expectPunct(')');
  }
  nullTreatment ??= parseNullTreatment(c);
  const isOver = c.isWord('over') && (c.isPunct('(', 1) || c.isIdent(1));
  const over = isOver ? (c.next(), parseOver(c)) : null;
  return { filter, nullTreatment, over };
}
