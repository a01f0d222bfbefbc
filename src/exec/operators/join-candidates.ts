import type { HashKey } from '../hash-keys.js';
import type { JoinTable } from './join-table.js';

/**
 * The pairs (probe row, build row) a join tests, produced a chunk at a time and
 * resumable mid-row, so a probe row matching a million build rows still yields
 * bounded batches. Pairs come grouped by probe row, in probe order.
 */
export interface CandidateCursor {
  /** Fills up to `cap` pairs into `p`/`b`; returns how many (0: this batch is done). */
  fill(p: Int32Array, b: Int32Array, cap: number): number;
}

/** Equi-join: the build rows whose key equals the probe row's (none for a NULL key). */
export class HashCursor implements CandidateCursor {
  private row = 0;
  private at = -1;
  private readonly firsts: Int32Array;

  constructor(
    keys: readonly HashKey[],
    private readonly table: JoinTable,
  ) {
    this.firsts = new Int32Array(keys.length);
    table.index?.lookup(keys, this.firsts);
    if (!table.index) this.firsts.fill(-1);
  }

  fill(p: Int32Array, b: Int32Array, cap: number): number {
    const { firsts } = this;
    const next = this.table.next;
    const rows = firsts.length;
    let row = this.row;
    let at = this.at;
    let n = 0;
    while (n < cap && row < rows) {
      if (at < 0) {
        at = firsts[row]!;
        if (at < 0) {
          row++;
          continue;
        }
      }
      p[n] = row;
      b[n] = at;
      n++;
      at = next[at]!;
      if (at < 0) row++;
    }
    this.row = row;
    this.at = at;
    return n;
  }
}

/** Nested loop: every build row for every probe row. */
export class RangeCursor implements CandidateCursor {
  private row = 0;
  private at = 0;

  constructor(
    private readonly probeRows: number,
    private readonly buildRows: number,
  ) {}

  fill(p: Int32Array, b: Int32Array, cap: number): number {
    if (this.buildRows === 0) return 0;
    let n = 0;
    while (n < cap && this.row < this.probeRows) {
      const take = Math.min(cap - n, this.buildRows - this.at);
      for (let i = 0; i < take; i++) {
        p[n + i] = this.row;
        b[n + i] = this.at + i;
      }
      n += take;
      this.at += take;
      if (this.at === this.buildRows) {
        this.at = 0;
        this.row++;
      }
    }
    return n;
  }
}

/** Per-row candidate lists (NOT IN / mark joins with NULL keys: the rare, general path). */
export class ListCursor implements CandidateCursor {
  private row = 0;
  private list: ArrayLike<number> | null = null;
  private at = 0;

  constructor(
    private readonly probeRows: number,
    private readonly candidatesOf: (row: number) => ArrayLike<number>,
  ) {}

  fill(p: Int32Array, b: Int32Array, cap: number): number {
    let n = 0;
    while (n < cap && this.row < this.probeRows) {
      const list = (this.list ??= this.candidatesOf(this.row));
      while (n < cap && this.at < list.length) {
        p[n] = this.row;
        b[n] = list[this.at++]!;
        n++;
      }
      if (this.at >= list.length) {
        this.row++;
        this.list = null;
        this.at = 0;
      }
    }
    return n;
  }
}
