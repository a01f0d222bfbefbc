import type { SqlValue } from '../common/sql-value.js';
import type { BoundExpr, BoundExprKind } from '../../planner/plan/bound-expr.js';
import { castColumn } from './kernels/cast.js';
import { takeRows, type ColumnBatch } from './column-batch.js';
import type { EvalContext } from './eval-context.js';
import { kernelOf } from './functions/function-registry.js';
import { evaluateSubquery } from './evaluate-subquery.js';
import { assert } from '../common/assert.js';

type Column = SqlValue[];
type Of<K extends BoundExprKind> = BoundExpr & { readonly kind: K };
type Evaluator<K extends BoundExprKind> = (
  e: Of<K>,
  batch: ColumnBatch,
  ctx: EvalContext,
) => Promise<Column>;

/**
 * Evaluates an expression over a whole batch to one column: one call per node per
 * batch, the per-row loops live in the kernels. CASE and COALESCE evaluate their
 * later branches only on the rows that reach them, so `CASE WHEN x = 0 THEN 0
 * ELSE 1 / x END` never divides by zero (PostgreSQL docs §9.18.1).
 */
export function evaluate(e: BoundExpr, batch: ColumnBatch, ctx: EvalContext): Promise<Column> {
  return (evaluators[e.kind] as Evaluator<typeof e.kind>)(e, batch, ctx);
}

const evaluators: { [K in BoundExprKind]: Evaluator<K> } = {
  const: (e, b) => Promise.resolve(new Array<SqlValue>(b.rowCount).fill(e.value)),
  column: (e, b) => Promise.resolve([...(b.columns[e.index] ?? [])]),
  // A ref left after lowering is a correlated subquery's outer column (lower-expr.ts).
  ref: (e, b, ctx) => {
    assert(ctx.outer?.has(e.id) === true, `column #${e.id} is neither an input nor an outer value`);
    return Promise.resolve(new Array<SqlValue>(b.rowCount).fill(ctx.outer.get(e.id) ?? null));
  },
  subquery: async (e, b, ctx) =>
    evaluateSubquery(e, b, e.operand ? await evaluate(e.operand, b, ctx) : null, ctx),
  param: (e, b, ctx) =>
    Promise.resolve(new Array<SqlValue>(b.rowCount).fill(ctx.params[e.index] ?? null)),
  call: async (e, b, ctx) => {
    const args = await Promise.all(e.args.map((a) => evaluate(a, b, ctx)));
    return kernelOf(e.fn)({
      args,
      argTypes: e.args.map((a) => a.type),
      resultType: e.type,
      rowCount: b.rowCount,
      ctx,
    });
  },
  cast: async (e, b, ctx) =>
    castColumn(await evaluate(e.operand, b, ctx), e.operand.type, e.type, ctx),
  and: (e, b, ctx) => logic(e.args, b, ctx, false),
  or: (e, b, ctx) => logic(e.args, b, ctx, true),
  case: evaluateCase,
  coalesce: async (e, b, ctx) => {
    const out = new Array<SqlValue>(b.rowCount).fill(null);
    let pending = [...Array(b.rowCount).keys()];
    for (const arg of e.args) {
      if (pending.length === 0) break;
      const values = await evaluate(arg, takeRows(b, pending), ctx);
      const still: number[] = [];
      pending.forEach((row, i) => {
        const v = values[i] ?? null;
        if (v === null) still.push(row);
        else out[row] = v;
      });
      pending = still;
    }
    return out;
  },
};

/**
 * AND/OR with three-valued logic (docs §9.1): for AND, false wins over null; for
 * OR, true wins over null. Later arguments run only where the result is still open.
 */
async function logic(
  args: readonly BoundExpr[],
  b: ColumnBatch,
  ctx: EvalContext,
  isOr: boolean,
): Promise<Column> {
  const out = new Array<SqlValue>(b.rowCount).fill(!isOr);
  let open = [...Array(b.rowCount).keys()];
  for (const arg of args) {
    if (open.length === 0) break;
    const values = await evaluate(arg, open.length === b.rowCount ? b : takeRows(b, open), ctx);
    const still: number[] = [];
    open.forEach((row, i) => {
      const v = values[i] ?? null;
      if (v === isOr) out[row] = isOr;
      else {
        if (v === null) out[row] = null;
        still.push(row);
      }
    });
    open = still;
  }
  return out;
}

async function evaluateCase(e: Of<'case'>, b: ColumnBatch, ctx: EvalContext): Promise<Column> {
  const out = new Array<SqlValue>(b.rowCount).fill(null);
  let open = [...Array(b.rowCount).keys()];
  for (const { when, then } of e.whens) {
    if (open.length === 0) break;
    const conds = await evaluate(when, open.length === b.rowCount ? b : takeRows(b, open), ctx);
    const hit = open.filter((_, i) => conds[i] === true);
    open = open.filter((_, i) => conds[i] !== true);
    await scatter(then, hit, b, ctx, out);
  }
  await scatter(e.otherwise, open, b, ctx, out);
  return out;
}

async function scatter(
  e: BoundExpr,
  rows: readonly number[],
  b: ColumnBatch,
  ctx: EvalContext,
  out: Column,
): Promise<void> {
  if (rows.length === 0) return;
  const values = await evaluate(e, rows.length === b.rowCount ? b : takeRows(b, rows), ctx);
  rows.forEach((row, i) => (out[row] = values[i] ?? null));
}
