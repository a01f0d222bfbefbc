import { hasSubquery } from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { nodeExprs, transformUp } from '../plan/plan-visit.js';

/**
 * Partial aggregation in the workers (DESIGN.md §3 Parallelism): when an aggregate
 * reads one scan through filters and projections only, each worker aggregates its
 * tasks' rows and the main thread merges the states. DISTINCT and ordered
 * aggregates (array_agg(x ORDER BY y)) need all rows in one place, grouping sets
 * merge by grouping id, and subqueries cannot run in a worker: those stay whole.
 */
export function markPartialAggregates(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) => {
    if (node.kind !== 'aggregate' || node.partial || node.groupingSets !== null) return undefined;
    if (node.aggregates.some((a) => a.distinct || a.orderBy.length > 0)) return undefined;
    if (nodeExprs(node).some(hasSubquery) || !singleScan(node.input)) return undefined;
    return { ...node, partial: true };
  });
}

function singleScan(plan: LogicalPlan): boolean {
  if (plan.kind === 'scan') return true;
  if (plan.kind !== 'filter' && plan.kind !== 'project') return false;
  return !nodeExprs(plan).some(hasSubquery) && singleScan(plan.input);
}
