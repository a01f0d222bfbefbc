import type { Data, Vector } from 'apache-arrow';
import type { SqlType, SqlTypeKind } from '../sql-types.js';
import type { Interval, SqlValue } from '../sql-value.js';
import { readDecimal128Text } from './decimal128.js';
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

function bytesAt(d: Data, i: number): Uint8Array {
  const offsets = d.valueOffsets as Int32Array;
  return values<Uint8Array>(d).subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0);
}

const utf8: ReaderFactory = () => (d, i) => {
  const b = bytesAt(d, i);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
};

const date: ReaderFactory = () => (d, i) => {
  const days = values<Int32Array>(d)[i] ?? 0;
  if (days === DATE_PLUS_INFINITY) return Infinity;
  return days === DATE_MINUS_INFINITY ? -Infinity : days;
};

// The vector's own Decimal type carries the scale the values were stored at.
const numeric: ReaderFactory = () => (d, i) =>
  readDecimal128Text(values<Uint32Array>(d), i, (d.type as unknown as { scale: number }).scale);

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
  const read = valueReader(type);
  const out: SqlValue[] = [];
  for (const d of vector.data as readonly Data[])
    for (let i = 0; i < d.length; i++) out.push(read(d, i));
  return out;
}
