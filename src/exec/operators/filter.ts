import { filterBatch } from '../filter-batch.js';
import { lowerExpr } from '../lower-expr.js';
import type { ColumnBatch } from '../column-batch.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/** WHERE / HAVING: keeps the rows whose predicate is true (NULL and false drop them). */
export const buildFilter: OperatorBuilder<'filter'> = (node, rt) => {
  const stats = newStats();
  const input = rt.build(node.input);
  const predicate = lowerExpr(node.predicate, node.input.columns);
  const pull = async (): Promise<ColumnBatch | null> => {
    for (;;) {
      const b = await input.next();
      if (!b) return null;
      rt.ctx.checkCanceled();
      const kept = await filterBatch(b, predicate, rt.ctx);
      if (kept.rowCount > 0) return kept;
    }
  };
  return {
    stats,
    children: [input],
    next: () => timed(stats, pull),
    close: () => input.close(),
  };
};
