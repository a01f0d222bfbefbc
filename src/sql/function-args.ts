import type { Expr } from './ast.js';
import { parseExpr } from './expr-parser.js';
import type { TokenCursor } from './token-cursor.js';
import { notSupportedYet } from './unsupported-syntax.js';

export interface FunctionArgs {
  readonly args: readonly Expr[];
  readonly argNames: readonly (string | null)[];
  readonly distinct: boolean;
}

/**
 * `( [DISTINCT | ALL] arg [, ...] )`, `(*)` and named arguments `name => value`
 * (docs §4.2.6, §4.3.2). Aggregate ORDER BY, FILTER and OVER are not supported yet.
 */
export function parseFunctionArgs(c: TokenCursor): FunctionArgs {
  c.expectPunct('(');
  if (c.isOp('*') && c.isPunct(')', 1)) {
    const t = c.next();
    c.next();
    const star: Expr = { kind: 'star', span: { start: t.start, end: t.end }, qualifier: null };
    return checkTrailing(c, { args: [star], argNames: [null], distinct: false });
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
  if (c.isWord('order')) throw notSupportedYet(c, 'ORDER BY inside an aggregate call');
  c.expectPunct(')');
  return checkTrailing(c, { args, argNames, distinct });
}

function checkTrailing(c: TokenCursor, args: FunctionArgs): FunctionArgs {
  if (c.isWord('over')) throw notSupportedYet(c, 'window function (OVER)');
  if (c.isWord('filter') && c.isPunct('(', 1)) throw notSupportedYet(c, 'FILTER');
  if (c.isWord('within') && c.isWord('group', 1)) throw notSupportedYet(c, 'WITHIN GROUP');
  return args;
}
