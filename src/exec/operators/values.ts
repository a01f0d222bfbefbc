import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { SqlValue } from '../../common/sql-value.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { SINGLE_ROW, type ColumnBatch } from '../column-batch.js';
import { evaluate } from '../evaluate-expr.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * `VALUES (...), (...)`: one output row per row of expressions, evaluated when the
 * rows are read (so `$n` and session functions see the execution's values). A
 * zero-column, one-row Values is what a FROM-less SELECT reads.
 */
export const buildValues: OperatorBuilder<'values'> = (node, rt) => {
  const stats = newStats();
  const width = node.columns.length;
  let next = 0;
  const pull = async (): Promise<ColumnBatch | null> => {
    if (next >= node.rows.length) return null;
    rt.ctx.checkCanceled();
    const end = Math.min(node.rows.length, next + MAX_BATCH_ROWS);
    const columns: SqlValue[][] = Array.from({ length: width }, () => []);
    for (let r = next; r < end; r++) {
      const row = node.rows[r]!;
      for (let c = 0; c < width; c++) columns[c]!.push(await valueOf(row[c], rt.ctx));
    }
    const batch = { columns, rowCount: end - next };
    next = end;
    return batch;
  };
  return {
    stats,
    children: [],
    next: () => timed(stats, pull),
    close: () => {
      next = node.rows.length;
    },
  };
};

async function valueOf(
  e: BoundExpr | undefined,
  ctx: Parameters<typeof evaluate>[2],
): Promise<SqlValue> {
  if (!e) return null;
  if (e.kind === 'const') return e.value;
  return (await evaluate(e, SINGLE_ROW, ctx))[0] ?? null;
}
