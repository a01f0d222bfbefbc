import { DataType, type Data, type Vector } from 'apache-arrow';
import type { SqlType, SqlTypeKind } from '../sql-types.js';
import type { Interval, SqlValue } from '../sql-value.js';
import { readDecimal128Text } from './decimal128.js';
import { formatSmallDecimal } from './decimal-text.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from './date-sentinels.js';

/**
 * Arrow column → SqlValue, exact (int64 stays bigint, no millisecond rounding), following
 * sql-value.ts. Readers are chosen once per column and then called per row of a Data chunk.
 * Fixed-width buffers of a sliced Data are already sliced; validity and bool bits are
 * addressed with data.offset; offsets index unsliced value buffers (Arrow JS's layout).
 */
export type ValueReader = (data: Data, i: number) => SqlValue;

/** Whether row i of a Data chunk is non-null. */
export function isValid(data: Data, i: number): boolean {
  return data.getValid(i);
}

type ReaderFactory = (type: SqlType) => (data: Data, i: number) => Exclude<SqlValue, null>;

const values = <T>(data: Data): T => data.values as T;

const number: ReaderFactory = () => (d, i) => values<ArrayLike<number>>(d)[i] ?? 0;
const bigint: ReaderFactory = () => (d, i) => values<BigInt64Array>(d)[i] ?? 0n;

/** Value offsets as numbers: LargeUtf8/LargeBinary (arrow-rs writes them) keep them in 64 bits. */
function offsetsOf(d: Data): ArrayLike<number> {
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  return offsets instanceof BigInt64Array ? Array.from(offsets, Number) : offsets;
}

function bytesAt(d: Data, i: number): Uint8Array {
  const offsets = d.valueOffsets as Int32Array | BigInt64Array;
  return values<Uint8Array>(d).subarray(Number(offsets[i] ?? 0), Number(offsets[i + 1] ?? 0));
}

function utf8Text(d: Data, i: number): string {
  const b = bytesAt(d, i);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

const utf8: ReaderFactory = () => utf8Text;

const date: ReaderFactory = () => (d, i) => {
  const days = values<Int32Array>(d)[i] ?? 0;
  if (days === DATE_PLUS_INFINITY) return Infinity;
  return days === DATE_MINUS_INFINITY ? -Infinity : days;
};

// The vector's own Decimal type carries the scale the values were stored at.
// Unconstrained numeric crosses Arrow as its text (each value keeps its own scale, as
// numeric does), constrained numeric as Decimal128 at the column's scale.
const numeric: ReaderFactory = () => (d, i) =>
  DataType.isUtf8(d.type)
    ? utf8Text(d, i)
    : readDecimal128Text(values<Uint32Array>(d), i, (d.type as unknown as { scale: number }).scale);

const uuid: ReaderFactory = () => (d, i) => {
  const hex = Buffer.from(values<Uint8Array>(d).subarray(i * 16, i * 16 + 16)).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const interval: ReaderFactory =
  () =>
  (d, i): Interval => {
    const [months, days, micros] = d.children;
    return {
      months: months ? (values<Int32Array>(months)[i] ?? 0) : 0,
      days: days ? (values<Int32Array>(days)[i] ?? 0) : 0,
      micros: micros ? (values<BigInt64Array>(micros)[i] ?? 0n) : 0n,
    };
  };

const list: ReaderFactory = (t) => {
  const element = valueReader(t.kind === 'array' ? t.element : t);
  return (d, i) => {
    const offsets = d.valueOffsets as Int32Array;
    const child = d.children[0];
    const out: SqlValue[] = [];
    if (!child) return out;
    for (let j = offsets[i] ?? 0; j < (offsets[i + 1] ?? 0); j++) out.push(element(child, j));
    return out;
  };
};

/**
 * Arrow Map: offsets into one entries struct whose children are key then value, by
 * position (parquet-wasm names them key/value inside `key_value`, Arrow JS `entries`).
 * A NULL key (not valid Parquet, but possible in Arrow) drops the entry.
 */
const map: ReaderFactory = (t) => {
  const readKey = valueReader(t.kind === 'map' ? t.key : t);
  const readValue = valueReader(t.kind === 'map' ? t.value : t);
  return (d, i) => {
    const offsets = d.valueOffsets as Int32Array;
    const entries = d.children[0];
    const keys = entries?.children[0];
    const vals = entries?.children[1];
    const out = new Map<Exclude<SqlValue, null>, SqlValue>();
    if (entries === undefined || keys === undefined) return out;
    for (let j = offsets[i] ?? 0; j < (offsets[i + 1] ?? 0); j++) {
      const k = readKey(keys, j);
      if (k !== null) out.set(k, vals === undefined ? null : readValue(vals, j));
    }
    return out;
  };
};

const readers: Record<SqlTypeKind, ReaderFactory> = {
  bool: () => (d, i) => {
    const bit = d.offset + i;
    return ((values<Uint8Array>(d)[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  },
  int2: number,
  int4: number,
  oid: number,
  float4: number,
  float8: number,
  int8: bigint,
  time: bigint,
  timestamp: bigint,
  timestamptz: bigint,
  date,
  numeric,
  text: utf8,
  varchar: utf8,
  bpchar: utf8,
  name: utf8,
  char: utf8,
  json: utf8,
  jsonb: utf8,
  unknown: utf8,
  bytea: () => (d, i) => Uint8Array.from(bytesAt(d, i)),
  uuid,
  interval,
  array: list,
  map,
};

/** The reader of a column of the given type: null for invalid rows, else the value. */
export function valueReader(type: SqlType): ValueReader {
  const read = readers[type.kind](type);
  return (d, i) => (d.getValid(i) ? read(d, i) : null);
}

/** One value of a (possibly chunked) vector at row i. */
export function readValue(vector: Vector, type: SqlType, i: number): SqlValue {
  let row = i;
  for (const d of vector.data as readonly Data[]) {
    if (row < d.length) return valueReader(type)(d, row);
    row -= d.length;
  }
  throw new RangeError(`row ${i} is out of range for a vector of length ${vector.length}`);
}

/** All values of a vector, reading each chunk with one reader. */
export function readColumn(vector: Vector, type: SqlType): SqlValue[] {
  const out = new Array<SqlValue>(vector.length);
  const fast = chunkReaders[type.kind];
  const read = fast === undefined ? valueReader(type) : null;
  let at = 0;
  for (const d of vector.data as readonly Data[]) {
    if (fast !== undefined) fast(d, out, at);
    else for (let i = 0; i < d.length; i++) out[at + i] = (read as ValueReader)(d, i);
    at += d.length;
  }
  return out;
}

/**
 * Whole-chunk readers for the hot scan types: one tight loop per chunk, the validity
 * bitmap read directly (Data.getValid per row showed in profiles), nothing at all
 * when the chunk has no nulls. They write what the per-row readers above return.
 */
type ChunkReader = (d: Data, out: SqlValue[], at: number) => void;

/** Row i's validity, or null when every row is valid. */
function validity(d: Data): ((i: number) => boolean) | null {
  if (d.nullCount === 0) return null;
  const bits = d.nullBitmap as Uint8Array | undefined;
  if (bits === undefined || bits.length === 0) return null;
  const off = d.offset;
  return (i) => ((bits[(off + i) >> 3] as number) & (1 << ((off + i) & 7))) !== 0;
}

function chunkOf<T>(convert: (d: Data) => (i: number) => T): ChunkReader {
  return (d, out, at) => {
    const valid = validity(d);
    const get = convert(d);
    const n = d.length;
    if (valid === null) for (let i = 0; i < n; i++) out[at + i] = get(i) as SqlValue;
    else for (let i = 0; i < n; i++) out[at + i] = valid(i) ? (get(i) as SqlValue) : null;
  };
}

const TWO_32 = 4294967296;

const textChunk: ChunkReader = chunkOf(utf8Chunk);

// Decimal128 whose value fits 53 bits (all of TPC-H's money) formats from a double:
// no BigInt per row. Wider values take the exact 128-bit path.
const decimalChunk: ChunkReader = chunkOf((d) => {
  const w = values<Uint32Array>(d);
  const scale = (d.type as unknown as { scale: number }).scale;
  return (i) => {
    const hi = (w[4 * i + 1] as number) | 0;
    const ext = hi < 0 ? 0xffffffff : 0;
    if (w[4 * i + 2] === ext && w[4 * i + 3] === ext) {
      const u = hi * TWO_32 + (w[4 * i] as number);
      if (Math.abs(u) <= Number.MAX_SAFE_INTEGER) return formatSmallDecimal(u, scale);
    }
    return readDecimal128Text(w, i, scale);
  };
});

const chunkReaders: Partial<Record<SqlTypeKind, ChunkReader>> = {
  int2: chunkOf((d) => {
    const v = values<Int16Array>(d);
    return (i) => v[i] as number;
  }),
  int4: chunkOf((d) => {
    const v = values<Int32Array>(d);
    return (i) => v[i] as number;
  }),
  float8: chunkOf((d) => {
    const v = values<Float64Array>(d);
    return (i) => v[i] as number;
  }),
  int8: chunkOf((d) => {
    const v = values<BigInt64Array>(d);
    return (i) => v[i] as bigint;
  }),
  date: chunkOf((d) => {
    const v = values<Int32Array>(d);
    return (i) => {
      const days = v[i] as number;
      if (days === DATE_PLUS_INFINITY) return Infinity;
      return days === DATE_MINUS_INFINITY ? -Infinity : days;
    };
  }),
  numeric: (d, out, at) => (DataType.isUtf8(d.type) ? textChunk : decimalChunk)(d, out, at),
  text: textChunk,
  varchar: textChunk,
  bpchar: textChunk,
};

/** Strings of a Utf8 chunk, decoded from one Buffer view over its value bytes. */
function utf8Chunk(d: Data): (i: number) => string {
  const bytes = values<Uint8Array>(d);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = offsetsOf(d);
  return (i) => buf.toString('utf8', offsets[i], offsets[i + 1]);
}
