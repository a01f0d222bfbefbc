import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExprs } from '../lower-expr.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { ProjectNode, ScanNode } from '../../../planner/plan/logical-plan.js';
import {
  newStats,
  type ExecRuntime,
  type Operator,
  type OperatorBuilder,
  type OperatorStats,
} from './operator.js';
import { scanOperator } from './scan.js';
import { timed } from './timed.js';

/**
 * The select list: output column i is exprs[i] over the input batch. A plain column
 * reference passes the input's column array through uncopied (batches are never
 * mutated once produced).
 */
export const buildProject: OperatorBuilder<'project'> = (node, rt) => {
  const stats = newStats();
  if (rt.placement === 'main' && node.input.kind === 'scan' && node.exprs.every(isRef))
    return projectedScan(node, rt, stats);
  const input = rt.build(node.input);
  const exprs = lowerExprs(node.exprs, node.input.columns);
  const pull = async (): Promise<ColumnBatch | null> => {
    const b = await input.next();
    if (!b) return null;
    rt.ctx.checkCanceled();
    // One expression after another: a subquery among them runs alone.
    const columns: (readonly SqlValue[])[] = [];
    for (const e of exprs) {
      columns.push(e.kind === 'column' ? (b.columns[e.index] ?? []) : await evaluate(e, b, rt.ctx));
    }
    return { columns, rowCount: b.rowCount };
  };
  return {
    stats,
    children: [input],
    next: () => timed(stats, pull),
    close: () => input.close(),
  };
};

const isRef = (e: BoundExpr): boolean => e.kind === 'ref';

/**
 * Columns picked from a scan: the workers run the projection with the scan (as its
 * fragment), so columns only the pushed filters read never cross threads. The operator
 * keeps the plan's shape (EXPLAIN ANALYZE pairs operators with nodes), its child the scan.
 */
function projectedScan(node: ProjectNode, rt: ExecRuntime, stats: OperatorStats): Operator {
  const scan = scanOperator(node.input as ScanNode, rt, node);
  return {
    stats,
    children: [scan],
    next: () => timed(stats, () => scan.next()),
    close: () => scan.close(),
  };
}
