import type { ColumnBatch } from '../column-batch.js';
import type { LogicalPlan, ScanNode } from '../../../planner/plan/logical-plan.js';
import { rangeConjuncts } from './key-filters.js';
import {
  newStats,
  type ExecRuntime,
  type KeySet,
  type Operator,
  type OperatorBuilder,
  type OperatorStats,
} from './operator.js';
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
    iterator ??= openFiltered(node, rt, stats, fragment)[Symbol.asyncIterator]();
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

/**
 * Opens the scan with the dynamic filters joins registered for it by now: each key
 * range becomes pushed conjuncts (row-group pruning, a typed test in the workers), and
 * key sets go to the workers with the tasks.
 */
function openFiltered(
  node: ScanNode,
  rt: ExecRuntime,
  stats: OperatorStats,
  fragment: LogicalPlan | undefined,
): AsyncIterable<ColumnBatch> {
  const filters = rt.keyFilters?.of(node) ?? [];
  if (filters.length === 0) return rt.scans.open(node, stats, fragment);
  const ranges = filters.flatMap(({ index, filter }) =>
    rangeConjuncts(node.columns[index]!, filter),
  );
  const keySets: KeySet[] = filters.flatMap(({ index, filter }) =>
    filter.keys === null ? [] : [{ index, keys: filter.keys }],
  );
  stats.extra['dynamic_filters'] = filters.length;
  const filtered: ScanNode = { ...node, filters: [...node.filters, ...ranges] };
  return rt.scans.open(filtered, stats, fragment, keySets);
}
