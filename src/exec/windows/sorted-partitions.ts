import type { SqlType } from '../../common/sql-types.js';
import type { Column } from '../aggregates/grouped-aggregate.js';
import { hashKeyColumn, type HashKey } from '../hash-keys.js';
import { sortComparatorFor } from '../sort-rows.js';

/** One ORDER BY key of a window, evaluated over all the rows. */
export interface OrderColumn {
  readonly values: Column;
  readonly type: SqlType;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * The rows of a window's input sorted by partition, then by the window's ORDER BY,
 * with per-position bounds: `order[p]` is the row at sorted position p; its partition
 * is [partStart[p], partEnd[p]) and its peers (equal ORDER BY keys) [peerStart[p],
 * peerEnd[p]), all in positions. Partitions are found by hashing (hash-keys.ts), so
 * the sort compares a partition number before the ORDER BY keys: O(n log n).
 */
export interface SortedPartitions {
  readonly n: number;
  readonly order: Int32Array;
  readonly partStart: Int32Array;
  readonly partEnd: Int32Array;
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
  /** Partition number (0-based, in sorted order) of each position. */
  readonly partition: Int32Array;
  readonly partitions: number;
}

export function sortPartitions(
  partCols: readonly Column[],
  partTypes: readonly SqlType[],
  orderCols: readonly OrderColumn[],
  n: number,
): SortedPartitions {
  const pid = partitionIds(partCols, partTypes, n);
  const keys = orderCols.map((k) => ({
    col: k.values,
    cmp: sortComparatorFor(k.type),
    sign: k.descending ? -1 : 1,
    nullSign: k.nullsFirst ? -1 : 1,
  }));
  const compareKeys = (a: number, b: number): number => {
    for (const k of keys) {
      const x = k.col[a] ?? null;
      const y = k.col[b] ?? null;
      if (x === null || y === null) {
        if (x === y) continue;
        return x === null ? k.nullSign : -k.nullSign;
      }
      const c = k.cmp(x, y);
      if (c !== 0) return c * k.sign;
    }
    return 0;
  };
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => pid[a]! - pid[b]! || compareKeys(a, b) || a - b);
  const order = Int32Array.from(idx);
  const s: SortedPartitions = {
    n,
    order,
    partStart: new Int32Array(n),
    partEnd: new Int32Array(n),
    peerStart: new Int32Array(n),
    peerEnd: new Int32Array(n),
    partition: new Int32Array(n),
    partitions: 0,
  };
  let partitions = 0;
  for (let p = 0; p < n;) {
    let e = p + 1;
    while (e < n && pid[order[e]!] === pid[order[p]!]) e++;
    for (let q = p; q < e;) {
      let r = q + 1;
      while (r < e && compareKeys(order[q]!, order[r]!) === 0) r++;
      for (let t = q; t < r; t++) {
        s.peerStart[t] = q;
        s.peerEnd[t] = r;
        s.partStart[t] = p;
        s.partEnd[t] = e;
        s.partition[t] = partitions;
      }
      q = r;
    }
    partitions++;
    p = e;
  }
  return { ...s, partitions };
}

function partitionIds(cols: readonly Column[], types: readonly SqlType[], n: number): Int32Array {
  const out = new Int32Array(n);
  if (cols.length === 0) return out;
  const keys = hashKeyColumn(cols, types, n, true);
  const ids = new Map<HashKey, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    out[i] = id;
  }
  return out;
}
