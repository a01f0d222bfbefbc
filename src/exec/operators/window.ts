import type { WindowCall, WindowNode } from '../../../planner/plan/logical-plan.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Column } from '../aggregates/grouped-aggregate.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { gatherColumn, type ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { lowerExpr, lowerExprs } from '../lower-expr.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { DEFAULT_FRAME, frameBounds, WHOLE_PARTITION } from '../windows/frame-bounds.js';
import { rankingFunctions } from '../windows/ranking.js';
import {
  sortPartitions,
  type OrderColumn,
  type SortedPartitions,
} from '../windows/sorted-partitions.js';
import { valueFunctions } from '../windows/value-functions.js';
import { rejectDistinct, windowAggregate } from '../windows/window-aggregate.js';
import type { WindowEvaluator } from '../windows/window-input.js';
import { columnOf } from './aggregate.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

const windowFunctions: Record<string, WindowEvaluator> = { ...rankingFunctions, ...valueFunctions };

/**
 * Window functions (PostgreSQL docs §3.5, §4.2.8, §9.22): the whole input is held
 * (RowBufferLimit), sorted by partition and ORDER BY once per distinct window
 * (sorted-partitions.ts), and each call computed over every row. Output: the input's
 * columns, then one per call, in the last window's sorted order (SQL promises no
 * order without ORDER BY, and PostgreSQL's output comes the same way).
 */
export const buildWindow: OperatorBuilder<'window'> = (node, rt) => {
  const stats = newStats();
  const input = rt.build(node.input);
  let emit: (() => ColumnBatch | null) | null = null;
  const run = async (): Promise<() => ColumnBatch | null> => {
    const width = node.input.columns.length;
    const columns: SqlValue[][] = Array.from({ length: width }, () => []);
    const limit = new RowBufferLimit(rt.memoryBytes, 'window functions');
    let n = 0;
    for (let b = await input.next(); b !== null; b = await input.next()) {
      rt.ctx.checkCanceled();
      limit.add(b);
      for (let c = 0; c < width; c++) {
        const out = columns[c]!;
        const src = b.columns[c]!;
        for (let i = 0; i < b.rowCount; i++) out.push(src[i] ?? null);
      }
      n += b.rowCount;
    }
    const all: ColumnBatch = { columns, rowCount: n };
    const sorts = new Map<string, { sp: SortedPartitions; order: OrderColumn[] }>();
    let lastOrder: Int32Array | null = null;
    const results: Column[] = [];
    for (const call of node.calls) {
      rt.ctx.checkCanceled();
      const { sp, order } = await sortedFor(node, call, all, rt.ctx, sorts);
      results.push(await computeCall(node, call, all, sp, order, rt.ctx));
      lastOrder = sp.order;
    }
    const out = [...columns, ...results];
    const order = lastOrder;
    let at = 0;
    return () => {
      if (at >= n) return null;
      const end = Math.min(n, at + MAX_BATCH_ROWS);
      const idx =
        order === null
          ? Int32Array.from({ length: end - at }, (_, i) => at + i)
          : order.subarray(at, end);
      at = end;
      return { columns: out.map((c) => gatherColumn(c, idx)), rowCount: idx.length };
    };
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    emit ??= await run();
    return emit();
  };
  return { stats, children: [input], next: () => timed(stats, pull), close: () => input.close() };
};

/** The sorted partitions of a call's window, shared by calls with the same window. */
async function sortedFor(
  node: WindowNode,
  call: WindowCall,
  all: ColumnBatch,
  ctx: EvalContext,
  cache: Map<string, { sp: SortedPartitions; order: OrderColumn[] }>,
): Promise<{ sp: SortedPartitions; order: OrderColumn[] }> {
  const inputs = node.input.columns;
  const parts = lowerExprs(call.partitionBy, inputs);
  const keys = lowerExprs(
    call.orderBy.map((k) => k.expr),
    inputs,
  );
  const key = JSON.stringify(
    [parts, keys, call.orderBy.map((k) => [k.descending, k.nullsFirst])],
    (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v),
  );
  const hit = cache.get(key);
  if (hit) return hit;
  const partCols: Column[] = [];
  for (const e of parts) partCols.push(await columnOf(e, all, ctx));
  const order: OrderColumn[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = call.orderBy[i]!;
    order.push({
      values: await columnOf(keys[i]!, all, ctx),
      type: keys[i]!.type,
      descending: k.descending,
      nullsFirst: k.nullsFirst,
    });
  }
  const sp = sortPartitions(
    partCols,
    parts.map((e) => e.type),
    order,
    all.rowCount,
  );
  const entry = { sp, order };
  cache.set(key, entry);
  return entry;
}

/** One call's values, by input row. */
async function computeCall(
  node: WindowNode,
  call: WindowCall,
  all: ColumnBatch,
  sp: SortedPartitions,
  order: readonly OrderColumn[],
  ctx: EvalContext,
): Promise<Column> {
  rejectDistinct(call.distinct);
  const inputs = node.input.columns;
  const argExprs = lowerExprs(call.args, inputs);
  const args: Column[] = [];
  for (const e of argExprs) args.push(await columnOf(e, all, ctx));
  const filter = call.filter && (await columnOf(lowerExpr(call.filter, inputs), all, ctx));
  const frame = call.frame ?? (call.orderBy.length > 0 ? DEFAULT_FRAME : WHOLE_PARTITION);
  const bounds = await frameBounds(frame, sp, order.length === 1 ? order[0]! : null, ctx);
  const w = { fn: call.fn, sp, args, frame, bounds, ignoreNulls: call.ignoreNulls, filter, ctx };
  const evaluator = windowFunctions[call.fn];
  const byPosition = evaluator
    ? await evaluator(w)
    : windowAggregate(
        w,
        call.type,
        argExprs.map((e) => e.type),
      );
  const byRow = new Array<SqlValue>(sp.n);
  for (let p = 0; p < sp.n; p++) byRow[sp.order[p]!] = byPosition[p] ?? null;
  return byRow;
}
