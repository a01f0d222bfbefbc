import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { LakeError } from '../../common/errors.js';
import { SINGLE_ROW, sliceBatch, type ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * LIMIT / OFFSET. The counts are evaluated once, on the first read (constants or
 * `$n`); once the limit is reached the input is closed, so a scan below stops its
 * tasks instead of reading the rest of the table.
 */
export const buildLimit: OperatorBuilder<'limit'> = (node, rt) => {
  const stats = newStats();
  const input = rt.build(node.input);
  let counts: { offset: number; remaining: number } | null = null;
  let done = false;
  const finish = (): null => {
    done = true;
    input.close();
    return null;
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    if (done) return null;
    counts ??= await limitCounts(node.limit, node.offset, rt.ctx);
    if (counts.remaining <= 0) return finish();
    for (;;) {
      const b = await input.next();
      if (!b) return finish();
      rt.ctx.checkCanceled();
      const from = Math.min(counts.offset, b.rowCount);
      counts.offset -= from;
      const to = Math.min(b.rowCount, from + counts.remaining);
      if (to <= from) continue;
      counts.remaining -= to - from;
      return sliceBatch(b, from, to);
    }
  };
  return {
    stats,
    children: [input],
    next: () => timed(stats, pull),
    close: () => {
      done = true;
      input.close();
    },
  };
};

/**
 * The row counts of LIMIT and OFFSET: NULL means no limit / no offset; a negative
 * value is 2201W / 2201X as in PostgreSQL. With `withTies` (FETCH FIRST ... WITH TIES)
 * a NULL count is 2201W instead (nodeLimit.c recompute_limits).
 */
export async function limitCounts(
  limit: BoundExpr | null,
  offset: BoundExpr | null,
  ctx: EvalContext,
  withTies = false,
): Promise<{ offset: number; remaining: number }> {
  const skip = (await count(offset, ctx, 'OFFSET', '2201X')) ?? 0;
  const remaining = await count(limit, ctx, 'LIMIT', '2201W');
  if (remaining === null && withTies) {
    throw new LakeError('2201W', 'row count cannot be null in FETCH FIRST ... WITH TIES clause');
  }
  return { offset: skip, remaining: remaining ?? Infinity };
}

async function count(
  e: BoundExpr | null,
  ctx: EvalContext,
  what: string,
  sqlstate: string,
): Promise<number | null> {
  if (!e) return null;
  const v = e.kind === 'const' ? e.value : ((await evaluate(e, SINGLE_ROW, ctx))[0] ?? null);
  if (v === null) return null;
  const n = Number(v);
  if (n < 0) throw new LakeError(sqlstate, `${what} must not be negative`);
  return n;
}
