import type { HashKey } from '../hash-keys.js';

/**
 * The hash table of a join's build side: key → first build row with that key (the
 * rest follow through JoinTable.next). Integer keys, the common case (ids, dates,
 * int8 ids within int32), get typed-array tables: a direct array when the keys are
 * dense, open addressing otherwise; a JS Map (about 200 ns a probe at 100K keys)
 * takes the rest.
 */
export interface KeyIndex {
  /** The first build row of each key in `keys` (-1: none; a null key has none). */
  lookup(keys: readonly HashKey[], out: Int32Array): void;
  first(key: HashKey): number;
}

/** Builds the index of `keys` (build rows in order), setting `next` to chain equal keys. */
export function indexKeys(
  keys: readonly HashKey[],
  next: Int32Array,
  nullRows: number[],
): KeyIndex {
  let min = Infinity;
  let max = -Infinity;
  let ints = true;
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === null) continue;
    count++;
    const v = int32Of(k);
    if (v === null) {
      ints = false;
      break;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const index: Builder =
    !ints || count === 0
      ? new MapIndex()
      : max - min < 4 * count + 1024
        ? new DenseIndex(min, max)
        : new OpenIndex(count);
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    if (k === null) nullRows.push(i);
    else next[i] = index.insert(k, i);
  }
  nullRows.reverse();
  return index;
}

interface Builder extends KeyIndex {
  /** Makes `row` the first of its key; returns the previous first (-1: none). */
  insert(key: HashKey, row: number): number;
}

/** The key as an int32 when it is an integer in range (numbers and bigints alike), else null. */
function int32Of(k: HashKey): number | null {
  if (typeof k === 'number') return (k | 0) === k ? k : null;
  if (typeof k === 'bigint') return k >= -0x80000000n && k <= 0x7fffffffn ? Number(k) : null;
  return null;
}

class MapIndex implements Builder {
  private readonly map = new Map<HashKey, number>();
  insert(key: HashKey, row: number): number {
    const head = this.map.get(key);
    this.map.set(key, row);
    return head ?? -1;
  }
  first(key: HashKey): number {
    return key === null ? -1 : (this.map.get(key) ?? -1);
  }
  lookup(keys: readonly HashKey[], out: Int32Array): void {
    const map = this.map;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      out[i] = k === null ? -1 : (map.get(k) ?? -1);
    }
  }
}

class DenseIndex implements Builder {
  private readonly heads: Int32Array;
  constructor(
    private readonly min: number,
    max: number,
  ) {
    this.heads = new Int32Array(max - min + 1).fill(-1);
  }
  insert(key: HashKey, row: number): number {
    const slot = int32Of(key)! - this.min;
    const head = this.heads[slot]!;
    this.heads[slot] = row;
    return head;
  }
  first(key: HashKey): number {
    const v = key === null ? null : int32Of(key);
    if (v === null) return -1;
    return this.heads[v - this.min] ?? -1;
  }
  lookup(keys: readonly HashKey[], out: Int32Array): void {
    const { heads, min } = this;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (typeof k === 'number' && (k | 0) === k) out[i] = heads[k - min] ?? -1;
      else out[i] = this.first(k);
    }
  }
}

/** Open addressing with linear probing over int32 keys (a power-of-two table at most half full). */
class OpenIndex implements Builder {
  private readonly keys: Int32Array;
  private readonly heads: Int32Array;
  private readonly mask: number;
  constructor(count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }
  private slot(v: number): number {
    let s = Math.imul(v, 0x9e3779b1) & this.mask;
    while (this.heads[s] !== -1 && this.keys[s] !== v) s = (s + 1) & this.mask;
    return s;
  }
  insert(key: HashKey, row: number): number {
    const v = int32Of(key)!;
    const s = this.slot(v);
    const head = this.heads[s]!;
    this.keys[s] = v;
    this.heads[s] = row;
    return head;
  }
  first(key: HashKey): number {
    const v = key === null ? null : int32Of(key);
    return v === null ? -1 : this.heads[this.slot(v)]!;
  }
  lookup(keys: readonly HashKey[], out: Int32Array): void {
    const { heads, mask } = this;
    const table = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (typeof k !== 'number' || (k | 0) !== k) {
        out[i] = this.first(k);
        continue;
      }
      let s = Math.imul(k, 0x9e3779b1) & mask;
      let h = heads[s]!;
      while (h !== -1 && table[s] !== k) {
        s = (s + 1) & mask;
        h = heads[s]!;
      }
      out[i] = h;
    }
  }
}
