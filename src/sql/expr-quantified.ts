import type { ComparisonOp, Expr } from './ast.js';
import { parseExpr } from './expr-parser.js';
import { tryParenthesisedQuery } from './expr-predicates.js';
import type { TokenCursor } from './token-cursor.js';

/** After a comparison operator: `ANY (`, `SOME (` or `ALL (`. */
export function isQuantifier(c: TokenCursor): boolean {
  return (c.isWord('any') || c.isWord('some') || c.isWord('all')) && c.isPunct('(', 1);
}

/**
 * `x op ANY|SOME|ALL (subquery)` (docs §9.23) or `x op ANY|ALL (array)` (§9.24), with
 * the cursor on the quantifier: a parenthesised query is the subquery form, anything
 * else an array expression.
 */
export function parseQuantified(c: TokenCursor, operand: Expr, op: ComparisonOp): Expr {
  const quantifier = c.next().value === 'all' ? 'all' : 'any';
  c.expectPunct('(');
  const query = tryParenthesisedQuery(c);
  let array: Expr | null = null;
  if (query === null) {
    array = parseExpr(c);
    c.expectPunct(')');
  }
  const span = c.span(operand.span.start);
  return { kind: 'quantified', span, operand, op, quantifier, query, array };
}
