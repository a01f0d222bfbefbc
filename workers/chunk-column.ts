import { LakeError } from '../src/common/errors.js';
import type { SqlType } from '../src/common/sql-types.js';
import { SqlState } from '../src/common/sqlstate.js';
import type { SqlValue } from '../src/common/sql-value.js';
import { formatDecimal } from '../src/common/values/decimal-text.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from '../src/common/values/date-sentinels.js';
import { utf8Dictionary } from '../src/exec/vector/decode-vec.js';
import { scratchF64, scratchI32, scratchU8 } from '../src/exec/vector/batch-scratch.js';
import { boundOf, withBound } from '../src/exec/vector/exact-bound.js';
import {
  SAFE,
  gatherVec,
  type Vec,
  type VecDictionary,
  vecLength,
} from '../src/exec/vector/vec.js';
import { composeRows, type LazyColumn, vecColumn } from '../src/exec/vector/vec-batch.js';
import { materializeVec } from '../src/exec/vector/materialize-vec.js';
import type { DecodedChunk } from '../src/storage/parquet-pages/decode-chunk.js';
import type { ChunkValues } from '../src/storage/parquet-pages/plain-values.js';
import type { DecodedColumn } from '../src/storage/parquet-reader.js';
import { type LeafType, Physical } from '../src/storage/parquet-schema.js';

/**
 * How a Parquet column (physical and logical type) reads as a scan column's SQL type on
 * the page reader's path; null when the pair is left to the wasm reader. The values
 * match what the Arrow path reads for the same file (decode-vec.ts, read-value.ts).
 */
type Reading = 'integer' | 'date' | 'decimal' | 'timestamp' | 'float' | 'bool' | 'text';

export function pageReading(leaf: LeafType, type: SqlType): Reading | null {
  const p = leaf.physical;
  if (leaf.unsigned) return null;
  switch (type.kind) {
    case 'int2':
    case 'int4':
      return p === Physical.INT32 && /^(int|smallint|tinyint)$/.test(leaf.hive) ? 'integer' : null;
    case 'int8':
      return (p === Physical.INT32 || p === Physical.INT64) &&
        /^(int|smallint|tinyint|bigint)$/.test(leaf.hive)
        ? 'integer'
        : null;
    case 'date':
      return p === Physical.INT32 && leaf.hive === 'date' ? 'date' : null;
    case 'numeric':
      return leaf.hive.startsWith('decimal(') ? 'decimal' : null;
    case 'timestamp':
    case 'timestamptz':
      return p === Physical.INT64 && (leaf.timeUnit === 1 || leaf.timeUnit === 1000)
        ? 'timestamp'
        : null;
    case 'float4':
    case 'float8':
      return p === Physical.FLOAT || p === Physical.DOUBLE ? 'float' : null;
    case 'bool':
      return p === Physical.BOOLEAN ? 'bool' : null;
    case 'text':
    case 'varchar':
    case 'bpchar':
      return p === Physical.BYTE_ARRAY && leaf.hive === 'string' ? 'text' : null;
    default:
      return null;
  }
}

/**
 * A decoded chunk as a scan column of `type`, at `rows` of it once a filter has run:
 * nothing is converted until the typed form or the SqlValues are asked for, and a
 * dictionary chunk gathers its indices by `rows` before it looks values up.
 */
export function chunkColumn(
  column: DecodedColumn,
  type: SqlType,
  rows: Int32Array | null = null,
): LazyColumn {
  let vec: Vec | null = null;
  let values: SqlValue[] | null = null;
  let dictionary: VecDictionary | null | undefined;
  const typed = (): Vec => (vec ??= chunkVec(column, type, rows));
  return {
    type,
    vec: typed,
    values: () => (values ??= materializeVec(typed(), type)),
    take: (next) => {
      if (vec !== null) return vecColumn(gatherVec(vec, next), type);
      return chunkColumn(column, type, rows === null ? next : composeRows(rows, next));
    },
    dictionary: () => {
      if (vec !== null || rows !== null) return null;
      if (dictionary === undefined) dictionary = chunkDictionary(column, type);
      return dictionary;
    },
    utf8: () => {
      const { chunk, leaf } = column;
      if (chunk.form !== 'plain' || chunk.values.kind !== 'bytes') return null;
      // bpchar reads its values with trailing blanks stripped: not the bytes as stored.
      if (type.kind === 'bpchar' || pageReading(leaf, type) !== 'text') return null;
      return { offsets: chunk.values.offsets, data: chunk.values.data, valid: chunk.valid, rows };
    },
  };
}

/** A dictionary chunk of a typed (non-text) reading as indices and typed entries. */
function chunkDictionary(column: DecodedColumn, type: SqlType): VecDictionary | null {
  const { chunk, leaf } = column;
  const reading = pageReading(leaf, type);
  if (chunk.form !== 'dictionary' || reading === null || reading === 'text') return null;
  const entries = dictionaryVec(chunk.dictionary, reading, leaf);
  checkIndices(chunk, vecLength(entries));
  return { indices: chunk.indices, valid: chunk.valid, entries };
}

/**
 * A decoded chunk as a typed vec of `type`. Dictionary chunks convert their dictionary
 * once and gather it by row; text stays dictionary-encoded. Values a typed vec cannot
 * hold exactly (an int64 past 2^53, an infinite date) come back as SqlValues.
 */
function chunkVec(column: DecodedColumn, type: SqlType, rows: Int32Array | null): Vec {
  const { chunk, leaf } = column;
  const reading = pageReading(leaf, type);
  if (reading === null) throw new TypeError(`no page reading of ${leaf.hive} as ${type.kind}`);
  if (chunk.form === 'plain') {
    const whole = valuesVec(chunk.values, reading, leaf, chunk.valid);
    return rows === null ? whole : gatherVec(whole, rows);
  }
  const valid = chunk.valid === null || rows === null ? chunk.valid : gatherRows(chunk.valid, rows);
  const dictionary = dictionaryVec(chunk.dictionary, reading, leaf);
  if (dictionary.kind === 'values' && reading === 'text') {
    checkIndices(chunk, dictionary.values.length);
    const indices = rows === null ? chunk.indices : gatherRows(chunk.indices, rows);
    return { kind: 'dict', indices, dictionary: dictionary.values, valid };
  }
  return gather(dictionary, chunk.indices, rows, valid);
}

function gatherRows<T extends Int32Array | Uint8Array>(src: T, rows: Int32Array): T {
  const out = (src instanceof Int32Array ? scratchI32(rows.length) : scratchU8(rows.length)) as T;
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]!]!;
  return out;
}

const checkedChunks = new WeakSet<DecodedChunk>();

/**
 * A damaged file's dictionary index fails its statement rather than reading as nothing:
 * checked where indices are handed on raw (a gather checks its own), and only when the
 * pages' bit widths allow an index past the dictionary (a dictionary of 2^k entries, a
 * flag column's width of 1 for 2 values, needs no pass).
 */
function checkIndices(chunk: DecodedChunk & { form: 'dictionary' }, size: number): void {
  // A chunk is read by several lazy columns (each filter's `take` makes one): check once.
  if (chunk.indexBound < size || checkedChunks.has(chunk)) return;
  const { indices, valid } = chunk;
  for (let i = 0; i < indices.length; i++)
    if (indices[i]! >>> 0 >= size && (valid === null || valid[i] === 1))
      throw badIndex(indices[i]!);
  checkedChunks.add(chunk);
}

function badIndex(index: number): LakeError {
  return new LakeError(
    SqlState.dataCorrupted,
    `could not read Parquet data: dictionary index ${index} out of range`,
  );
}

/** A chunk's dictionary in typed form (text: its strings), converted once per dictionary. */
const dictionaries = new WeakMap<ChunkValues, Vec>();

function dictionaryVec(v: ChunkValues, reading: Reading, leaf: LeafType): Vec {
  let vec = dictionaries.get(v);
  if (vec === undefined) {
    vec =
      reading === 'text'
        ? { kind: 'values', values: texts(v, null) }
        : valuesVec(v, reading, leaf, null);
    dictionaries.set(v, vec);
  }
  return vec;
}

function valuesVec(
  v: ChunkValues,
  reading: Reading,
  leaf: LeafType,
  valid: Uint8Array | null,
): Vec {
  switch (reading) {
    case 'integer':
      return exactOrValues(v, 0, 1, valid, (b) => b);
    case 'timestamp':
      return exactOrValues(v, 0, leaf.timeUnit, valid, (b) => b * BigInt(leaf.timeUnit));
    case 'decimal':
      return v.kind === 'bytes'
        ? bigEndianDecimals(v, leaf.scale, valid)
        : exactOrValues(v, leaf.scale, 1, valid, (b) => formatDecimal(b, leaf.scale));
    case 'date':
      return dates(v, valid);
    case 'float':
      if (v.kind !== 'float32' && v.kind !== 'float64') break;
      return { kind: 'float', values: Float64Array.from(v.values), valid };
    case 'bool':
      if (v.kind !== 'boolean') break;
      return { kind: 'bool', values: v.values, valid };
    case 'text':
      if (v.kind !== 'bytes') break;
      return (
        utf8Dictionary(v.offsets, v.data, valid, v.offsets.length - 1) ?? {
          kind: 'values',
          values: texts(v, valid),
        }
      );
  }
  throw new TypeError(`a ${v.kind} chunk read as ${reading}`);
}

/**
 * Integers (int32 or int64 words, times `unit`) as an exact vec, or, when one leaves
 * ±2^53, every value as the SqlValue `exactValue` makes of it.
 */
function exactOrValues(
  v: ChunkValues,
  scale: number,
  unit: number,
  valid: Uint8Array | null,
  exactValue: (b: bigint) => SqlValue,
): Vec {
  if (v.kind === 'int32') {
    const values = new Float64Array(v.values.length);
    for (let i = 0; i < values.length; i++) values[i] = v.values[i]! * unit;
    return { kind: 'exact', values, valid, scale };
  }
  if (v.kind !== 'int64') throw new TypeError(`a ${v.kind} chunk read as an integer`);
  const words = new Int32Array(v.values.buffer, v.values.byteOffset, v.values.length * 2);
  const values = new Float64Array(v.values.length);
  const limit = SAFE / unit;
  for (let i = 0; i < values.length; i++) {
    const x = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
    if (x > limit || x < -limit) return bigValues(v.values, valid, exactValue);
    values[i] = x * unit;
  }
  return { kind: 'exact', values, valid, scale };
}

function bigValues(
  src: BigInt64Array,
  valid: Uint8Array | null,
  exactValue: (b: bigint) => SqlValue,
): Vec {
  const values = new Array<SqlValue>(src.length);
  for (let i = 0; i < src.length; i++)
    values[i] = valid === null || valid[i] === 1 ? exactValue(src[i]!) : null;
  return { kind: 'values', values };
}

function dates(v: ChunkValues, valid: Uint8Array | null): Vec {
  if (v.kind !== 'int32') throw new TypeError(`a ${v.kind} chunk read as dates`);
  const src = v.values;
  const values = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const d = src[i]!;
    if (d === DATE_PLUS_INFINITY || d === DATE_MINUS_INFINITY) {
      const out = Array.from(src, (x, k): SqlValue => {
        if (valid !== null && valid[k] !== 1) return null;
        return x === DATE_PLUS_INFINITY ? Infinity : x === DATE_MINUS_INFINITY ? -Infinity : x;
      });
      return { kind: 'values', values: out };
    }
    values[i] = d;
  }
  return { kind: 'exact', values, valid, scale: 0 };
}

/** DECIMAL in (FIXED_LEN_)BYTE_ARRAY: big-endian two's complement unscaled values. */
function bigEndianDecimals(
  v: ChunkValues & { kind: 'bytes' },
  scale: number,
  valid: Uint8Array | null,
): Vec {
  const n = v.offsets.length - 1;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = v.offsets[i]!;
    const end = v.offsets[i + 1]!;
    if (end - start > 6) return wideDecimals(v, scale, valid);
    let x = 0;
    for (let j = start; j < end; j++) x = x * 256 + v.data[j]!;
    if (end > start && v.data[start]! >= 0x80) x -= 2 ** (8 * (end - start));
    values[i] = x;
  }
  return { kind: 'exact', values, valid, scale };
}

function wideDecimals(
  v: ChunkValues & { kind: 'bytes' },
  scale: number,
  valid: Uint8Array | null,
): Vec {
  const n = v.offsets.length - 1;
  const values = new Array<SqlValue>(n);
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] !== 1) {
      values[i] = null;
      continue;
    }
    const start = v.offsets[i]!;
    const end = v.offsets[i + 1]!;
    let x = 0n;
    for (let j = start; j < end; j++) x = (x << 8n) | BigInt(v.data[j]!);
    if (end > start && v.data[start]! >= 0x80) x -= 1n << BigInt(8 * (end - start));
    values[i] = formatDecimal(x, scale);
  }
  return { kind: 'values', values };
}

function texts(v: ChunkValues, valid: Uint8Array | null): SqlValue[] {
  if (v.kind !== 'bytes') throw new TypeError(`a ${v.kind} chunk read as text`);
  const buf = Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength);
  const n = v.offsets.length - 1;
  const out = new Array<SqlValue>(n);
  for (let i = 0; i < n; i++)
    out[i] =
      valid === null || valid[i] === 1
        ? buf.toString('utf8', v.offsets[i], v.offsets[i + 1])
        : null;
  return out;
}

/**
 * A dictionary's vec looked up by row: `indices` at `rows` (all rows when null). Null
 * rows hold index 0 (not an entry when every value is null) and stay marked invalid.
 * A typed array read past its end gives undefined: how a damaged index shows up here.
 */
function gather(
  dictionary: Vec,
  indices: Int32Array,
  rows: Int32Array | null,
  valid: Uint8Array | null,
): Vec {
  const n = rows === null ? indices.length : rows.length;
  switch (dictionary.kind) {
    case 'exact':
    case 'float': {
      const src = dictionary.values;
      const values = scratchF64(n);
      for (let k = 0; k < n; k++) {
        const x = src[indices[rows === null ? k : rows[k]!]!];
        if (x !== undefined) values[k] = x;
        else if (valid === null || valid[k] === 1)
          throw badIndex(indices[rows === null ? k : rows[k]!]!);
        else values[k] = 0;
      }
      if (dictionary.kind === 'exact') withBound(values, boundOf(src));
      return { ...dictionary, values, valid };
    }
    case 'bool': {
      const src = dictionary.values;
      const values = scratchU8(n);
      for (let k = 0; k < n; k++) {
        const x = src[indices[rows === null ? k : rows[k]!]!];
        if (x !== undefined) values[k] = x;
        else if (valid === null || valid[k] === 1)
          throw badIndex(indices[rows === null ? k : rows[k]!]!);
        else values[k] = 0;
      }
      return { kind: 'bool', values, valid };
    }
    case 'dict':
      throw new TypeError('a dictionary of dictionaries');
    case 'values': {
      const src = dictionary.values;
      const values = new Array<SqlValue>(n);
      for (let k = 0; k < n; k++) {
        if (valid !== null && valid[k] !== 1) {
          values[k] = null;
          continue;
        }
        const x = src[indices[rows === null ? k : rows[k]!]!];
        if (x === undefined) throw badIndex(indices[rows === null ? k : rows[k]!]!);
        values[k] = x;
      }
      return { kind: 'values', values };
    }
  }
}
