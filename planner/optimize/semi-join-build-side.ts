import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { conjuncts, refsOf } from '../plan/expr-visit.js';
import type { JoinNode, LogicalPlan } from '../plan/logical-plan.js';
import { estimateRows, type TableStats } from './estimate-rows.js';
import { buildCostRows } from './probe-rows.js';

/**
 * The hash build side of a semi or anti join (EXISTS, IN, NOT EXISTS): the smaller
 * input, by the estimates join ordering uses. Built on the left, the join marks the
 * left rows the right side matches and emits them (or the others) at the end, and the
 * left keys filter the right side's scan: TPC-H Q22 hashes 19K customers instead of
 * 1.5M orders, Q4 the quarter's orders instead of 3.8M lineitems. NOT IN (null-aware)
 * keeps the right: its NULL rules need the whole right side per left row. A join with
 * no equality between its sides is a nested loop, which stays as it is.
 */
export function semiJoinBuildSide(j: JoinNode, stats: TableStats): JoinNode {
  if ((j.joinType !== 'semi' && j.joinType !== 'anti') || j.nullAware || j.lateral === true) {
    return j;
  }
  const leftIds = idsOf(j.left);
  const rightIds = idsOf(j.right);
  if (!conjuncts(j.condition).some((c) => crossesSides(c, leftIds, rightIds))) return j;
  const left = { plan: j.left, rows: estimateRows(j.left, stats), ids: leftIds };
  const right = { plan: j.right, rows: estimateRows(j.right, stats), ids: rightIds };
  // Ties keep the right: probing the left streams its rows in order.
  const buildLeft =
    buildCostRows(left, right, j.condition, stats) < buildCostRows(right, left, j.condition, stats);
  const buildSide = buildLeft ? 'left' : 'right';
  return buildSide === j.buildSide ? j : { ...j, buildSide };
}

const idsOf = (p: LogicalPlan): ReadonlySet<ColumnId> => new Set(p.columns.map((c) => c.id));

/** `a = b` with one side reading only the left input and the other only the right (a hash key). */
function crossesSides(
  c: BoundExpr,
  left: ReadonlySet<ColumnId>,
  right: ReadonlySet<ColumnId>,
): boolean {
  if (c.kind !== 'call' || c.fn !== '=' || c.args.length !== 2) return false;
  const side = (e: BoundExpr): 'left' | 'right' | null => {
    const ids = [...refsOf(e)];
    if (ids.length === 0) return null;
    if (ids.every((id) => left.has(id))) return 'left';
    return ids.every((id) => right.has(id)) ? 'right' : null;
  };
  const a = side(c.args[0]!);
  const b = side(c.args[1]!);
  return a !== null && b !== null && a !== b;
}
