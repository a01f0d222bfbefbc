import type { BoundExpr } from '../../planner/plan/bound-expr.js';
import { takeRows, type ColumnBatch } from './column-batch.js';
import type { EvalContext } from './eval-context.js';
import { evaluate } from './evaluate-expr.js';

/** The rows of `batch` where `predicate` (lowered to its positions) is true; NULL drops the row. */
export async function filterBatch(
  batch: ColumnBatch,
  predicate: BoundExpr,
  ctx: EvalContext,
): Promise<ColumnBatch> {
  const keep = await evaluate(predicate, batch, ctx);
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === true) rows.push(i);
  return rows.length === batch.rowCount ? batch : takeRows(batch, rows);
}
