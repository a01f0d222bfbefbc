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
 */
export type SqlValue =
  null | boolean | number | bigint | string | Uint8Array | Interval | readonly SqlValue[];

/** PostgreSQL's interval representation: months, days and microseconds kept apart. */
export interface Interval {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

/** PostgreSQL's infinite timestamps, as their int64 sentinels (see datatype/timestamp.h). */
export const TIMESTAMP_INFINITY = 0x7fffffffffffffffn;
export const TIMESTAMP_MINUS_INFINITY = -0x8000000000000000n;
