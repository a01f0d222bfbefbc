import type { ColumnBatch } from '../column-batch.js';
import type { LogicalPlan, ScanNode } from '../../../planner/plan/logical-plan.js';
import { newStats, type ExecRuntime, type Operator, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * A table scan: the runner (worker pool on the main thread, the local task inside a
 * worker) decodes, applies the pushed filters exactly and projects to the node's
 * columns, so batches arrive ready.
 */
export const buildScan: OperatorBuilder<'scan'> = (node, rt) => scanOperator(node, rt);

/** The batches of `fragment` (a subtree over `node`) run by the workers, or of the scan alone. */
export function scanOperator(node: ScanNode, rt: ExecRuntime, fragment?: LogicalPlan): Operator {
  const stats = newStats();
  let iterator: AsyncIterator<ColumnBatch> | null = null;
  const pull = async (): Promise<ColumnBatch | null> => {
    iterator ??= rt.scans.open(node, stats, fragment)[Symbol.asyncIterator]();
    const r = await iterator.next();
    return r.done ? null : r.value;
  };
  return {
    stats,
    children: [],
    next: () => timed(stats, pull),
    close: () => void iterator?.return?.(),
  };
}
