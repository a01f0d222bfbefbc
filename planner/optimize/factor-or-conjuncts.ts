import type { BoundExpr } from '../plan/bound-expr.js';
import { andAll, conjuncts, exprEquals, transformExpr } from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { mapExprs, transformUp } from '../plan/plan-visit.js';

/**
 * `(A AND B) OR (A AND C)` → `A AND (B OR C)`: a conjunct every OR branch shares is
 * pulled out, so pushdown can use it. This is what turns TPC-H Q19's three OR'ed
 * branches, each repeating `p_partkey = l_partkey`, into a hash join instead of a
 * nested loop over every pair. Sound in three-valued logic: both sides are NULL,
 * false or true on exactly the same rows.
 */
export function factorOrConjuncts(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) =>
    node.kind === 'filter' || node.kind === 'join'
      ? mapExprs(node, (e) => transformExpr(e, factorOr))
      : undefined,
  );
}

/** The rewrite of one OR node, or undefined when its branches share nothing. */
export function factorOr(e: BoundExpr): BoundExpr | undefined {
  if (e.kind !== 'or') return undefined;
  const branches = e.args.map(conjuncts);
  const [first, ...rest] = branches;
  if (!first) return undefined;
  const common = first.filter((c) => rest.every((b) => b.some((x) => exprEquals(x, c))));
  if (common.length === 0) return undefined;
  const remainders = branches.map((b) => b.filter((x) => !common.some((c) => exprEquals(c, x))));
  // A branch with nothing left is TRUE once the common part holds: the OR is just the common part.
  if (remainders.some((r) => r.length === 0)) return andAll(common) ?? undefined;
  const or: BoundExpr = { kind: 'or', type: e.type, args: remainders.map((r) => andAll(r)!) };
  return andAll([...common, or]) ?? undefined;
}
