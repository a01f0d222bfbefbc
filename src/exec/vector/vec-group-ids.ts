import type { HashGrouping } from '../aggregates/hash-grouping.js';
import { stable } from '../aggregates/grouped-aggregate.js';
import { scratchI32 } from './batch-scratch.js';
import type { LazyColumn } from './vec-batch.js';
import type { Vec } from './vec.js';

/**
 * Group ids for a batch of typed key columns. Rows get batch-local codes from the
 * typed values (dictionary indices as they are, numbers through a Map keyed by the
 * number), the codes of several keys combine arithmetically, and only one
 * representative row per distinct local code goes through the grouping's own hash
 * table as SqlValues. So grouping by a few low-cardinality columns (TPC-H Q1's flags)
 * costs a couple of array reads per row, and the groups are exactly those the generic
 * path would make (the grouping decides equality; local codes only pre-sort).
 */
export function assignVecGroups(
  grouping: HashGrouping,
  keys: readonly LazyColumn[],
  rowCount: number,
): Int32Array {
  if (keys.length === 0) return grouping.assign([], rowCount);
  const vecs = keys.map((k) => k.vec());
  const codes = dictionaryCodes(vecs, rowCount) ?? combinedCodes(vecs, rowCount);
  if (codes === null)
    return grouping.assign(
      keys.map((k) => k.values()),
      rowCount,
    );
  const [local, count, reps] = denseWithRepresentatives(codes[0], codes[1]);
  const global = grouping.assign(
    keys.map((k) => k.take(reps).values()),
    count,
  );
  const out = scratchI32(rowCount);
  for (let i = 0; i < rowCount; i++) out[i] = global[local[i]!]!;
  return stable(out);
}

/**
 * Codes for keys that are all dictionary-encoded with few combinations (TPC-H's
 * flags, modes, priorities): one pass over the rows, each key's index times its place.
 */
function dictionaryCodes(vecs: readonly Vec[], rowCount: number): [Int32Array, number] | null {
  let cardinality = 1;
  for (const v of vecs) {
    if (v.kind !== 'dict') return null;
    cardinality *= v.dictionary.length + 1;
  }
  if (cardinality > 1 << 16) return null;
  const codes = scratchI32(rowCount).fill(0);
  let place = 1;
  for (const v of vecs) {
    if (v.kind !== 'dict') return null;
    const { indices, valid } = v;
    const nullCode = v.dictionary.length;
    if (valid === null) for (let i = 0; i < rowCount; i++) codes[i]! += indices[i]! * place;
    else
      for (let i = 0; i < rowCount; i++) codes[i]! += (valid[i] ? indices[i]! : nullCode) * place;
    place *= nullCode + 1;
  }
  return [codes, cardinality];
}

/** Codes of each key combined arithmetically (renumbered densely when they grow large). */
function combinedCodes(vecs: readonly Vec[], rowCount: number): [Int32Array, number] | null {
  let codes: Int32Array | null = null;
  let cardinality = 1;
  for (const v of vecs) {
    const local = localCodes(v);
    if (local === null) return null;
    if (codes === null) [codes, cardinality] = local;
    else {
      if (cardinality * local[1] >= 2 ** 31) [codes, cardinality] = dense(codes);
      const [add, size] = local;
      for (let i = 0; i < rowCount; i++) codes[i] = codes[i]! * size + add[i]!;
      cardinality *= size;
    }
  }
  return codes === null ? null : [codes, cardinality];
}

/** Per-row codes in [0, cardinality) for one key column (NULL has its own), or null. */
function localCodes(v: Vec): [Int32Array, number] | null {
  switch (v.kind) {
    case 'dict': {
      const nullCode = v.dictionary.length;
      const codes = new Int32Array(v.indices.length);
      for (let i = 0; i < codes.length; i++)
        codes[i] = v.valid === null || v.valid[i] ? v.indices[i]! : nullCode;
      return [codes, nullCode + 1];
    }
    case 'exact':
    case 'float':
    case 'bool': {
      const ids = new Map<number, number>();
      const codes = new Int32Array(v.values.length);
      // Code 0 is NULL; values count from 1.
      for (let i = 0; i < codes.length; i++) {
        if (v.valid !== null && !v.valid[i]) continue;
        const x = v.values[i]!;
        let id = ids.get(x);
        if (id === undefined) ids.set(x, (id = ids.size + 1));
        codes[i] = id;
      }
      return [codes, ids.size + 1];
    }
    case 'values':
      return null;
  }
}

/** Codes renumbered densely from 0 in order of first appearance. */
function dense(codes: Int32Array): [Int32Array, number] {
  const [local, count] = denseWithRepresentatives(codes, Infinity);
  return [local, count];
}

function denseWithRepresentatives(
  codes: Int32Array,
  cardinality: number,
): [Int32Array, number, Int32Array] {
  const n = codes.length;
  const local = scratchI32(n);
  const reps: number[] = [];
  if (cardinality <= 1 << 16) {
    const table = new Int32Array(cardinality).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      let id = table[c]!;
      if (id < 0) {
        id = table[c] = reps.length;
        reps.push(i);
      }
      local[i] = id;
    }
  } else {
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      let id = ids.get(c);
      if (id === undefined) {
        ids.set(c, (id = reps.length));
        reps.push(i);
      }
      local[i] = id;
    }
  }
  return [local, reps.length, Int32Array.from(reps)];
}
