import { scratchF64, scratchI32, scratchU8 } from './batch-scratch.js';
import type { SqlValue } from '../../common/sql-value.js';

/**
 * A column in typed form, for the scan side's hot loops (filters, projections and
 * partial aggregates inside the workers). Values are read straight from Arrow's
 * buffers instead of becoming one JS value per row:
 *
 * - `exact`: integers, dates (days), times and timestamps (microseconds) and numeric as
 *   scaled integers (value × 10^-scale), each held exactly in a double: every value
 *   stays within ±MAX_SAFE_INTEGER, and arithmetic that would leave that range gives
 *   up on the batch (NotVectorizable) so the exact generic kernels take it instead.
 * - `float`: float4/float8.
 * - `bool`: 0/1.
 * - `dict`: dictionary-encoded strings as Parquet hands them over, indices into the
 *   decoded dictionary.
 * - `values`: anything else, as the engine's SqlValues.
 *
 * `valid` is 1 for non-null rows, or null when every row is valid.
 */
export type Vec =
  | {
      readonly kind: 'exact';
      readonly values: Float64Array;
      readonly valid: Uint8Array | null;
      readonly scale: number;
    }
  | { readonly kind: 'float'; readonly values: Float64Array; readonly valid: Uint8Array | null }
  | { readonly kind: 'bool'; readonly values: Uint8Array; readonly valid: Uint8Array | null }
  | {
      readonly kind: 'dict';
      readonly indices: Int32Array;
      readonly dictionary: readonly SqlValue[];
      readonly valid: Uint8Array | null;
    }
  | { readonly kind: 'values'; readonly values: readonly SqlValue[] };

export type VecKind = Vec['kind'];

/**
 * A column still in the dictionary form its file gave it: per row an index into
 * `entries` (a typed vec of the distinct values). Tests against a constant run once per
 * entry, then rows look their entry's answer up (compile-vec-filter.ts).
 */
export interface VecDictionary {
  readonly indices: Int32Array;
  readonly valid: Uint8Array | null;
  readonly entries: Vec;
}
export type VecOf<K extends VecKind> = Vec & { readonly kind: K };

/**
 * Thrown by a typed kernel when a batch does not fit the typed form (a product past
 * 2^53, an int4 overflow, a NaN): the caller evaluates that expression with the
 * generic kernels instead, which compute exactly and raise PostgreSQL's errors.
 */
export class NotVectorizable extends Error {
  constructor() {
    super('not vectorizable');
  }
}

export const SAFE = Number.MAX_SAFE_INTEGER;

/** 10^n as a double, exact for n ≤ 22. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Vecs whose rows all hold one value: constants repeated to a batch's length. */
const repeatedVecs = new WeakSet<Vec>();

export function repeated(v: Vec): Vec {
  repeatedVecs.add(v);
  return v;
}

/** The one value of a repeated exact vec without NULLs, for kernels that take a scalar side. */
export function scalarOf(v: Vec): number | null {
  return v.kind === 'exact' && v.valid === null && repeatedVecs.has(v) ? v.values[0]! : null;
}

/**
 * The rows (of `rows`, or of all rows when null) whose dictionary entry is among
 * `passing` and whose value is not NULL: a test run once per entry, applied to rows.
 */
export function rowsWithEntries(
  d: VecDictionary,
  passing: Int32Array,
  rows: Int32Array | null,
): Int32Array {
  const table = new Uint8Array(vecLength(d.entries));
  for (let k = 0; k < passing.length; k++) table[passing[k]!] = 1;
  const { indices, valid } = d;
  const n = rows === null ? indices.length : rows.length;
  const out = scratchI32(n);
  let kept = 0;
  // Branch-free: write every candidate, advance only past the kept ones.
  for (let k = 0; k < n; k++) {
    const i = rows === null ? k : rows[k]!;
    out[kept] = i;
    kept += table[indices[i]!]! & (valid === null ? 1 : valid[i]!);
  }
  return out.subarray(0, kept);
}

/** The row count of a vec. */
export function vecLength(v: Vec): number {
  return v.kind === 'dict' ? v.indices.length : v.values.length;
}

/** Whether row i is non-null. */
export function isValidAt(v: Vec, i: number): boolean {
  if (v.kind === 'values') return v.values[i] !== null;
  return v.valid === null || v.valid[i] === 1;
}

/** Validity of a row-wise combination: valid where both are (null = all valid). */
export function bothValid(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = scratchU8(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** `v` at `rows` (a filter's survivors). */
export function gatherVec(v: Vec, rows: Int32Array): Vec {
  switch (v.kind) {
    case 'exact':
      return { ...v, values: gatherF64(v.values, rows), valid: gatherU8(v.valid, rows) };
    case 'float':
      return { ...v, values: gatherF64(v.values, rows), valid: gatherU8(v.valid, rows) };
    case 'bool':
      return { ...v, values: gatherU8(v.values, rows)!, valid: gatherU8(v.valid, rows) };
    case 'dict': {
      const indices = scratchI32(rows.length);
      for (let k = 0; k < rows.length; k++) indices[k] = v.indices[rows[k]!]!;
      return { ...v, indices, valid: gatherU8(v.valid, rows) };
    }
    case 'values': {
      const values = new Array<SqlValue>(rows.length);
      for (let k = 0; k < rows.length; k++) values[k] = v.values[rows[k]!] ?? null;
      return { kind: 'values', values };
    }
  }
}

function gatherF64(src: Float64Array, rows: Int32Array): Float64Array {
  const out = scratchF64(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]!]!;
  return out;
}

function gatherU8(src: Uint8Array | null, rows: Int32Array): Uint8Array | null {
  if (src === null) return null;
  const out = scratchU8(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]!]!;
  return out;
}

/** The rows where a predicate's vec is true (NULL and false drop the row). */
export function trueRows(v: Vec): Int32Array {
  const n = vecLength(v);
  const rows = scratchI32(n);
  let k = 0;
  if (v.kind === 'bool') {
    const { values, valid } = v;
    // Branch-free: write every row, advance only past the kept ones.
    if (valid === null)
      for (let i = 0; i < n; i++) {
        rows[k] = i;
        k += values[i]!;
      }
    else
      for (let i = 0; i < n; i++) {
        rows[k] = i;
        k += values[i]! & valid[i]!;
      }
  } else if (v.kind === 'values') {
    for (let i = 0; i < n; i++) if (v.values[i] === true) rows[k++] = i;
  } else {
    throw new TypeError(`a predicate evaluated to a ${v.kind} vector`);
  }
  return rows.subarray(0, k);
}
