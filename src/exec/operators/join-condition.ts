import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { andAll, anyExpr, transformExpr } from '../../../planner/plan/expr-visit.js';

/**
 * A join condition split for hashing: `left[i] = right[i]` conjuncts whose sides read
 * only the left input and only the right input (the right ones rebased to the right
 * batch's positions, so each side evaluates over its own batches), and what is left,
 * evaluated over candidate pairs (left columns, then right ones).
 */
export interface JoinKeys {
  readonly left: readonly BoundExpr[];
  readonly right: readonly BoundExpr[];
  readonly residual: BoundExpr | null;
}

/** `condition` is lowered over [...left.columns, ...right.columns]. */
export function splitJoinCondition(condition: BoundExpr | null, leftWidth: number): JoinKeys {
  const left: BoundExpr[] = [];
  const right: BoundExpr[] = [];
  const rest: BoundExpr[] = [];
  for (const c of conjuncts(condition)) {
    const pair = equiPair(c, leftWidth);
    if (pair) {
      left.push(pair[0]);
      right.push(shift(pair[1], -leftWidth));
    } else rest.push(c);
  }
  return { left, right, residual: andAll(rest) };
}

/**
 * NOT IN and mark joins: the condition's equalities between the two inputs are the
 * IN comparison (three-valued: NULL makes the outcome NULL); its other conjuncts are
 * the subquery's own filter, under which a pair counts only when true.
 */
export function splitInComparison(
  condition: BoundExpr | null,
  leftWidth: number,
): { comparison: BoundExpr | null; filter: BoundExpr | null } {
  const comparisons: BoundExpr[] = [];
  const filters: BoundExpr[] = [];
  for (const c of conjuncts(condition)) {
    (isCrossEquality(c, leftWidth) ? comparisons : filters).push(c);
  }
  return { comparison: andAll(comparisons), filter: andAll(filters) };
}

function isCrossEquality(e: BoundExpr, leftWidth: number): boolean {
  if (e.kind !== 'call' || e.fn !== '=' || e.args.length !== 2) return false;
  const sa = sideOf(e.args[0]!, leftWidth);
  const sb = sideOf(e.args[1]!, leftWidth);
  return (sa === 'left' && sb === 'right') || (sa === 'right' && sb === 'left');
}

export function conjuncts(e: BoundExpr | null): BoundExpr[] {
  if (e === null) return [];
  if (e.kind === 'and') return e.args.flatMap(conjuncts);
  if (e.kind === 'const' && e.value === true) return [];
  return [e];
}

/** [left side, right side] of an equality between the inputs, else null. */
function equiPair(e: BoundExpr, leftWidth: number): [BoundExpr, BoundExpr] | null {
  if (e.kind !== 'call' || e.fn !== '=' || e.args.length !== 2) return null;
  const [a, b] = e.args as [BoundExpr, BoundExpr];
  // Keys of different types would hash apart (1 vs 1n); the binder casts them to one.
  if (a.type.kind !== b.type.kind) return null;
  const sa = sideOf(a, leftWidth);
  const sb = sideOf(b, leftWidth);
  if (sa === 'left' && sb === 'right') return [a, b];
  if (sa === 'right' && sb === 'left') return [b, a];
  return null;
}

type Side = 'none' | 'left' | 'right' | 'both';

/** Which input an expression reads; a subquery makes it unusable as a key ('both'). */
function sideOf(e: BoundExpr, leftWidth: number): Side {
  const read = columnsRead(e);
  if (read === null) return 'both';
  let side: Side = 'none';
  for (const index of read) {
    const s = index < leftWidth ? 'left' : 'right';
    side = side === 'none' || side === s ? s : 'both';
  }
  return side;
}

/** `e` with every column position moved by `by` (not into subquery plans). */
function shift(e: BoundExpr, by: number): BoundExpr {
  return transformExpr(e, (x) => (x.kind === 'column' ? { ...x, index: x.index + by } : undefined));
}

/** The input positions an expression reads; null when it must see them all (a subquery). */
export function columnsRead(e: BoundExpr): Set<number> | null {
  const out = new Set<number>();
  const blind = anyExpr(e, (x) => {
    if (x.kind === 'column') out.add(x.index);
    return x.kind === 'subquery' || x.kind === 'ref';
  });
  return blind ? null : out;
}
