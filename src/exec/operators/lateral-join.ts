import type { BoundExpr, ColumnId } from '../../../planner/plan/bound-expr.js';
import type { JoinNode } from '../../../planner/plan/logical-plan.js';
import { freeRefs } from '../../../planner/plan/plan-visit.js';
import { assert } from '../../common/assert.js';
import type { SqlValue } from '../../common/sql-value.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExpr, positionsOf } from '../lower-expr.js';
import { concatBatches } from '../sort-rows.js';
import { generatorOperator } from './generator-operator.js';
import type { ExecRuntime, Operator } from './operator.js';

/** Distinct outer tuples whose right-side rows are kept before the cache starts over. */
const CACHE_ENTRIES = 4096;

/**
 * A LATERAL join (JoinNode.lateral, docs §7.2.1.5): the right side reads columns of
 * the left, so it runs once per distinct tuple of those values, bound as `ctx.outer`
 * the way a correlated subquery runs (evaluate-subquery.ts), its rows cached by the
 * tuple. Each left row is followed by its pairs the condition keeps; a LEFT join
 * pads a left row none are kept for with NULLs, in place, so the left's order stays.
 */
export function buildLateralJoin(node: JoinNode, rt: ExecRuntime): Operator {
  assert(
    node.joinType === 'inner' || node.joinType === 'cross' || node.joinType === 'left',
    `a LATERAL ${node.joinType} join`,
  );
  const left = rt.build(node.left);
  const leftWidth = node.left.columns.length;
  const width = leftWidth + node.right.columns.length;
  const positions = positionsOf(node.left.columns);
  const outer = [...freeRefs(node.right)].flatMap((id) => {
    const index = positions.get(id);
    return index === undefined ? [] : [{ id, index }];
  });
  const condition = node.condition && lowerExpr(node.condition, node.columns);
  const padded = node.joinType === 'left';
  const rightRows = rightRunner(node, outer, width - leftWidth, rt.ctx);
  return generatorOperator([left], async function* (stats) {
    let out = new PairBuffer(width, leftWidth);
    for (let b = await left.next(); b; b = await left.next()) {
      rt.ctx.checkCanceled();
      for (let row = 0; row < b.rowCount; row++) {
        const r = await rightRows(b, row);
        // Without a condition every pair is kept, so only an empty right side needs a pad.
        const pad = padded && (condition !== null || r.rowCount === 0);
        out.add(b, row, r, pad);
        if (out.rowCount >= MAX_BATCH_ROWS) {
          yield await out.finish(condition, rt.ctx);
          out = new PairBuffer(width, leftWidth);
        }
      }
    }
    left.close();
    stats.extra['rightRuns'] = rightRows.runs;
    yield await out.finish(condition, rt.ctx);
  });
}

type RightRows = ((b: ColumnBatch, row: number) => Promise<ColumnBatch>) & { runs: number };

/** Runs the right side for a left row's outer values, through a cache keyed by them. */
function rightRunner(
  node: JoinNode,
  outer: readonly { readonly id: ColumnId; readonly index: number }[],
  rightWidth: number,
  ctx: EvalContext,
): RightRows {
  const cache = new Map<unknown, Promise<ColumnBatch>>();
  const runs = async (values: readonly SqlValue[]): Promise<ColumnBatch> => {
    assert(ctx.runSubquery !== undefined, 'LATERAL join without a subquery runner');
    const bound = new Map(ctx.outer ?? []);
    outer.forEach((o, i) => bound.set(o.id, values[i] ?? null));
    // Inherit, don't spread: the context's members may be getters (the lazy `signal`).
    const inner = Object.create(ctx, { outer: { value: bound } }) as EvalContext;
    return concatBatches(await ctx.runSubquery(node.right, inner), rightWidth);
  };
  const get = (b: ColumnBatch, row: number): Promise<ColumnBatch> => {
    const values = outer.map((o) => b.columns[o.index]?.[row] ?? null);
    // One value keys the Map itself; a tuple, its text (bigint and string kept apart).
    const key = values.length === 1 ? values[0] : values.map(keyOf).join('\u0000');
    let result = cache.get(key);
    if (!result) {
      if (cache.size >= CACHE_ENTRIES) cache.clear();
      result = runs(values);
      cache.set(key, result);
      get.runs++;
    }
    return result;
  };
  get.runs = 0;
  return get;
}

function keyOf(v: SqlValue): string {
  return typeof v === 'bigint' ? `${v}n` : (JSON.stringify(v) ?? 'null');
}

/**
 * The pairs of some left rows in order: each left row's right rows and, for a LEFT
 * join, one NULL-padded row after them that survives only if the condition keeps
 * none of that left row's pairs.
 */
class PairBuffer {
  readonly columns: SqlValue[][];
  /** Per row: the left row's serial number here, negated (-1 - n) for its pad row. */
  private readonly groups: number[] = [];
  private serial = 0;

  constructor(
    width: number,
    private readonly leftWidth: number,
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }

  get rowCount(): number {
    return this.groups.length;
  }

  add(left: ColumnBatch, row: number, right: ColumnBatch, pad: boolean): void {
    const n = right.rowCount + (pad ? 1 : 0);
    const group = this.serial++;
    for (let c = 0; c < this.leftWidth; c++) {
      const v = left.columns[c]?.[row] ?? null;
      const out = this.columns[c]!;
      for (let i = 0; i < n; i++) out.push(v);
    }
    for (let c = this.leftWidth; c < this.columns.length; c++) {
      const src = right.columns[c - this.leftWidth] ?? [];
      const out = this.columns[c]!;
      for (let i = 0; i < right.rowCount; i++) out.push(src[i] ?? null);
      if (pad) out.push(null);
    }
    for (let i = 0; i < right.rowCount; i++) this.groups.push(group);
    if (pad) this.groups.push(-1 - group);
  }

  /** The kept rows: pairs the condition holds for, and pads of left rows with none. */
  async finish(condition: BoundExpr | null, ctx: EvalContext): Promise<ColumnBatch> {
    const all: ColumnBatch = { columns: this.columns, rowCount: this.rowCount };
    const hasPad = this.groups.some((g) => g < 0);
    if (condition === null && !hasPad) return all;
    const keep = condition ? await evaluate(condition, all, ctx) : null;
    const rows: number[] = [];
    let matched = -1; // the last group with a kept pair
    for (let i = 0; i < this.groups.length; i++) {
      const g = this.groups[i]!;
      if (g < 0) {
        if (matched !== -1 - g) rows.push(i);
      } else if (keep === null || keep[i] === true) {
        rows.push(i);
        matched = g;
      }
    }
    if (rows.length === all.rowCount) return all;
    return {
      columns: this.columns.map((c) => rows.map((i) => c[i] ?? null)),
      rowCount: rows.length,
    };
  }
}
