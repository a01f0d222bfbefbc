import type { LogicalPlan } from '../plan/logical-plan.js';
import { topN } from '../plan/plan-factories.js';
import { transformUp } from '../plan/plan-visit.js';

/**
 * LIMIT over ORDER BY becomes one TopN node, which keeps only limit + offset rows in
 * a heap instead of sorting everything (a LIMIT ALL keeps its full sort).
 */
export function fuseTopN(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) =>
    node.kind === 'limit' && node.limit !== null && node.input.kind === 'sort'
      ? topN(node.input.input, node.input.keys, node.limit, node.offset)
      : undefined,
  );
}
