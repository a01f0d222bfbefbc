import {
  Binary,
  Bool,
  type DataType,
  DateDay,
  Decimal,
  Field,
  FixedSizeBinary,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  List,
  Map_,
  Struct,
  TimeMicrosecond,
  TimestampMicrosecond,
  Uint32,
  Utf8,
} from 'apache-arrow';
import { assertNever } from './assert.js';
import type { SqlType } from './sql-types.js';

/** Unconstrained numeric values are held at this scale when nothing narrower is known. */
export const DEFAULT_NUMERIC_SCALE = 6;
/** Decimal128 holds up to 38 decimal digits. */
export const MAX_DECIMAL_PRECISION = 38;

/**
 * The Arrow physical type that holds a SQL type's values in a RecordBatch.
 * Timestamps are microseconds since the Unix epoch (timestamptz in UTC), dates are
 * days since the epoch, times are microseconds since midnight, intervals are a
 * struct of (months, days, micros) as in PostgreSQL's own representation, uuids are
 * 16 raw bytes, json is its text.
 */
export function arrowTypeOf(t: SqlType): DataType {
  switch (t.kind) {
    case 'bool':
      return new Bool();
    case 'int2':
      return new Int16();
    case 'int4':
      return new Int32();
    case 'int8':
      return new Int64();
    case 'oid':
      return new Uint32();
    case 'float4':
      return new Float32();
    case 'float8':
      return new Float64();
    case 'numeric':
      return new Decimal(
        t.scale ?? DEFAULT_NUMERIC_SCALE,
        t.precision ?? MAX_DECIMAL_PRECISION,
        128,
      );
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'char':
    case 'json':
    case 'jsonb':
    case 'unknown':
      return new Utf8();
    case 'bytea':
      return new Binary();
    case 'uuid':
      return new FixedSizeBinary(16);
    case 'date':
      return new DateDay();
    case 'time':
      return new TimeMicrosecond();
    case 'timestamp':
      return new TimestampMicrosecond();
    case 'timestamptz':
      return new TimestampMicrosecond('UTC');
    case 'interval':
      return new Struct([
        new Field('months', new Int32(), false),
        new Field('days', new Int32(), false),
        new Field('micros', new Int64(), false),
      ]);
    case 'array':
      return new List(new Field('item', arrowTypeOf(t.element), true));
    case 'map':
      // Parquet's MAP layout as Arrow reads it (LogicalTypes.md "Maps"): a list of
      // non-null entries structs of a required key and an optional value.
      return new Map_(
        new Field(
          'entries',
          new Struct<{ key: DataType; value: DataType }>([
            new Field('key', arrowTypeOf(t.key), false),
            new Field('value', arrowTypeOf(t.value), true),
          ]),
          false,
        ),
      );
    default:
      return assertNever(t);
  }
}
