import type { SqlType, SqlTypeKind } from '../../common/sql-types.js';
import { pgTypeOid } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { POSTGRES_EPOCH_DAYS, POSTGRES_EPOCH_MICROS } from '../../common/values/calendar.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from '../../common/values/date-sentinels.js';
import {
  asArray,
  asBigint,
  asBoolean,
  asBytes,
  asInterval,
  asNumber,
  asString,
} from '../../common/values/sql-value-guards.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../../common/sql-value.js';
import { sendNumeric } from './numeric-binary.js';
import { DEFAULT_TEXT_OPTIONS, textFormatter } from '../../common/values/format-value.js';

/**
 * Binary output (format 1) of one non-null value, byte for byte as PostgreSQL's typsend
 * functions (PostgreSQL docs §55.2 "Formats and Format Codes"; the *send functions in
 * src/backend/utils/adt). All integers are big-endian.
 */
export type BinarySender = (value: SqlValue) => Buffer;

type SenderFactory = (type: SqlType) => BinarySender;

function fixedWidth(size: number, write: (buf: Buffer, v: SqlValue) => void): SenderFactory {
  return () => (v) => {
    const buf = Buffer.allocUnsafe(size);
    write(buf, v);
    return buf;
  };
}

const utf8: SenderFactory = () => (v) => Buffer.from(asString(v), 'utf8');

/** int64 microseconds since 1970 → since 2000; the infinity sentinels pass unchanged. */
export function toPostgresMicros(micros: bigint): bigint {
  if (micros === TIMESTAMP_INFINITY || micros === TIMESTAMP_MINUS_INFINITY) return micros;
  return micros - POSTGRES_EPOCH_MICROS;
}

/** days since 1970 (±Infinity) → int32 days since 2000 with DATEVAL_NOBEGIN/NOEND. */
export function toPostgresDays(days: number): number {
  if (days === Infinity) return DATE_PLUS_INFINITY;
  return days === -Infinity ? DATE_MINUS_INFINITY : days - POSTGRES_EPOCH_DAYS;
}

const timestamp = fixedWidth(8, (b, v) => b.writeBigInt64BE(toPostgresMicros(asBigint(v))));

const interval = fixedWidth(16, (b, v) => {
  const iv = asInterval(v);
  b.writeBigInt64BE(iv.micros, 0);
  b.writeInt32BE(iv.days, 8);
  b.writeInt32BE(iv.months, 12);
});

/** array_send for one dimension: ndim, has-null flag, element OID, (length, lbound=1), elements. */
const array: SenderFactory = (t) => {
  const element = t.kind === 'array' ? t.element : t;
  const send = binarySender(element);
  const elementOid = pgTypeOid(element);
  return (v) => {
    const items = asArray(v);
    const header = Buffer.alloc(items.length === 0 ? 12 : 20);
    header.writeInt32BE(items.length === 0 ? 0 : 1, 0);
    header.writeInt32BE(items.includes(null) ? 1 : 0, 4);
    header.writeUInt32BE(elementOid, 8);
    if (items.length > 0) {
      header.writeInt32BE(items.length, 12);
      header.writeInt32BE(1, 16);
    }
    const parts: Buffer[] = [header];
    for (const item of items) parts.push(...lengthPrefixed(item === null ? null : send(item)));
    return Buffer.concat(parts);
  };
};

function lengthPrefixed(bytes: Buffer | null): Buffer[] {
  const len = Buffer.allocUnsafe(4);
  len.writeInt32BE(bytes === null ? -1 : bytes.length);
  return bytes === null ? [len] : [len, bytes];
}

/** A map is text on the wire (sql-types.ts): its JSON object text as textsend sends it. */
const map: SenderFactory = (t) => {
  const format = textFormatter(t, DEFAULT_TEXT_OPTIONS);
  return (v) => Buffer.from(format(v), 'utf8');
};

const senders: Record<SqlTypeKind, SenderFactory> = {
  bool: fixedWidth(1, (b, v) => b.writeUInt8(asBoolean(v) ? 1 : 0)),
  int2: fixedWidth(2, (b, v) => b.writeInt16BE(asNumber(v))),
  int4: fixedWidth(4, (b, v) => b.writeInt32BE(asNumber(v))),
  oid: fixedWidth(4, (b, v) => b.writeUInt32BE(asNumber(v))),
  int8: fixedWidth(8, (b, v) => b.writeBigInt64BE(asBigint(v))),
  float4: fixedWidth(4, (b, v) => b.writeFloatBE(asNumber(v))),
  float8: fixedWidth(8, (b, v) => b.writeDoubleBE(asNumber(v))),
  numeric: () => (v) => sendNumeric(asString(v)),
  text: utf8,
  varchar: utf8,
  bpchar: utf8,
  name: utf8,
  json: utf8,
  // unknownsend sends the text as is.
  unknown: utf8,
  // charsend: the single byte.
  char: () => (v) => Buffer.from(asString(v), 'utf8').subarray(0, 1),
  // jsonb_send: a version byte (1) then the text.
  jsonb: () => (v) => Buffer.concat([Buffer.of(1), Buffer.from(asString(v), 'utf8')]),
  bytea: () => (v) => Buffer.from(asBytes(v)),
  uuid: () => (v) => Buffer.from(asString(v).replace(/-/g, ''), 'hex'),
  date: fixedWidth(4, (b, v) => b.writeInt32BE(toPostgresDays(asNumber(v)))),
  time: fixedWidth(8, (b, v) => b.writeBigInt64BE(asBigint(v))),
  timestamp,
  timestamptz: timestamp,
  interval,
  array,
  map,
};

/** The send function of a type, resolved once per column. */
export function binarySender(type: SqlType): BinarySender {
  return senders[type.kind](type);
}
