import type { LogicalPlan } from '../../../planner/plan/logical-plan.js';
import { lowerExpr, lowerExprs } from '../lower-expr.js';
import type { ExecRuntime } from '../operators/operator.js';
import { compileVec } from './compile-vec-expr.js';
import { compileFilter } from './compile-vec-filter.js';
import { takeVecRows, vecColumn, type LazyColumn, type VecBatch } from './vec-batch.js';

/**
 * The VecBatches of a chain of filters and projections over one scan, the input a
 * worker's partial aggregate reads (split-aggregate.ts): filters select rows in typed
 * form, projections compute typed columns, and a column passed through stays lazy.
 * Null when `plan` is anything else or the runtime has no typed scans.
 */
export function vecPipeline(plan: LogicalPlan, rt: ExecRuntime): AsyncIterable<VecBatch> | null {
  switch (plan.kind) {
    case 'scan':
      return rt.scans.openVec?.(plan) ?? null;
    case 'filter': {
      const input = vecPipeline(plan.input, rt);
      if (input === null) return null;
      const predicate = compileFilter(lowerExpr(plan.predicate, plan.input.columns), rt.ctx);
      return mapBatches(input, async (b) => takeVecRows(b, await predicate(b)));
    }
    case 'project': {
      const input = vecPipeline(plan.input, rt);
      if (input === null) return null;
      const exprs = lowerExprs(plan.exprs, plan.input.columns);
      const compiled = exprs.map((e) => compileVec(e, rt.ctx));
      return mapBatches(input, async (b) => {
        const columns: LazyColumn[] = [];
        for (let i = 0; i < exprs.length; i++) {
          const e = exprs[i]!;
          columns.push(
            e.kind === 'column' ? b.columns[e.index]! : vecColumn(await compiled[i]!(b), e.type),
          );
        }
        return { rowCount: b.rowCount, columns };
      });
    }
    default:
      return null;
  }
}

async function* mapBatches(
  input: AsyncIterable<VecBatch>,
  f: (b: VecBatch) => Promise<VecBatch>,
): AsyncGenerator<VecBatch> {
  for await (const b of input) {
    const out = await f(b);
    if (out.rowCount > 0) yield out;
  }
}
