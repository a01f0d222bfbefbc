import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExprs } from '../lower-expr.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * The select list: output column i is exprs[i] over the input batch. A plain column
 * reference passes the input's column array through uncopied (batches are never
 * mutated once produced).
 */
export const buildProject: OperatorBuilder<'project'> = (node, rt) => {
  const stats = newStats();
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
