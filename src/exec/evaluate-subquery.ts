import type { BoundSubquery } from '../../planner/plan/bound-expr.js';
import { assert } from '../common/assert.js';
import { LakeError } from '../common/errors.js';
import type { SqlValue } from '../common/sql-value.js';
import { SqlState } from '../common/sqlstate.js';
import type { ColumnBatch } from './column-batch.js';
import type { EvalContext } from './eval-context.js';
import { comparatorFor } from './kernels/compare-values.js';

type Column = SqlValue[];

/** Results already computed, per context and subquery, keyed by the outer values they were run with. */
const cache = new WeakMap<EvalContext, WeakMap<BoundSubquery, Map<string, Promise<Column>>>>();

/**
 * A subquery the optimizer left in an expression (decorrelation turns the common
 * shapes into joins). Uncorrelated: run once per statement. Correlated: run once per
 * distinct tuple of outer values in the batch, with those values bound as `ctx.outer`.
 * `operand` (for IN) is evaluated by the caller and passed in.
 */
export async function evaluateSubquery(
  e: BoundSubquery,
  batch: ColumnBatch,
  operand: Column | null,
  ctx: EvalContext,
): Promise<Column> {
  const outer = e.outerColumns ?? [];
  const out = new Array<SqlValue>(batch.rowCount);
  for (let row = 0; row < batch.rowCount; row++) {
    const values = outer.map((o) => batch.columns[o.index]?.[row] ?? null);
    const rows = await resultFor(e, values, ctx);
    out[row] = answer(e, rows, operand ? (operand[row] ?? null) : null);
  }
  return out;
}

function resultFor(e: BoundSubquery, values: SqlValue[], ctx: EvalContext): Promise<Column> {
  let perContext = cache.get(ctx);
  if (!perContext) cache.set(ctx, (perContext = new WeakMap()));
  let results = perContext.get(e);
  if (!results) perContext.set(e, (results = new Map<string, Promise<Column>>()));
  const key = values.map(keyOf).join('\u0000');
  let result = results.get(key);
  if (!result) {
    result = run(e, values, ctx);
    results.set(key, result);
  }
  return result;
}

async function run(e: BoundSubquery, values: SqlValue[], ctx: EvalContext): Promise<Column> {
  assert(ctx.runSubquery !== undefined, 'subquery evaluated without a runtime');
  const outer = new Map(ctx.outer ?? []);
  (e.outerColumns ?? []).forEach((o, i) => outer.set(o.id, values[i] ?? null));
  // Inherit, don't spread: the context's members may be getters (the lazy `signal`).
  const inner = Object.create(ctx, { outer: { value: outer } }) as EvalContext;
  const batches = await ctx.runSubquery(e.plan, inner);
  // EXISTS looks at rows, not values: its plan may have no columns at all.
  if (e.mode === 'exists') return batches.some((b) => b.rowCount > 0) ? [true] : [];
  const column: Column = [];
  for (const b of batches) for (const v of b.columns[0] ?? []) column.push(v);
  return column;
}

function answer(e: BoundSubquery, rows: Column, operand: SqlValue): SqlValue {
  switch (e.mode) {
    case 'scalar':
      if (rows.length > 1) {
        throw new LakeError(
          SqlState.cardinalityViolation,
          'more than one row returned by a subquery used as an expression',
        );
      }
      return rows[0] ?? null;
    case 'exists':
      return e.negated ? rows.length === 0 : rows.length > 0;
    case 'in': {
      const found = within(operand, rows, e.operand?.type);
      return found === null ? null : found !== e.negated;
    }
  }
}

/** `operand = ANY (rows)` in three-valued logic (docs §9.23.1). */
function within(
  operand: SqlValue,
  rows: Column,
  type: BoundSubquery['type'] | undefined,
): boolean | null {
  if (rows.length === 0) return false;
  if (operand === null) return null;
  const cmp = type ? comparatorFor(type) : null;
  let sawNull = false;
  for (const v of rows) {
    if (v === null) sawNull = true;
    else if (cmp ? cmp(operand, v) === 0 : operand === v) return true;
  }
  return sawNull ? null : false;
}

function keyOf(v: SqlValue): string {
  return typeof v === 'bigint' ? `${v}n` : (JSON.stringify(v) ?? 'null');
}
