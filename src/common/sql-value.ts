/**
 * A single SQL value as plain JavaScript data, used for bind parameters, literals
 * and results read back out of Arrow batches. One representation per type family:
 *
 * | SQL type                          | JavaScript                                   |
 * |-----------------------------------|----------------------------------------------|
 * | bool                              | boolean                                      |
 * | int2, int4, oid, float4, float8   | number                                       |
 * | int8                              | bigint                                       |
 * | numeric                           | string, canonical decimal text ('NaN' too)   |
 * | text, varchar, bpchar, name, json | string                                       |
 * | bytea                             | Uint8Array                                   |
 * | uuid                              | string, lower-case canonical form            |
 * | date                              | number, days since 1970-01-01 (±Infinity)    |
 * | time                              | bigint, microseconds since midnight          |
 * | timestamp, timestamptz            | bigint, microseconds since 1970-01-01 UTC    |
 * | interval                          | Interval                                     |
 * | arrays                            | SqlValue[] (one dimension, elements nullable)|
 * | map<K, V>                         | SqlMap: ReadonlyMap, entries in insertion order |
 *
 * A map's keys are non-null values of K held as themselves, so lookups are by value for
 * strings, numbers and bigints (JavaScript's SameValueZero); its values are nullable.
 * A map is never mutated after it is built (values are shared between rows and batches)
 * and survives structured clone to and from workers. On the wire it is text holding a
 * JSON object (values/format-map.ts): `{"a":1,"b":null}`.
 */
export type SqlValue =
  null | boolean | number | bigint | string | Uint8Array | Interval | readonly SqlValue[] | SqlMap;

/** A map<K, V> value (Spark MAP, Trino map): non-null keys, nullable values, no duplicate keys. */
export type SqlMap = ReadonlyMap<Exclude<SqlValue, null>, SqlValue>;

/** PostgreSQL's interval representation: months, days and microseconds kept apart. */
export interface Interval {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

/** PostgreSQL's infinite timestamps, as their int64 sentinels (see datatype/timestamp.h). */
export const TIMESTAMP_INFINITY = 0x7fffffffffffffffn;
export const TIMESTAMP_MINUS_INFINITY = -0x8000000000000000n;
