import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { conjuncts } from '../../../planner/plan/expr-visit.js';
import type { SqlType } from '../../common/sql-types.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate, isConstant } from '../evaluate-expr.js';
import { SINGLE_ROW } from '../column-batch.js';
import { compileVec } from './compile-vec-expr.js';
import { isCompareOp, type CompareOp } from './vec-arithmetic.js';
import { takeVecRows, type VecBatch } from './vec-batch.js';
import { vecFromValues } from './vec-from-values.js';
import {
  NotVectorizable,
  POW10,
  SAFE,
  rowsWithEntries,
  trueRows,
  vecLength,
  type Vec,
} from './vec.js';

/** Narrows a selection (ascending rows of the batch) to the rows passing one conjunct. */
type Narrow = (b: VecBatch, rows: Int32Array) => Promise<Int32Array>;

/**
 * A WHERE clause as a sequence of narrowing steps: each conjunct tests only the rows
 * the earlier ones kept. Comparisons of a column with a constant (`l_shipdate >= date
 * '1994-01-01'`, `l_discount BETWEEN 0.05 AND 0.07`) run first, in typed form, reading
 * the column in place; the other conjuncts follow on the survivors. A row passes when
 * every conjunct is true, whatever the order they are tested in, and the typed tests
 * raise no errors, so testing them first can only spare the others rows.
 */
export function compileFilter(
  predicate: BoundExpr,
  ctx: EvalContext,
): (b: VecBatch) => Promise<Int32Array> {
  const steps = conjuncts(predicate).map((c) => ({ c, fast: columnConstantTest(c, ctx) }));
  const ordered: Narrow[] = [
    ...steps.flatMap((s) => (s.fast === null ? [] : [s.fast])),
    ...steps.flatMap((s) => (s.fast === null ? [generalTest(s.c, ctx)] : [])),
  ];
  return async (b) => {
    let rows = allRows(b.rowCount);
    for (const narrow of ordered) {
      if (rows.length === 0) break;
      rows = await narrow(b, rows);
    }
    return rows;
  };
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Any conjunct: evaluated on the surviving rows, its true rows kept. */
function generalTest(c: BoundExpr, ctx: EvalContext): Narrow {
  const run = compileVec(c, ctx);
  return async (b, rows) => {
    const kept = trueRows(await run(takeVecRows(b, rows)));
    if (kept.length === rows.length) return rows;
    const out = new Int32Array(kept.length);
    for (let k = 0; k < kept.length; k++) out[k] = rows[kept[k]!]!;
    return out;
  };
}

const FLIP: Record<CompareOp, CompareOp> = {
  '=': '=',
  '<>': '<>',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};
const MICROS_PER_DAY = 86_400_000_000;

/** The column a side reads, with the factor a widening cast applies to it, or null. */
function columnSide(e: BoundExpr): { index: number; factor: (v: Vec) => number } | null {
  if (e.kind === 'column') return { index: e.index, factor: () => 1 };
  if (e.kind !== 'cast' || e.operand.kind !== 'column') return null;
  const from = e.operand.type.kind;
  const to = e.type;
  if (from === 'date' && to.kind === 'timestamp')
    return { index: e.operand.index, factor: () => MICROS_PER_DAY };
  // An integer or numeric read as unconstrained numeric changes nothing.
  if (
    ['int2', 'int4', 'int8', 'numeric'].includes(from) &&
    to.kind === 'numeric' &&
    to.scale === null
  )
    return { index: e.operand.index, factor: () => 1 };
  return null;
}

/** `column op constant` (either way round) over exact values, or null. */
function columnConstantTest(c: BoundExpr, ctx: EvalContext): Narrow | null {
  if (c.kind !== 'call' || !isCompareOp(c.fn) || c.args.length !== 2) return null;
  const [l, r] = c.args as [BoundExpr, BoundExpr];
  let op: CompareOp = c.fn;
  let side = columnSide(l);
  let constant = r;
  if (side === null || !isConstant(r)) {
    side = columnSide(r);
    constant = l;
    op = FLIP[op];
    if (side === null || !isConstant(l)) return null;
  }
  if (!EXACT.has(constant.type.kind)) return null;
  const column = side;
  const fallback = generalTest(c, ctx);
  let value: Vec | null = null;
  return async (b, rows) => {
    value ??= vecFromValues(await evaluate(constant, SINGLE_ROW, ctx), constant.type);
    const col = b.columns[column.index]!;
    const dictionary = col.dictionary?.() ?? null;
    const v = dictionary?.entries ?? col.vec();
    if (v.kind !== 'exact' || value.kind !== 'exact') return fallback(b, rows);
    if (value.valid !== null) return new Int32Array(0); // compared with NULL: never true
    try {
      const c = value.values[0]!;
      if (dictionary !== null)
        return rowsWithEntries(
          dictionary,
          narrowExact(op, v, column.factor(v), c, value.scale, allRows(vecLength(v))),
          rows,
        );
      return narrowExact(op, v, column.factor(v), c, value.scale, rows);
    } catch (x) {
      if (x instanceof NotVectorizable) return fallback(b, rows);
      throw x;
    }
  };
}

const EXACT = new Set<SqlType['kind']>([
  'int2',
  'int4',
  'int8',
  'numeric',
  'date',
  'timestamp',
  'timestamptz',
  'time',
]);

/** Rows where (x × factor at scale s) op (c at scale cs), compared at the larger scale. */
function narrowExact(
  op: CompareOp,
  v: Vec & { kind: 'exact' },
  factor: number,
  c: number,
  cs: number,
  rows: Int32Array,
): Int32Array {
  const scale = Math.max(v.scale, cs);
  const xf = factor * (POW10[scale - v.scale] ?? NaN);
  const k = c * (POW10[scale - cs] ?? NaN);
  if (!(Math.abs(k) <= SAFE) || !(xf >= 1)) throw new NotVectorizable();
  const { values, valid } = v;
  if (xf !== 1) {
    // Scaled up (a date read as a timestamp, a coarser scale): check it stays exact.
    for (let j = 0; j < rows.length; j++) {
      const x = values[rows[j]!]! * xf;
      if (x > SAFE || x < -SAFE) throw new NotVectorizable();
    }
  }
  const out = new Int32Array(rows.length);
  let n = 0;
  const ok = (i: number): boolean => valid === null || valid[i] === 1;
  // One loop per operator, so each loop's test is a single comparison.
  switch (op) {
    case '<':
      for (const i of rows) if (values[i]! * xf < k && ok(i)) out[n++] = i;
      break;
    case '<=':
      for (const i of rows) if (values[i]! * xf <= k && ok(i)) out[n++] = i;
      break;
    case '>':
      for (const i of rows) if (values[i]! * xf > k && ok(i)) out[n++] = i;
      break;
    case '>=':
      for (const i of rows) if (values[i]! * xf >= k && ok(i)) out[n++] = i;
      break;
    case '=':
      for (const i of rows) if (values[i]! * xf === k && ok(i)) out[n++] = i;
      break;
    case '<>':
      for (const i of rows) if (values[i]! * xf !== k && ok(i)) out[n++] = i;
      break;
  }
  return out.subarray(0, n);
}
