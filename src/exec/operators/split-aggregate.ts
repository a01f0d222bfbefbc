import type { AggregateNode, LogicalPlan, ScanNode } from '../../../planner/plan/logical-plan.js';
import {
  buildAggregate,
  buildMergeAggregate,
  buildPartialAggregate,
  partialStateTypes,
} from './aggregate.js';
import type { OperatorBuilder } from './operator.js';
import { scanOperator } from './scan.js';

/**
 * An aggregate the optimizer marked partial (its input is filters and projections over
 * one scan): on the main thread it ships itself and its input to the workers, each
 * aggregating its own tasks into keys + state columns, and merges those states here
 * (DESIGN.md §3, "Parallelism"). Inside a worker it is the partial half.
 */
export const buildSplitAggregate: OperatorBuilder<'aggregate'> = (node, rt) => {
  if (!node.partial) return buildAggregate(node, rt);
  if (rt.placement === 'worker') return buildPartialAggregate(node, rt);
  const scan = scanUnder(node.input);
  if (!scan) return buildAggregate(node, rt);
  const fragment: AggregateNode = {
    ...node,
    columns: partialStateTypes(node).map((type, i) => ({ id: -1 - i, name: `state${i}`, type })),
  };
  return buildMergeAggregate(node, scanOperator(scan, rt, fragment), rt);
};

/** The scan a chain of filters and projections reads, if that is all the input is. */
function scanUnder(plan: LogicalPlan): ScanNode | null {
  switch (plan.kind) {
    case 'scan':
      return plan;
    case 'filter':
    case 'project':
      return scanUnder(plan.input);
    default:
      return null;
  }
}
