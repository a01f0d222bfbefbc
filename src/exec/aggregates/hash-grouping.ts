import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { hashKeyColumn, type HashKey } from '../hash-keys.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { IntegerIds } from './integer-ids.js';
import { type Column, type GroupedAggregate, stable } from './grouped-aggregate.js';

/** What one batch brings for one aggregate call: its argument columns and FILTER column. */
export interface CallInput {
  readonly args: readonly Column[];
  /** `FILTER (WHERE ...)`: only rows where this is true count; null = every row. */
  readonly filter: Column | null;
}

/**
 * The hash table of one grouping (GROUP BY, or one grouping set): assigns each row a
 * dense group id by its key values and feeds the calls' aggregates a batch at a time.
 * One key column is keyed by its (normalised) values themselves, integers in an
 * open-addressing table (integer-ids.ts), others in a Map; several are encoded to one
 * string (hash-keys.ts). NULL keys group together, as GROUP BY wants.
 * Without keys there is exactly one group, present even before any row.
 */
export class HashGrouping {
  /** Integer keys (one integer key column) in an open-addressing table; any other key in a Map. */
  private readonly integers = new IntegerIds();
  private readonly ids = new Map<HashKey, number>();
  /** First-seen key values per key column, by group id. */
  readonly keyValues: SqlValue[][];
  private groups = 0;
  private readonly limit: RowBufferLimit;

  constructor(
    private readonly keyTypes: readonly SqlType[],
    readonly aggregates: readonly GroupedAggregate[],
    memoryBytes: number,
  ) {
    this.keyValues = keyTypes.map(() => []);
    this.limit = new RowBufferLimit(memoryBytes, 'GROUP BY');
    if (keyTypes.length === 0) {
      this.groups = 1;
      for (const a of aggregates) a.grow(1);
    }
  }

  get groupCount(): number {
    return this.groups;
  }

  /** The group id of every row, creating groups for new keys. */
  assign(keyCols: readonly Column[], rowCount: number): Int32Array {
    const out = new Int32Array(rowCount);
    if (this.keyTypes.length === 0) return stable(out);
    const keys = hashKeyColumn(keyCols, this.keyTypes, rowCount, true);
    const before = this.groups;
    const { ids, integers } = this;
    for (let i = 0; i < rowCount; i++) {
      const key = keys[i]!;
      let id: number | undefined;
      if (typeof key === 'number' && Number.isSafeInteger(key)) {
        id = integers.idOf(key, this.groups);
        if (id < this.groups) {
          out[i] = id;
          continue;
        }
      } else {
        id = ids.get(key);
        if (id !== undefined) {
          out[i] = id;
          continue;
        }
        id = this.groups;
        ids.set(key, id);
      }
      this.groups++;
      for (let c = 0; c < keyCols.length; c++) this.keyValues[c]!.push(keyCols[c]![i] ?? null);
      out[i] = id;
    }
    if (this.groups > before) this.grew(before);
    return stable(out);
  }

  /** Adds a batch: keys already evaluated, one CallInput per aggregate. */
  add(keyCols: readonly Column[], calls: readonly CallInput[], rowCount: number): void {
    const groups = this.assign(keyCols, rowCount);
    for (let c = 0; c < calls.length; c++) {
      const call = calls[c]!;
      const agg = this.aggregates[c]!;
      if (call.filter === null) {
        agg.update(call.args, null, groups, rowCount);
        continue;
      }
      const { rows, sub, count } = selectRows(call.filter, groups, rowCount);
      agg.update(call.args, rows, sub, count);
    }
  }

  /** Folds a batch of partial states: keys, then each aggregate's state columns in order. */
  merge(
    keyCols: readonly Column[],
    states: readonly (readonly Column[])[],
    rowCount: number,
  ): void {
    const groups = this.assign(keyCols, rowCount);
    for (let c = 0; c < states.length; c++) this.aggregates[c]!.merge(states[c]!, groups, rowCount);
  }

  private grew(before: number): void {
    const n = this.groups;
    for (const a of this.aggregates) a.grow(n);
    // Memory: the new groups' keys plus a fixed estimate per aggregate state.
    const fresh = this.keyValues.map((col) => col.slice(before));
    fresh.push(new Array<SqlValue>((n - before) * (this.aggregates.length + 2)).fill(null));
    this.limit.add({ columns: fresh, rowCount: n - before });
  }
}

function selectRows(
  filter: Column,
  groups: Int32Array,
  rowCount: number,
): { rows: Int32Array; sub: Int32Array; count: number } {
  let count = 0;
  for (let i = 0; i < rowCount; i++) if (filter[i] === true) count++;
  const rows = new Int32Array(count);
  const sub = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < rowCount; i++) {
    if (filter[i] === true) {
      rows[k] = i;
      sub[k++] = groups[i]!;
    }
  }
  return { rows, sub, count };
}
