/**
 * Which integer keys a dynamic filter lets through (key-filters.ts), in shared memory:
 * every scan task carries the same SharedArrayBuffer to its worker, where structured
 * cloning shares it instead of copying, so a join's hundreds of thousands of build keys
 * (TPC-H Q3's 147k orders) cost one build, not one copy per task.
 *
 * - `bitmap`: one bit per value of the keys' range, for ranges up to MAX_BITMAP_BITS
 *   (surrogate keys are dense: l_orderkey's 6M range is a 750 KB bitmap);
 * - `sorted`: the distinct keys in ascending order, searched by bisection, for the few
 *   sparse sets whose range is too wide for a bitmap.
 */
export type KeyMembership =
  | {
      readonly kind: 'bitmap';
      readonly min: number;
      readonly size: number;
      readonly bits: Uint8Array;
    }
  | { readonly kind: 'sorted'; readonly keys: Float64Array };

/** A bitmap covers ranges up to this many values (8 MiB). */
export const MAX_BITMAP_BITS = 2 ** 26;
/** A sorted set holds at most this many keys (8 MiB). */
export const MAX_SORTED_KEYS = 2 ** 20;

/**
 * The membership of `keys` (integers within [min, max], repeats allowed), with the
 * number of distinct keys; null when neither form fits.
 */
export function keyMembership(
  keys: readonly (number | null)[],
  min: number,
  max: number,
): { membership: KeyMembership; distinct: number } | null {
  const size = max - min + 1;
  if (size <= MAX_BITMAP_BITS) {
    const bits = new Uint8Array(new SharedArrayBuffer(Math.ceil(size / 8)));
    let distinct = 0;
    for (const k of keys) {
      if (k === null) continue;
      const d = k - min;
      const mask = 1 << (d & 7);
      const at = d >>> 3;
      if ((bits[at]! & mask) === 0) {
        bits[at]! |= mask;
        distinct++;
      }
    }
    return { membership: { kind: 'bitmap', min, size, bits }, distinct };
  }
  const distinctKeys = [...new Set(keys)].filter((k): k is number => k !== null);
  if (distinctKeys.length > MAX_SORTED_KEYS) return null;
  const sorted = new Float64Array(new SharedArrayBuffer(distinctKeys.length * 8));
  sorted.set(distinctKeys);
  sorted.sort();
  return { membership: { kind: 'sorted', keys: sorted }, distinct: sorted.length };
}

/** Whether `v` is one of the keys. */
export function hasKey(m: KeyMembership, v: number): boolean {
  if (m.kind === 'bitmap') {
    const d = v - m.min;
    return d >= 0 && d < m.size && ((m.bits[d >>> 3]! >>> (d & 7)) & 1) === 1;
  }
  const keys = m.keys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === v) return true;
    if (k < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The rows (of `rowCount`) whose value is a key: non-null rows of an exact integer
 * column (`values`, `valid` null when none is null).
 */
export function rowsWithKeys(
  m: KeyMembership,
  values: Float64Array,
  valid: Uint8Array | null,
  rowCount: number,
): Int32Array {
  const rows = new Int32Array(rowCount);
  let n = 0;
  if (m.kind === 'bitmap') {
    const { min, size, bits } = m;
    for (let i = 0; i < rowCount; i++) {
      const d = values[i]! - min;
      if (
        d >= 0 &&
        d < size &&
        ((bits[d >>> 3]! >>> (d & 7)) & 1) === 1 &&
        (valid === null || valid[i] === 1)
      )
        rows[n++] = i;
    }
  } else {
    for (let i = 0; i < rowCount; i++)
      if ((valid === null || valid[i] === 1) && hasKey(m, values[i]!)) rows[n++] = i;
  }
  return rows.subarray(0, n);
}

/** The keys, ascending (tests and EXPLAIN-sized sets only: it lists every one). */
export function listKeys(m: KeyMembership): number[] {
  if (m.kind === 'sorted') return [...m.keys];
  const out: number[] = [];
  for (let d = 0; d < m.size; d++) if ((m.bits[d >>> 3]! >>> (d & 7)) & 1) out.push(m.min + d);
  return out;
}
