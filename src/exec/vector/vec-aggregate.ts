import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { HashGrouping } from '../aggregates/hash-grouping.js';
import type { EvalContext } from '../eval-context.js';
import { compileVec, sharedExprs, type VecEval } from './compile-vec-expr.js';
import { materializeVec } from './materialize-vec.js';
import type { VecBatch } from './vec-batch.js';
import { vecColumn } from './vec-batch.js';
import { openBatchScratch } from './batch-scratch.js';
import { assignVecGroups } from './vec-group-ids.js';
import { trueRows } from './vec.js';

/** One aggregate call's lowered arguments and FILTER, as the aggregate operator holds them. */
export interface VecCallInput {
  readonly exprs: readonly BoundExpr[];
  readonly filter: BoundExpr | null;
}

/**
 * Aggregates VecBatches into `grouping` (the worker half of a partial aggregate): keys
 * and arguments evaluate in typed form, group ids come from typed keys
 * (vec-group-ids.ts), and aggregates with a typed path (`updateVec`: sum, avg, count)
 * read the typed argument directly; the others get SqlValues, as in the generic operator.
 */
export async function aggregateVecBatches(
  input: AsyncIterable<VecBatch>,
  keys: readonly BoundExpr[],
  calls: readonly VecCallInput[],
  grouping: HashGrouping,
  ctx: EvalContext,
): Promise<void> {
  const shared = sharedExprs();
  const keyEvals = keys.map((k) => compileVec(k, ctx, shared));
  const argEvals = calls.map((c) => c.exprs.map((e) => compileVec(e, ctx, shared)));
  const filterEvals = calls.map((c) => c.filter && compileVec(c.filter, ctx, shared));
  // A batch is folded into the grouping's states and then dropped, so the arrays its
  // kernels made can serve the next batch (batch-scratch.ts).
  const scratch = openBatchScratch();
  try {
    for await (const b of input) {
      ctx.checkCanceled();
      const keyCols = [];
      for (let i = 0; i < keys.length; i++)
        keyCols.push(vecColumn(await keyEvals[i]!(b), keys[i]!.type));
      const groups = assignVecGroups(grouping, keyCols, b.rowCount);
      for (let c = 0; c < calls.length; c++) {
        await updateCall(grouping, c, calls[c]!, argEvals[c]!, filterEvals[c] ?? null, b, groups);
      }
      scratch.release();
    }
  } finally {
    scratch.close();
  }
}

async function updateCall(
  grouping: HashGrouping,
  c: number,
  call: VecCallInput,
  args: readonly VecEval[],
  filter: VecEval | null,
  b: VecBatch,
  groups: Int32Array,
): Promise<void> {
  const agg = grouping.aggregates[c]!;
  let rows: Int32Array | null = null;
  let sub = groups;
  let count = b.rowCount;
  if (filter !== null) {
    rows = trueRows(await filter(b));
    count = rows.length;
    sub = new Int32Array(count);
    for (let k = 0; k < count; k++) sub[k] = groups[rows[k]!]!;
  }
  const vecs = [];
  for (const a of args) vecs.push(await a(b));
  if (vecs.length === 1 && agg.updateVec?.(vecs[0]!, rows, sub, count) === true) return;
  agg.update(
    vecs.map((v, i) => materializeVec(v, call.exprs[i]!.type)),
    rows,
    sub,
    count,
  );
}
