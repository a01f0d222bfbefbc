import type { RecordBatch } from 'apache-arrow';
import { LakeError } from '../../common/errors.js';
import { readBatchColumn } from '../../exec/read-batch-column.js';
import { planParquetScan } from '../../formats/parquet/plan-parquet-scan.js';
import type { FileIO } from '../../storage/file-io.js';
import type { ScanPool } from '../../../workers/scan-pool.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { SINGLE_ROW, takeRows, type ColumnBatch } from '../../exec/column-batch.js';
import type { EvalContext } from '../../exec/eval-context.js';
import { evaluate } from '../../exec/evaluate-expr.js';
import { HashAggregate } from '../../exec/hash-aggregate.js';
import { RowBufferLimit } from '../../exec/row-buffer-limit.js';
import { concatBatches, sortRows } from '../../exec/sort-rows.js';
import { toRecordBatch } from '../../exec/to-record-batch.js';
import type { QueryPlan, QuerySource } from './query-plan.js';
import type { SqlValue } from '../../common/sql-value.js';

/** What running a plan needs besides the plan. */
export interface QueryRuntime {
  readonly ctx: EvalContext;
  readonly io: FileIO;
  readonly scanPool: ScanPool;
  readonly memoryBytes: number;
}

/**
 * Runs a plan batch by batch: source → WHERE → (aggregate → HAVING) → select list →
 * (sort) → OFFSET/LIMIT → Arrow. Only ORDER BY and GROUP BY buffer rows; a LIMIT
 * stops the scan as soon as it is satisfied.
 */
export async function* runQuery(plan: QueryPlan, rt: QueryRuntime): AsyncGenerator<RecordBatch> {
  let offset = (await bound(plan.offset, rt.ctx, 'OFFSET')) ?? 0;
  let remaining = await bound(plan.limit, rt.ctx, 'LIMIT');
  if (remaining === 0) return;
  for await (const batch of projected(plan, rt)) {
    rt.ctx.checkCanceled();
    let b = batch;
    if (offset > 0) {
      const skip = Math.min(offset, b.rowCount);
      offset -= skip;
      b = takeRows(b, range(skip, b.rowCount));
    }
    if (remaining !== null && b.rowCount > remaining) b = takeRows(b, range(0, remaining));
    if (b.rowCount === 0) continue;
    yield toRecordBatch(plan.columns, b.columns.slice(0, plan.columns.length), b.rowCount);
    if (remaining !== null && (remaining -= b.rowCount) <= 0) return;
  }
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, i) => from + i);

async function bound(e: BoundExpr | null, ctx: EvalContext, what: string): Promise<number | null> {
  if (!e) return what === 'OFFSET' ? 0 : null;
  const v = (await evaluate(e, SINGLE_ROW, ctx))[0] ?? null;
  if (v === null) return what === 'OFFSET' ? 0 : null;
  const n = Number(v);
  if (n < 0)
    throw new LakeError(what === 'LIMIT' ? '2201W' : '2201X', `${what} must not be negative`);
  return n;
}

/** The select list over filtered (and aggregated, and sorted) input. */
async function* projected(plan: QueryPlan, rt: QueryRuntime): AsyncGenerator<ColumnBatch> {
  const input = plan.aggregate ? aggregated(plan, rt) : filtered(plan, rt);
  const project = async (b: ColumnBatch): Promise<ColumnBatch> => ({
    columns: await Promise.all(plan.projections.map((p) => evaluate(p, b, rt.ctx))),
    rowCount: b.rowCount,
  });
  if (plan.sort.length === 0) {
    for await (const b of input) yield await project(b);
    return;
  }
  const limit = new RowBufferLimit(rt.memoryBytes, 'ORDER BY');
  const all: ColumnBatch[] = [];
  for await (const b of input) {
    const p = await project(b);
    limit.add(p);
    all.push(p);
  }
  const keys = plan.sort.map((s) => ({
    column: s.index,
    type: plan.projections[s.index]?.type ?? plan.columns[0]!.type,
    descending: s.descending,
    nullsFirst: s.nullsFirst,
  }));
  yield sortRows(concatBatches(all, plan.projections.length), keys);
}

async function* filtered(plan: QueryPlan, rt: QueryRuntime): AsyncGenerator<ColumnBatch> {
  for await (const b of source(plan.source, rt)) {
    rt.ctx.checkCanceled();
    if (!plan.filter) {
      yield b;
      continue;
    }
    const keep = await evaluate(plan.filter, b, rt.ctx);
    const rows: number[] = [];
    keep.forEach((v, i) => v === true && rows.push(i));
    if (rows.length > 0) yield rows.length === b.rowCount ? b : takeRows(b, rows);
  }
}

async function* aggregated(plan: QueryPlan, rt: QueryRuntime): AsyncGenerator<ColumnBatch> {
  const spec = plan.aggregate!;
  const agg = new HashAggregate(spec.keys, spec.aggregates);
  const limit = new RowBufferLimit(rt.memoryBytes, 'GROUP BY');
  for await (const b of filtered(plan, rt)) {
    const before = agg.groupCount;
    await agg.add(b, rt.ctx);
    if (agg.groupCount > before) {
      limit.add({ columns: [new Array(agg.groupCount - before).fill(0)], rowCount: 0 });
    }
  }
  const out = agg.result();
  if (!plan.having) {
    yield out;
    return;
  }
  const keep = await evaluate(plan.having, out, rt.ctx);
  yield takeRows(
    out,
    range(0, out.rowCount).filter((i) => keep[i] === true),
  );
}

async function* source(s: QuerySource, rt: QueryRuntime): AsyncGenerator<ColumnBatch> {
  switch (s.kind) {
    case 'none':
      yield SINGLE_ROW;
      return;
    case 'series':
      yield* series(s, rt);
      return;
    case 'system': {
      const rows = s.relation.rows();
      const columns = s.relation.columns.map((_, j) => rows.map((r) => r[j] ?? null));
      yield { columns, rowCount: rows.length };
      return;
    }
    case 'table': {
      const tasks = await planParquetScan(
        s.table,
        rt.io,
        s.columns.map((c) => c.name),
        rt.scanPool.readFooters,
      );
      for await (const batch of rt.scanPool.scan(tasks, rt.ctx.signal)) {
        const columns = s.columns.map((c) => {
          const v = batch.getChild(c.name);
          return v ? readBatchColumn(v, c.type) : new Array<SqlValue>(batch.numRows).fill(null);
        });
        yield { columns, rowCount: batch.numRows };
      }
      return;
    }
  }
}

const SERIES_BATCH_ROWS = 8192;

/** generate_series over int4 or int8, a batch at a time; NULL arguments give no rows. */
async function* series(
  s: Extract<QuerySource, { kind: 'series' }>,
  rt: QueryRuntime,
): AsyncGenerator<ColumnBatch> {
  const arg = async (e: BoundExpr | null): Promise<SqlValue> =>
    e === null ? 1 : ((await evaluate(e, SINGLE_ROW, rt.ctx))[0] ?? null);
  const [start, stop, step] = [await arg(s.start), await arg(s.stop), await arg(s.step)];
  if (start === null || stop === null || step === null) return;
  const big = s.type.kind === 'int8';
  const [a, b, d] = [
    BigInt(start as number | bigint),
    BigInt(stop as number | bigint),
    BigInt(step as number | bigint),
  ];
  if (d === 0n) throw new LakeError('22023', 'step size cannot equal zero');
  let next = a;
  const more = (v: bigint): boolean => (d > 0n ? v <= b : v >= b);
  while (more(next)) {
    rt.ctx.checkCanceled();
    const column: SqlValue[] = [];
    for (let i = 0; i < SERIES_BATCH_ROWS && more(next); i++, next += d) {
      column.push(big ? next : Number(next));
    }
    yield { columns: [column], rowCount: column.length };
  }
}
