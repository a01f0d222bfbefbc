import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { hashKeyColumn, type HashKey } from '../hash-keys.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { indexKeys, type KeyIndex } from './join-key-index.js';
import type { Operator } from './operator.js';

/**
 * A join's build side: all its rows, column by column, and (with keys) a hash table
 * from key to the first row with it, `next[row]` chaining the rest in input order
 * (-1 ends a chain). Rows with a NULL key are never in the table (NULL = x is not
 * true) but are listed apart for NOT IN and mark joins, where they make results NULL.
 */
export class JoinTable {
  readonly columns: SqlValue[][];
  rowCount = 0;
  index: KeyIndex | null = null;
  next: Int32Array = new Int32Array(0);
  readonly nullKeyRows: number[] = [];
  /** Each build row's hash key (null: a NULL key), for dynamic filters (key-filters.ts). */
  keys: readonly HashKey[] = [];

  private constructor(width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }

  /** Drains `input` (closing it) into a table keyed by `keys` (none: nested loop). */
  static async build(
    input: Operator,
    width: number,
    keys: readonly BoundExpr[],
    ctx: EvalContext,
    memoryBytes: number,
  ): Promise<JoinTable> {
    const table = new JoinTable(width);
    const limit = new RowBufferLimit(memoryBytes, 'The join');
    const allKeys: HashKey[] = [];
    for (let b = await input.next(); b; b = await input.next()) {
      ctx.checkCanceled();
      limit.add(b);
      table.append(b);
      if (keys.length > 0) {
        const k = await keyColumn(keys, b, ctx);
        for (let i = 0; i < k.length; i++) allKeys.push(k[i]!);
      }
    }
    input.close();
    if (keys.length > 0) table.buildIndex(allKeys);
    return table;
  }

  private append(b: ColumnBatch): void {
    for (let c = 0; c < this.columns.length; c++) {
      const out = this.columns[c]!;
      const src = b.columns[c]!;
      for (let i = 0; i < b.rowCount; i++) out.push(src[i] ?? null);
    }
    this.rowCount += b.rowCount;
  }

  /** Chains built back to front, so each chain lists its rows in input order. */
  private buildIndex(keys: readonly HashKey[]): void {
    this.keys = keys;
    this.next = new Int32Array(keys.length).fill(-1);
    this.index = indexKeys(keys, this.next, this.nullKeyRows);
  }

  /** The first build row with `key`, -1 when none (or no keys). */
  first(key: HashKey): number {
    return this.index ? this.index.first(key) : -1;
  }
}

/** The hash keys of a batch's rows (null: a NULL key, which matches nothing). */
export async function keyColumn(
  keys: readonly BoundExpr[],
  b: ColumnBatch,
  ctx: EvalContext,
): Promise<HashKey[]> {
  const cols: (readonly SqlValue[])[] = [];
  for (const e of keys) {
    cols.push(e.kind === 'column' ? (b.columns[e.index] ?? []) : await evaluate(e, b, ctx));
  }
  return hashKeyColumn(
    cols,
    keys.map((e) => e.type),
    b.rowCount,
    false,
  );
}
