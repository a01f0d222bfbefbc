import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { gatherColumn, type ColumnBatch } from '../column-batch.js';
import type { HashKey } from '../hash-keys.js';
import type { JoinTable } from './join-table.js';

/**
 * A semi or anti join built on its left (preserved) side: TPC-H Q22 anti-joins 19K
 * customers with 1.5M orders, so the customers are hashed and the orders streamed
 * past them (DuckDB's "right semi/anti" join). Each left row is marked when some
 * probe pair passes the condition; after the last probe batch the semi join emits
 * the marked rows, the anti join the rest (a NULL key never matches: anti keeps it).
 */
export class BuildMarks {
  private readonly matched: Uint8Array;
  private count = 0;
  /** Rows a probe row can match: those with a non-NULL key. */
  private readonly matchable: number;
  private firsts = new Int32Array(0);

  constructor(private readonly table: JoinTable) {
    this.matched = new Uint8Array(table.rowCount);
    this.matchable = table.rowCount - table.nullKeyRows.length;
  }

  /** Every matchable row has matched: the rest of the probe side changes nothing. */
  get done(): boolean {
    return this.count >= this.matchable;
  }

  /**
   * Compacts the first `n` pairs to those whose build row has not matched yet: a
   * matched row's outcome is settled, so its pairs need no residual test (TPC-H Q21's
   * `l2.l_suppkey <> l1.l_suppkey` runs once per line until it holds).
   */
  unmatched(p: Int32Array, b: Int32Array, n: number): number {
    const m = this.matched;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const row = b[i]!;
      if (m[row] !== 0) continue;
      p[kept] = p[i]!;
      b[kept] = row;
      kept++;
    }
    return kept;
  }

  /** Marks the build rows of the first `n` pairs. */
  mark(b: Int32Array, n: number): void {
    const m = this.matched;
    for (let i = 0; i < n; i++) {
      const row = b[i]!;
      if (m[row] === 0) {
        m[row] = 1;
        this.count++;
      }
    }
  }

  /**
   * No residual: every build row with one of `keys` matches, so whole chains are
   * marked without forming pairs. A chain is always marked whole, so one whose first
   * row is marked is done.
   */
  markKeys(keys: readonly HashKey[]): void {
    const { index, next } = this.table;
    if (!index) return;
    if (this.firsts.length < keys.length) this.firsts = new Int32Array(keys.length);
    const firsts = this.firsts;
    index.lookup(keys, firsts);
    const m = this.matched;
    let count = this.count;
    for (let i = 0; i < keys.length; i++) {
      for (let at = firsts[i]!; at >= 0 && m[at] === 0; at = next[at]!) {
        m[at] = 1;
        count++;
      }
    }
    this.count = count;
  }

  /** The build rows marked (`matched` true, semi) or not (anti), in build order. */
  *rows(matched: boolean): Generator<ColumnBatch> {
    const want = matched ? 1 : 0;
    const m = this.matched;
    let rows: number[] = [];
    for (let i = 0; i < m.length; i++) {
      if (m[i] !== want) continue;
      rows.push(i);
      if (rows.length === MAX_BATCH_ROWS) {
        yield this.take(rows);
        rows = [];
      }
    }
    if (rows.length > 0) yield this.take(rows);
  }

  private take(rows: readonly number[]): ColumnBatch {
    return {
      columns: this.table.columns.map((c) => gatherColumn(c, rows)),
      rowCount: rows.length,
    };
  }
}
