import { LakeError } from '../../common/errors.js';
import type { SqlType, SqlTypeKind } from '../../common/sql-types.js';
import { pgTypeOid, formatType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { SqlValue } from '../../common/sql-value.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../../common/sql-value.js';
import { POSTGRES_EPOCH_DAYS, POSTGRES_EPOCH_MICROS } from '../../common/values/calendar.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from '../../common/values/date-sentinels.js';
import { parseJson, parseJsonb } from '../../common/values/json-text.js';
import { uuidFromHex } from '../../common/values/parse-uuid.js';
import { parseValue } from '../../common/values/parse-value.js';
import { receiveNumeric } from './numeric-binary.js';
import { decodeUtf8 } from './utf8-text.js';

/**
 * Binary input (format 1) of one Bind parameter, as PostgreSQL's typreceive functions
 * read it. A malformed value throws BinaryFormatError; the caller adds the parameter
 * number (22P03 `incorrect binary data format in bind parameter N`).
 */
export type BinaryReceiver = (buf: Buffer) => SqlValue;

/** Thrown by receivers for bytes of the wrong length or shape. */
export class BinaryFormatError extends Error {}

/**
 * A value shorter than its type's receive function reads: PostgreSQL fails inside
 * pq_getmsg* with 08P01 `insufficient data left in message` before it can check the
 * length (a longer one is 22P03, caught after the receive function returns).
 */
export class InsufficientDataError extends Error {}

type ReceiverFactory = (type: SqlType) => BinaryReceiver;

function fixedWidth(size: number, read: (buf: Buffer) => SqlValue): ReceiverFactory {
  return () => (buf) => {
    if (buf.length < size)
      throw new InsufficientDataError(`expected ${size} bytes, got ${buf.length}`);
    if (buf.length > size) throw new BinaryFormatError(`expected ${size} bytes, got ${buf.length}`);
    return read(buf);
  };
}

const utf8Text = (buf: Buffer): string => decodeUtf8(buf);

const text: ReceiverFactory = () => utf8Text;

function fromPostgresMicros(v: bigint): bigint {
  if (v === TIMESTAMP_INFINITY || v === TIMESTAMP_MINUS_INFINITY) return v;
  return v + POSTGRES_EPOCH_MICROS;
}

function fromPostgresDays(v: number): number {
  if (v === DATE_PLUS_INFINITY) return Infinity;
  return v === DATE_MINUS_INFINITY ? -Infinity : v + POSTGRES_EPOCH_DAYS;
}

const timestamp = fixedWidth(8, (b) => fromPostgresMicros(b.readBigInt64BE(0)));

const jsonb: ReceiverFactory = () => (buf) => {
  if (buf.length < 1 || buf[0] !== 1)
    throw new BinaryFormatError('unsupported jsonb version number');
  return parseJsonb(utf8Text(buf.subarray(1)));
};

const receivers: Record<SqlTypeKind, ReceiverFactory> = {
  bool: fixedWidth(1, (b) => b[0] !== 0),
  int2: fixedWidth(2, (b) => b.readInt16BE(0)),
  int4: fixedWidth(4, (b) => b.readInt32BE(0)),
  oid: fixedWidth(4, (b) => b.readUInt32BE(0)),
  int8: fixedWidth(8, (b) => b.readBigInt64BE(0)),
  float4: fixedWidth(4, (b) => b.readFloatBE(0)),
  float8: fixedWidth(8, (b) => b.readDoubleBE(0)),
  numeric: () => (buf) => {
    const v = receiveNumeric(buf);
    if (v === null) throw new BinaryFormatError('invalid numeric');
    return v;
  },
  text,
  varchar: text,
  bpchar: text,
  name: text,
  unknown: text,
  char: () => (buf) => (buf.length === 0 ? '' : utf8Text(buf.subarray(0, 1))),
  json: () => (buf) => parseJson(utf8Text(buf)),
  jsonb,
  bytea: () => (buf) => Uint8Array.from(buf),
  uuid: fixedWidth(16, (b) => uuidFromHex(b.toString('hex'))),
  date: fixedWidth(4, (b) => fromPostgresDays(b.readInt32BE(0))),
  time: fixedWidth(8, (b) => b.readBigInt64BE(0)),
  timestamp,
  timestamptz: timestamp,
  interval: fixedWidth(16, (b) => ({
    micros: b.readBigInt64BE(0),
    days: b.readInt32BE(8),
    months: b.readInt32BE(12),
  })),
  array: (t) => arrayReceiver(t.kind === 'array' ? t.element : t),
  // A map is text on the wire (sql-types.ts): textrecv, then the map's text input.
  map: (t) => (buf) => parseValue(t, utf8Text(buf), { timeZone: 'UTC' }),
};

/** array_recv for zero or one dimension; the element OID must be the declared element type's. */
function arrayReceiver(element: SqlType): BinaryReceiver {
  const receive = binaryReceiver(element);
  return (buf) => {
    if (buf.length < 12) throw new BinaryFormatError('short array header');
    const ndim = buf.readInt32BE(0);
    if (buf.readUInt32BE(8) !== pgTypeOid(element)) {
      throw new LakeError(SqlState.datatypeMismatch, `wrong element type`, {
        detail: `expected ${formatType(element)}`,
      });
    }
    if (ndim === 0) return [];
    if (ndim !== 1 || buf.length < 20)
      throw new BinaryFormatError('only one-dimensional arrays are supported');
    return readElements(buf, buf.readInt32BE(12), receive);
  };
}

function readElements(buf: Buffer, count: number, receive: BinaryReceiver): SqlValue[] {
  const out: SqlValue[] = [];
  let at = 20;
  for (let i = 0; i < count; i++) {
    if (at + 4 > buf.length) throw new BinaryFormatError('truncated array');
    const len = buf.readInt32BE(at);
    at += 4;
    if (len === -1) {
      out.push(null);
      continue;
    }
    if (len < 0 || at + len > buf.length) throw new BinaryFormatError('truncated array element');
    out.push(receive(buf.subarray(at, at + len)));
    at += len;
  }
  if (at !== buf.length) throw new BinaryFormatError('trailing bytes after array');
  return out;
}

/** The receive function of a type, resolved once per parameter. */
export function binaryReceiver(type: SqlType): BinaryReceiver {
  return receivers[type.kind](type);
}
