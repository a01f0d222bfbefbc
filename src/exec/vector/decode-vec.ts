import { DataType, type Data, type Vector } from 'apache-arrow';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from '../../common/values/date-sentinels.js';
import { readColumn } from '../../common/values/read-value.js';
import { readBatchColumn } from '../read-batch-column.js';
import { NotVectorizable, SAFE, type Vec } from './vec.js';

const TWO_32 = 4294967296;

/**
 * A scanned Arrow column in typed form (vec.ts). Columns whose values do not all fit
 * (an int64 past 2^53, a decimal wider than 53 bits, an infinite date) and types
 * without a typed form come back as SqlValues, read exactly as the generic path reads them.
 */
export function decodeVec(vector: Vector, type: SqlType): Vec {
  const chunks = vector.data as readonly Data[];
  if (chunks.length === 1) {
    try {
      const typed = decodeChunk(chunks[0]!, type);
      if (typed !== null) return typed;
    } catch (e) {
      if (!(e instanceof NotVectorizable)) throw e;
    }
  }
  return { kind: 'values', values: readBatchColumn(vector, type) };
}

function decodeChunk(d: Data, type: SqlType): Vec | null {
  if (DataType.isDictionary(d.type)) {
    if (!d.dictionary) return null;
    const dictionary = dictionaryValues(d.dictionary, type);
    const src = d.values as ArrayLike<number>;
    const indices = src instanceof Int32Array ? src : Int32Array.from(src);
    return { kind: 'dict', indices, dictionary, valid: validity(d) };
  }
  switch (type.kind) {
    case 'int2':
    case 'int4':
    case 'oid':
      return exact(Float64Array.from(d.values as ArrayLike<number>), d, 0);
    case 'date':
      return exact(dates(d.values as Int32Array), d, 0);
    case 'int8':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return exact(int64s(d.values as BigInt64Array), d, 0);
    case 'numeric':
      if (!DataType.isDecimal(d.type)) return null;
      return exact(
        decimals(d.values as Uint32Array),
        d,
        (d.type as unknown as { scale: number }).scale,
      );
    case 'float4':
    case 'float8':
      return {
        kind: 'float',
        values: Float64Array.from(d.values as ArrayLike<number>),
        valid: validity(d),
      };
    case 'bool':
      return {
        kind: 'bool',
        values: bits(d.values as Uint8Array, d.offset, d.length),
        valid: validity(d),
      };
    case 'text':
    case 'varchar':
    case 'bpchar':
      return DataType.isUtf8(d.type)
        ? utf8Dictionary(
            d.valueOffsets as Int32Array,
            d.values as Uint8Array,
            validity(d),
            d.length,
          )
        : null;
    default:
      return null;
  }
}

function exact(values: Float64Array, d: Data, scale: number): Vec {
  return { kind: 'exact', values, valid: validity(d), scale };
}

/** 1 per non-null row, or null when the chunk has no nulls. */
function validity(d: Data): Uint8Array | null {
  if (d.nullCount === 0) return null;
  const bitmap = d.nullBitmap as Uint8Array | undefined;
  if (bitmap === undefined || bitmap.length === 0) return null;
  return bits(bitmap, d.offset, d.length);
}

function bits(bitmap: Uint8Array, offset: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = offset + i;
    out[i] = (bitmap[b >> 3]! >> (b & 7)) & 1;
  }
  return out;
}

function dates(src: Int32Array): Float64Array {
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    // ±infinity dates read as ±Infinity SqlValues; the generic path owns them.
    if (v === DATE_PLUS_INFINITY || v === DATE_MINUS_INFINITY) throw new NotVectorizable();
    out[i] = v;
  }
  return out;
}

/** int64 words as doubles, read as two 32-bit halves (no BigInt per row). */
function int64s(src: BigInt64Array): Float64Array {
  const words = new Int32Array(src.buffer, src.byteOffset, src.length * 2);
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const hi = words[2 * i + 1]!;
    // |hi| below 2^21 keeps hi·2^32 + lo within 2^53.
    if (hi >= 0x200000 || hi < -0x200000) throw new NotVectorizable();
    out[i] = hi * TWO_32 + (words[2 * i]! >>> 0);
  }
  return out;
}

/** Decimal128 unscaled values (four little-endian words each) that fit 53 bits, as doubles. */
function decimals(words: Uint32Array): Float64Array {
  const n = words.length >> 2;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = words[4 * i + 1]! | 0;
    const ext = hi < 0 ? 0xffffffff : 0;
    if (words[4 * i + 2] !== ext || words[4 * i + 3] !== ext) throw new NotVectorizable();
    const u = hi * TWO_32 + words[4 * i]!;
    if (u > SAFE || u < -SAFE) throw new NotVectorizable();
    out[i] = u;
  }
  return out;
}

/** A chunk's dictionary as SqlValues, decoded once per dictionary (batches share them). */
const dictionaries = new WeakMap<Vector, readonly SqlValue[]>();

function dictionaryValues(dictionary: Vector, type: SqlType): readonly SqlValue[] {
  let values = dictionaries.get(dictionary);
  if (values === undefined) {
    values = readColumn(dictionary, type);
    dictionaries.set(dictionary, values);
  }
  return values;
}

/**
 * Plain UTF-8 values (Arrow's or Parquet's offsets and bytes) dictionary-encoded here, when it has few distinct values (flags,
 * modes, nations: what queries group by and test with IN). Rows are told apart by
 * their bytes (a hash, then a byte comparison with the entry's first row), so no
 * string is made per row; only one per distinct value. Gives up (null) past a
 * cardinality where a dictionary would not pay.
 */
export function utf8Dictionary(
  offsets: Int32Array,
  bytes: Uint8Array,
  valid: Uint8Array | null,
  n: number,
): Vec | null {
  const limit = Math.max(256, n >> 4);
  const entries = new Map<number, number>();
  const firstRows: number[] = [];
  const indices = new Int32Array(n);
  let lastKey = -1;
  let lastId = 0;
  for (let i = 0; i < n; i++) {
    if (valid !== null && !valid[i]) continue;
    const start = offsets[i]!;
    const len = offsets[i + 1]! - start;
    // Up to three bytes pack into the key exactly (no collision possible); longer
    // values key by an FNV-1a hash, checked against the entry's first row.
    let key: number;
    if (len <= 3) {
      key = len;
      for (let j = 0; j < len; j++) key = (key << 8) | bytes[start + j]!;
      key = -key - 2; // keeps packed keys apart from hashes (which are >= 0)
    } else {
      key = 0x811c9dc5 ^ len;
      for (let j = start; j < start + len; j++) key = Math.imul(key ^ bytes[j]!, 0x01000193);
      key >>>= 0;
    }
    if (key === lastKey) {
      if (len > 3 && !sameBytes(bytes, offsets, firstRows[lastId]!, i)) return null;
      indices[i] = lastId;
      continue;
    }
    let id = entries.get(key);
    if (id === undefined) {
      if (firstRows.length >= limit) return null;
      entries.set(key, (id = firstRows.length));
      firstRows.push(i);
    } else if (len > 3 && !sameBytes(bytes, offsets, firstRows[id]!, i)) return null; // a hash collision
    indices[i] = id;
    lastKey = key;
    lastId = id;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dictionary = firstRows.map((r) => buf.toString('utf8', offsets[r], offsets[r + 1]));
  return { kind: 'dict', indices, dictionary, valid };
}

function sameBytes(bytes: Uint8Array, offsets: Int32Array, a: number, b: number): boolean {
  const as = offsets[a]!;
  const bs = offsets[b]!;
  const len = offsets[a + 1]! - as;
  if (offsets[b + 1]! - bs !== len) return false;
  for (let j = 0; j < len; j++) if (bytes[as + j] !== bytes[bs + j]) return false;
  return true;
}
