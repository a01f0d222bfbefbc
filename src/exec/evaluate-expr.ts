import type { SqlValue } from '../common/sql-value.js';
import type { BoundExpr, BoundExprKind } from '../../planner/plan/bound-expr.js';
import { castColumn } from './kernels/cast.js';
import { SINGLE_ROW, gatherColumn, type ColumnBatch } from './column-batch.js';
import type { EvalContext } from './eval-context.js';
import { isOperatorKernel, kernelOf } from './functions/function-registry.js';
import { evaluateSubquery } from './evaluate-subquery.js';
import { assert, assertNever } from '../common/assert.js';

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
  if ((e.kind === 'call' || e.kind === 'cast') && batch.rowCount > 1 && isConstant(e))
    return evaluateOnce(e, batch.rowCount, ctx);
  return (evaluators[e.kind] as Evaluator<typeof e.kind>)(e, batch, ctx);
}

/**
 * A constant subtree (`date '1998-12-01' - interval '90' day`, `'x'::date`) computed on
 * one row and repeated: per row it cost a parse or an interval step for every row of
 * every batch. Evaluated only when the batch has rows, so errors surface exactly when
 * the per-row evaluation would have raised them.
 */
async function evaluateOnce(e: BoundExpr, rowCount: number, ctx: EvalContext): Promise<Column> {
  const [v] = await (evaluators[e.kind] as Evaluator<typeof e.kind>)(e, SINGLE_ROW, ctx);
  return new Array<SqlValue>(rowCount).fill(v ?? null);
}

const constantCache = new WeakMap<BoundExpr, boolean>();

/** Whether e is the same on every row: constants, parameters, casts and operators over them. */
export function isConstant(e: BoundExpr): boolean {
  const known = constantCache.get(e);
  if (known !== undefined) return known;
  let c: boolean;
  if (e.kind === 'const' || e.kind === 'param') c = true;
  else if (e.kind === 'cast') c = isConstant(e.operand);
  else if (e.kind === 'call') c = isOperatorKernel(e.fn) && e.args.every(isConstant);
  else c = false;
  constantCache.set(e, c);
  return c;
}

const evaluators: { [K in BoundExprKind]: Evaluator<K> } = {
  const: (e, b) => Promise.resolve(new Array<SqlValue>(b.rowCount).fill(e.value)),
  // Shared, not copied: kernels only read their inputs (operators pass columns through
  // the same way), and copying every referenced column per batch was a hot cost.
  column: (e, b) => Promise.resolve((b.columns[e.index] ?? []) as Column),
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
    let pending = allRows(b.rowCount);
    for (const arg of e.args) {
      if (pending.length === 0) break;
      const values = await evaluate(arg, rowsOf(arg, b, pending), ctx);
      const still: number[] = [];
      for (let i = 0; i < pending.length; i++) {
        const row = pending[i] as number;
        const v = values[i] ?? null;
        if (v === null) still.push(row);
        else out[row] = v;
      }
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
  let open = allRows(b.rowCount);
  for (const arg of args) {
    if (open.length === 0) break;
    const values = await evaluate(arg, rowsOf(arg, b, open), ctx);
    const still: number[] = [];
    for (let i = 0; i < open.length; i++) {
      const row = open[i] as number;
      const v = values[i] ?? null;
      if (v === isOr) out[row] = isOr;
      else {
        if (v === null) out[row] = null;
        still.push(row);
      }
    }
    open = still;
  }
  return out;
}

async function evaluateCase(e: Of<'case'>, b: ColumnBatch, ctx: EvalContext): Promise<Column> {
  const out = new Array<SqlValue>(b.rowCount).fill(null);
  let open = allRows(b.rowCount);
  for (const { when, then } of e.whens) {
    if (open.length === 0) break;
    const conds = await evaluate(when, rowsOf(when, b, open), ctx);
    const hit: number[] = [];
    const rest: number[] = [];
    for (let i = 0; i < open.length; i++) (conds[i] === true ? hit : rest).push(open[i] as number);
    open = rest;
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
  const values = await evaluate(e, rowsOf(e, b, rows), ctx);
  for (let i = 0; i < rows.length; i++) out[rows[i] as number] = values[i] ?? null;
}

function allRows(n: number): number[] {
  const rows = new Array<number>(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

const NO_VALUES: readonly SqlValue[] = [];

/**
 * The rows `rows` of batch b, as `e` sees them: only the columns e reads are gathered
 * (positions kept; the others are left empty), since a branch or conjunct usually
 * reads one or two of a wide scan's columns. A subquery may read any column, so
 * then every column is gathered.
 */
function rowsOf(e: BoundExpr, b: ColumnBatch, rows: readonly number[]): ColumnBatch {
  if (rows.length === b.rowCount) return b;
  const used = columnsUsed(e);
  const columns = b.columns.map((col, c) =>
    used === null || used.has(c) ? gatherColumn(col, rows) : NO_VALUES,
  );
  return { columns, rowCount: rows.length };
}

const usedCache = new WeakMap<BoundExpr, ReadonlySet<number> | null>();

/** The batch positions e reads, or null when it may read any (it holds a subquery). */
export function columnsUsed(e: BoundExpr): ReadonlySet<number> | null {
  let used = usedCache.get(e);
  if (used !== undefined) return used;
  const set = new Set<number>();
  used = collectColumns(e, set) ? set : null;
  usedCache.set(e, used);
  return used;
}

function collectColumns(e: BoundExpr, into: Set<number>): boolean {
  switch (e.kind) {
    case 'column':
      into.add(e.index);
      return true;
    case 'const':
    case 'param':
    case 'ref':
      return true;
    case 'subquery':
      return false;
    case 'cast':
      return collectColumns(e.operand, into);
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return e.args.every((a) => collectColumns(a, into));
    case 'case':
      return (
        e.whens.every((w) => collectColumns(w.when, into) && collectColumns(w.then, into)) &&
        collectColumns(e.otherwise, into)
      );
    default:
      return assertNever(e);
  }
}
