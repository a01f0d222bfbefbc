import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { AggregateNode } from '../../../planner/plan/logical-plan.js';
import { assert } from '../../common/assert.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { makeAggregate, type AggregateBuild } from '../aggregates/aggregate-registry.js';
import {
  finalColumn,
  type Column,
  type GroupedAggregate,
} from '../aggregates/grouped-aggregate.js';
import { HashGrouping, type CallInput } from '../aggregates/hash-grouping.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExprs } from '../lower-expr.js';
import { newStats, type ExecRuntime, type Operator, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';
import { aggregateVecBatches } from '../vector/vec-aggregate.js';
import { vecPipeline } from '../vector/vec-pipeline.js';

/** One aggregate call lowered to input positions: what each batch evaluates for it. */
interface LoweredCall {
  /** The arguments, then the ORDER BY keys inside the call. */
  readonly exprs: readonly BoundExpr[];
  readonly filter: BoundExpr | null;
  readonly build: AggregateBuild;
}

function lowerCalls(node: AggregateNode): LoweredCall[] {
  const inputs = node.input.columns;
  return node.aggregates.map((a) => {
    const args = lowerExprs(a.args, inputs);
    const order = lowerExprs(
      a.orderBy.map((k) => k.expr),
      inputs,
    );
    return {
      exprs: [...args, ...order],
      filter: a.filter && lowerExprs([a.filter], inputs)[0]!,
      build: {
        fn: a.fn,
        argTypes: args.map((e) => e.type),
        resultType: a.type,
        distinct: a.distinct,
        order: a.orderBy.map((k, i) => ({
          type: order[i]!.type,
          descending: k.descending,
          nullsFirst: k.nullsFirst,
        })),
      },
    };
  });
}

/** A column expression is read in place; anything else is evaluated once per batch. */
export function columnOf(
  e: BoundExpr,
  batch: ColumnBatch,
  ctx: EvalContext,
): Promise<Column> | Column {
  return e.kind === 'column' ? (batch.columns[e.index] ?? []) : evaluate(e, batch, ctx);
}

async function columnsOf(
  es: readonly BoundExpr[],
  batch: ColumnBatch,
  ctx: EvalContext,
): Promise<Column[]> {
  const out: Column[] = [];
  for (const e of es) out.push(await columnOf(e, batch, ctx));
  return out;
}

async function callInputs(
  calls: readonly LoweredCall[],
  batch: ColumnBatch,
  ctx: EvalContext,
): Promise<CallInput[]> {
  const out: CallInput[] = [];
  for (const c of calls) {
    out.push({
      args: await columnsOf(c.exprs, batch, ctx),
      filter: c.filter && (await columnOf(c.filter, batch, ctx)),
    });
  }
  return out;
}

/** The result rows as batches of at most MAX_BATCH_ROWS. */
function emitter(columns: readonly Column[], rowCount: number): () => ColumnBatch | null {
  let at = 0;
  return () => {
    if (at >= rowCount) return null;
    const end = Math.min(rowCount, at + MAX_BATCH_ROWS);
    const batch =
      at === 0 && end === rowCount
        ? { columns, rowCount }
        : { columns: columns.map((c) => c.slice(at, end)), rowCount: end - at };
    at = end;
    return batch;
  };
}

/** One grouping per grouping set (one for plain GROUP BY); sets list key indexes. */
function groupingsOf(node: AggregateNode, calls: readonly LoweredCall[], rt: ExecRuntime) {
  const sets = node.groupingSets ?? [node.keys.map((_, i) => i)];
  return sets.map((set) => ({
    set,
    grouping: new HashGrouping(
      set.map((i) => node.keys[i]!.type),
      calls.map((c) => makeAggregate(c.build)),
      rt.memoryBytes,
    ),
  }));
}

/**
 * The output of one grouping: every key (NULL where the set leaves it out), the
 * aggregates, and with grouping sets the int8 grouping id: bit K-1-i set when key i is
 * not in the set, the first key highest, as GROUPING(a, b, ...) numbers its arguments
 * (the binder reads GROUPING() off it, planner/README.md).
 */
function resultColumns(node: AggregateNode, set: readonly number[], g: HashGrouping): Column[] {
  const n = g.groupCount;
  const cols: Column[] = node.keys.map((_, i) => {
    const pos = set.indexOf(i);
    return pos >= 0 ? g.keyValues[pos]! : new Array<SqlValue>(n).fill(null);
  });
  for (const agg of g.aggregates) cols.push(finalColumn(agg, n));
  if (node.groupingSets !== null) {
    let id = 0n;
    node.keys.forEach((_, i) => {
      if (!set.includes(i)) id |= 1n << BigInt(node.keys.length - 1 - i);
    });
    cols.push(new Array<SqlValue>(n).fill(id));
  }
  return cols;
}

function concatColumns(
  parts: readonly Column[][],
  width: number,
): { columns: Column[]; rowCount: number } {
  if (parts.length === 1) return { columns: parts[0]!, rowCount: parts[0]![0]?.length ?? 0 };
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  for (const p of parts) for (let c = 0; c < width; c++) for (const v of p[c]!) columns[c]!.push(v);
  return { columns, rowCount: columns[0]?.length ?? 0 };
}

/**
 * GROUP BY / grouping sets / plain aggregates: hash aggregation over the whole input
 * (keys and arguments evaluated once per batch, then one loop per aggregate), then the
 * groups as batches. Output: keys, aggregates, and the grouping id with grouping sets.
 */
export const buildAggregate: OperatorBuilder<'aggregate'> = (node, rt) => {
  const stats = newStats();
  const input = rt.build(node.input);
  const calls = lowerCalls(node);
  const keys = lowerExprs(node.keys, node.input.columns);
  let emit: (() => ColumnBatch | null) | null = null;
  const run = async (): Promise<() => ColumnBatch | null> => {
    const groupings = groupingsOf(node, calls, rt);
    for (let b = await input.next(); b !== null; b = await input.next()) {
      rt.ctx.checkCanceled();
      const keyCols = await columnsOf(keys, b, rt.ctx);
      const args = await callInputs(calls, b, rt.ctx);
      for (const { set, grouping } of groupings)
        grouping.add(
          set.map((i) => keyCols[i]!),
          args,
          b.rowCount,
        );
    }
    const width = node.columns.length;
    const out = concatColumns(
      groupings.map(({ set, grouping }) => resultColumns(node, set, grouping)),
      width,
    );
    stats.extra['groups'] = out.rowCount;
    return emitter(out.columns, out.rowCount);
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    emit ??= await run();
    return emit();
  };
  return { stats, children: [input], next: () => timed(stats, pull), close: () => input.close() };
};

// ------------------------------------------------------------------ partial aggregation

/**
 * The columns a worker's partial aggregate produces for `node`: the keys, then each
 * aggregate's state columns in order. Only plain GROUP BY without DISTINCT or ORDER BY
 * inside calls is split this way (the optimizer's `partial` flag promises that).
 */
export function partialStateTypes(node: AggregateNode): SqlType[] {
  const types = node.keys.map((k) => k.type);
  for (const c of lowerCalls(node)) types.push(...makeAggregate(c.build).stateTypes);
  return types;
}

function assertSplittable(node: AggregateNode): void {
  assert(node.groupingSets === null, 'grouping sets are not aggregated partially');
  assert(
    node.aggregates.every((a) => !a.distinct && a.orderBy.length === 0),
    'DISTINCT and ordered aggregates are not aggregated partially',
  );
}

/** The worker half: aggregates its input into keys + state columns (partialStateTypes). */
export const buildPartialAggregate: OperatorBuilder<'aggregate'> = (node, rt) => {
  assertSplittable(node);
  const stats = newStats();
  const calls = lowerCalls(node);
  const keys = lowerExprs(node.keys, node.input.columns);
  let emit: (() => ColumnBatch | null) | null = null;
  const run = async (): Promise<() => ColumnBatch | null> => {
    const { grouping } = groupingsOf(node, calls, rt)[0]!;
    // Over a scan in a worker the input stays typed (src/exec/vector) until aggregated.
    const typed = vecPipeline(node.input, rt);
    if (typed !== null) await aggregateVecBatches(typed, keys, calls, grouping, rt.ctx);
    else {
      const input = rt.build(node.input);
      try {
        for (let b = await input.next(); b !== null; b = await input.next()) {
          rt.ctx.checkCanceled();
          grouping.add(
            await columnsOf(keys, b, rt.ctx),
            await callInputs(calls, b, rt.ctx),
            b.rowCount,
          );
        }
      } finally {
        input.close();
      }
    }
    const n = grouping.groupCount;
    const cols: Column[] = [...grouping.keyValues];
    for (const agg of grouping.aggregates) cols.push(...agg.state(n));
    return emitter(cols, n);
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    emit ??= await run();
    return emit();
  };
  return { stats, children: [], next: () => timed(stats, pull), close: () => undefined };
};

/**
 * The main-thread half: folds the partial batches (as buildPartialAggregate made them,
 * from any number of workers) and produces the node's final output.
 */
export function buildMergeAggregate(
  node: AggregateNode,
  partials: Operator,
  rt: ExecRuntime,
): Operator {
  assertSplittable(node);
  const stats = newStats();
  const calls = lowerCalls(node);
  let emit: (() => ColumnBatch | null) | null = null;
  const run = async (): Promise<() => ColumnBatch | null> => {
    const { grouping } = groupingsOf(node, calls, rt)[0]!;
    const widths = grouping.aggregates.map((a: GroupedAggregate) => a.stateTypes.length);
    const k = node.keys.length;
    for (let b = await partials.next(); b !== null; b = await partials.next()) {
      rt.ctx.checkCanceled();
      const states: Column[][] = [];
      let at = k;
      for (const w of widths) {
        states.push(b.columns.slice(at, at + w));
        at += w;
      }
      grouping.merge(b.columns.slice(0, k), states, b.rowCount);
    }
    const out = resultColumns(
      node,
      node.keys.map((_, i) => i),
      grouping,
    );
    return emitter(out, grouping.groupCount);
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    emit ??= await run();
    return emit();
  };
  return {
    stats,
    children: [partials],
    next: () => timed(stats, pull),
    close: () => partials.close(),
  };
}
