import {
  type Data,
  type DataType,
  makeData,
  makeVector,
  type Map_,
  type Vector,
} from 'apache-arrow';
import { arrowTypeOf } from '../arrow-types.js';
import type { SqlType, SqlTypeKind } from '../sql-types.js';
import type { SqlValue } from '../sql-value.js';
import { writeDecimal128 } from './decimal128.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from './date-sentinels.js';
import {
  asArray,
  asBigint,
  asBoolean,
  asBytes,
  asInterval,
  asMap,
  asNumber,
  asString,
} from './sql-value-guards.js';

/**
 * SqlValue[] → Arrow column in the physical type of arrow-types.ts. Data is built
 * directly over typed arrays (makeData) so int64 microseconds, Decimal128 and the
 * interval struct stay exact; apache-arrow's builders would round timestamps to ms.
 */
export function buildVector(type: SqlType, values: readonly SqlValue[]): Vector {
  return makeVector(buildData(type, values));
}

/** The Data of one column chunk (also used for list children). */
export function buildData(type: SqlType, values: readonly SqlValue[]): Data {
  return dataBuilders[type.kind](type, arrowTypeOf(type), values);
}

type DataBuilder = (sql: SqlType, arrow: DataType, values: readonly SqlValue[]) => Data;

/** The validity bitmap (bit set = valid, LSB first) and its null count. */
function validity(values: readonly SqlValue[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { nullBitmap, nullCount };
}

type TypedArray =
  Int16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array;

/** Fixed-width columns: one typed-array slot per row, zero for NULL. */
function fixed<T extends TypedArray>(
  make: (n: number) => T,
  put: (out: T, i: number, v: SqlValue) => void,
): DataBuilder {
  return (_, type, values) => {
    const data = make(values.length);
    values.forEach((v, i) => {
      if (v !== null) put(data, i, v);
    });
    return makeData({ type, length: values.length, data, ...validity(values) } as never);
  };
}

const numbers = <T extends Int16Array | Int32Array | Uint32Array | Float32Array | Float64Array>(
  make: (n: number) => T,
): DataBuilder => fixed(make, (out, i, v) => (out[i] = asNumber(v)));
const bigints: DataBuilder = fixed(
  (n) => new BigInt64Array(n),
  (out, i, v) => (out[i] = asBigint(v)),
);

function dateDays(v: SqlValue): number {
  const days = asNumber(v);
  if (days === Infinity) return DATE_PLUS_INFINITY;
  return days === -Infinity ? DATE_MINUS_INFINITY : days;
}

const bool: DataBuilder = (_, type, values) => {
  const data = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v !== null && asBoolean(v)) data[i >> 3] = (data[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return makeData({ type, length: values.length, data, ...validity(values) } as never);
};

/** Variable-width columns (Utf8, Binary): int32 offsets into one byte buffer. */
function variable(bytesOf: (v: SqlValue) => Uint8Array): DataBuilder {
  return (_, type, values) => {
    const chunks = values.map((v) => (v === null ? new Uint8Array(0) : bytesOf(v)));
    const valueOffsets = new Int32Array(values.length + 1);
    chunks.forEach((c, i) => (valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + c.length));
    const data = Buffer.concat(chunks);
    return makeData({
      type,
      length: values.length,
      valueOffsets,
      data,
      ...validity(values),
    } as never);
  };
}

const utf8 = variable((v) => Buffer.from(asString(v), 'utf8'));

const numeric: DataBuilder = (_, type, values) => {
  const scale = (type as DataType & { scale: number }).scale;
  const data = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    if (v !== null) writeDecimal128(data, i, asString(v), scale);
  });
  return makeData({ type, length: values.length, data, ...validity(values) } as never);
};

const uuid: DataBuilder = (_, type, values) => {
  const data = new Uint8Array(values.length * 16);
  values.forEach((v, i) => {
    if (v !== null) data.set(Buffer.from(asString(v).replace(/-/g, ''), 'hex'), i * 16);
  });
  return makeData({ type, length: values.length, data, ...validity(values) } as never);
};

const interval: DataBuilder = (_, type, values) => {
  const ivs = values.map((v) => (v === null ? null : asInterval(v)));
  const [months, days, micros] = (type as DataType & { children: { type: DataType }[] }).children;
  const child = <T extends TypedArray>(f: { type: DataType } | undefined, data: T): Data =>
    makeData({ type: f?.type, length: values.length, data } as never);
  const children = [
    child(
      months,
      Int32Array.from(ivs, (iv) => iv?.months ?? 0),
    ),
    child(
      days,
      Int32Array.from(ivs, (iv) => iv?.days ?? 0),
    ),
    child(
      micros,
      BigInt64Array.from(ivs, (iv) => iv?.micros ?? 0n),
    ),
  ];
  return makeData({ type, length: values.length, children, ...validity(values) } as never);
};

const list: DataBuilder = (sql, type, values) => {
  const element = sql.kind === 'array' ? sql.element : sql;
  const valueOffsets = new Int32Array(values.length + 1);
  const flat: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v !== null) flat.push(...asArray(v));
    valueOffsets[i + 1] = flat.length;
  });
  const child = buildData(element, flat);
  return makeData({
    type,
    length: values.length,
    valueOffsets,
    child,
    ...validity(values),
  } as never);
};

/** Arrow Map: offsets into one entries struct (key, value) built like a list's child. */
const map: DataBuilder = (sql, type, values) => {
  if (sql.kind !== 'map') throw new TypeError(`map builder called for ${sql.kind}`);
  const valueOffsets = new Int32Array(values.length + 1);
  const keys: SqlValue[] = [];
  const vals: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v !== null) {
      for (const [k, x] of asMap(v)) {
        keys.push(k);
        vals.push(x);
      }
    }
    valueOffsets[i + 1] = keys.length;
  });
  // Map_'s one child field is the entries struct (arrow-types.ts).
  const entriesType = (type as Map_).childType as DataType;
  const child = makeData({
    type: entriesType,
    length: keys.length,
    nullCount: 0,
    children: [buildData(sql.key, keys), buildData(sql.value, vals)],
  } as never);
  return makeData({
    type,
    length: values.length,
    valueOffsets,
    child,
    ...validity(values),
  } as never);
};

const dataBuilders: Record<SqlTypeKind, DataBuilder> = {
  bool,
  int2: numbers((n) => new Int16Array(n)),
  int4: numbers((n) => new Int32Array(n)),
  oid: numbers((n) => new Uint32Array(n)),
  float4: numbers((n) => new Float32Array(n)),
  float8: numbers((n) => new Float64Array(n)),
  int8: bigints,
  time: bigints,
  timestamp: bigints,
  timestamptz: bigints,
  date: fixed(
    (n) => new Int32Array(n),
    (out, i, v) => (out[i] = dateDays(v)),
  ),
  numeric,
  text: utf8,
  varchar: utf8,
  bpchar: utf8,
  name: utf8,
  char: utf8,
  json: utf8,
  jsonb: utf8,
  unknown: utf8,
  bytea: variable(asBytes),
  uuid,
  interval,
  array: list,
  map,
};
