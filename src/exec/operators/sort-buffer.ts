import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { PlanColumn, SortKey } from '../../../planner/plan/logical-plan.js';
import type { SqlValue } from '../../common/sql-value.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { gatherColumn, type ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { lowerExprs } from '../lower-expr.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { sortOrder, type SortSpec } from '../sort-rows.js';

/**
 * The rows ORDER BY and top-N hold: the input's columns plus one column per sort key
 * that is not a plain input column, all appended batch after batch. `specs` index
 * into those columns.
 */
export class SortBuffer {
  readonly specs: readonly SortSpec[];
  columns: SqlValue[][];
  rowCount = 0;
  private readonly computed: readonly BoundExpr[];
  private limit: RowBufferLimit;

  constructor(
    keys: readonly SortKey[],
    inputs: readonly PlanColumn[],
    private readonly ctx: EvalContext,
    private readonly memoryBytes: number,
    private readonly what: string,
  ) {
    const width = inputs.length;
    const computed: BoundExpr[] = [];
    this.specs = lowerExprs(
      keys.map((k) => k.expr),
      inputs,
    ).map((e, i) => {
      const k = keys[i]!;
      const column = e.kind === 'column' ? e.index : width + computed.push(e) - 1;
      return { column, type: e.type, descending: k.descending, nullsFirst: k.nullsFirst };
    });
    this.computed = computed;
    this.columns = Array.from({ length: width + computed.length }, () => []);
    this.limit = new RowBufferLimit(memoryBytes, what);
  }

  /** The input's width: the columns a sorted batch outputs. */
  get width(): number {
    return this.columns.length - this.computed.length;
  }

  /** `b` with its computed key columns after the input's. */
  async withKeys(b: ColumnBatch): Promise<ColumnBatch> {
    if (this.computed.length === 0) return b;
    const extra: (readonly SqlValue[])[] = [];
    for (const e of this.computed) extra.push(await evaluate(e, b, this.ctx));
    return { columns: [...b.columns, ...extra], rowCount: b.rowCount };
  }

  /** Appends the rows of `b` (already `withKeys`) at `rows`, or all of them. */
  append(b: ColumnBatch, rows?: readonly number[]): void {
    const n = rows ? rows.length : b.rowCount;
    if (n === 0) return;
    this.limit.add(
      rows ? { columns: b.columns.map((c) => gatherColumn(c, rows)), rowCount: n } : b,
    );
    for (let c = 0; c < this.columns.length; c++) {
      const out = this.columns[c]!;
      const src = b.columns[c]!;
      if (rows) for (let i = 0; i < n; i++) out.push(src[rows[i]!] ?? null);
      else for (let i = 0; i < n; i++) out.push(src[i] ?? null);
    }
    this.rowCount += n;
  }

  /** The stable sorted order of the rows held. */
  order(): number[] {
    return sortOrder(this.columns, this.specs, this.rowCount);
  }

  /** Keeps only the rows at `order[0..keep)`, in that order (top-N's compaction). */
  retain(order: readonly number[], keep: number): void {
    const rows = order.slice(0, keep);
    this.columns = this.columns.map((c) => gatherColumn(c, rows));
    this.rowCount = rows.length;
    this.limit = new RowBufferLimit(this.memoryBytes, this.what);
    this.limit.add({ columns: this.columns, rowCount: this.rowCount });
  }

  /** Output batches of the input's columns in `order[from..to)`. */
  *batches(order: readonly number[], from: number, to: number): Generator<ColumnBatch> {
    const width = this.width;
    for (let start = from; start < to; start += MAX_BATCH_ROWS) {
      const rows = order.slice(start, Math.min(to, start + MAX_BATCH_ROWS));
      const columns = this.columns.slice(0, width).map((c) => gatherColumn(c, rows));
      yield { columns, rowCount: rows.length };
    }
  }
}
