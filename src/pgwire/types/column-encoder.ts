import type { Data, Vector } from 'apache-arrow';
import type { SqlType, SqlTypeKind } from '../../common/sql-types.js';
import { textFormatter, type TextOptions } from '../../common/values/format-value.js';
import { valueReader } from '../../common/values/read-value.js';
import { binarySender, toPostgresDays, toPostgresMicros } from './binary-send.js';
import { DATE_MINUS_INFINITY, DATE_PLUS_INFINITY } from '../../common/values/date-sentinels.js';

/** Format codes of Bind/RowDescription (PostgreSQL docs §55.2): 0 text, 1 binary. */
export type FormatCode = 0 | 1;

/** One column's wire values: the bytes of each row, null for SQL NULL. */
export type EncodedColumn = (Buffer | null)[];

/**
 * Encodes a whole batch column at once for DataRow messages. The type's codec is chosen
 * once; fixed-width binary types are written straight from the Arrow buffers into one
 * allocation that rows share.
 */
export function encodeColumn(
  vector: Vector,
  type: SqlType,
  format: FormatCode,
  options: TextOptions,
): EncodedColumn {
  const encodeChunk =
    format === 1 ? (fastBinary[type.kind] ?? genericBinary(type)) : genericText(type, options);
  const out: EncodedColumn = [];
  for (const data of vector.data as readonly Data[]) encodeChunk(data, out);
  return out;
}

type ChunkEncoder = (data: Data, out: EncodedColumn) => void;

function genericText(type: SqlType, options: TextOptions): ChunkEncoder {
  const read = valueReader(type);
  const format = textFormatter(type, options);
  return (data, out) => {
    for (let i = 0; i < data.length; i++) {
      const v = read(data, i);
      out.push(v === null ? null : Buffer.from(format(v), 'utf8'));
    }
  };
}

function genericBinary(type: SqlType): ChunkEncoder {
  const read = valueReader(type);
  const send = binarySender(type);
  return (data, out) => {
    for (let i = 0; i < data.length; i++) {
      const v = read(data, i);
      out.push(v === null ? null : send(v));
    }
  };
}

/** A fixed-width binary column: `write` puts row i's value at byte `at` of `buf`. */
function fixed<T>(
  width: number,
  write: (buf: Buffer, at: number, values: T, i: number) => void,
): ChunkEncoder {
  return (data, out) => {
    const buf = Buffer.allocUnsafe(width * data.length);
    const values = data.values as T;
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        out.push(null);
        continue;
      }
      write(buf, i * width, values, i);
      out.push(buf.subarray(i * width, (i + 1) * width));
    }
  };
}

const bigint64 = fixed<BigInt64Array>(8, (b, at, v, i) => b.writeBigInt64BE(v[i] ?? 0n, at));
const timestamp = fixed<BigInt64Array>(8, (b, at, v, i) =>
  b.writeBigInt64BE(toPostgresMicros(v[i] ?? 0n), at),
);

function dateDays(stored: number): number {
  if (stored === DATE_PLUS_INFINITY) return toPostgresDays(Infinity);
  return stored === DATE_MINUS_INFINITY ? toPostgresDays(-Infinity) : toPostgresDays(stored);
}

/** Types whose Arrow buffer maps directly onto the send function's bytes. */
const fastBinary: Partial<Record<SqlTypeKind, ChunkEncoder>> = {
  int2: fixed<Int16Array>(2, (b, at, v, i) => b.writeInt16BE(v[i] ?? 0, at)),
  int4: fixed<Int32Array>(4, (b, at, v, i) => b.writeInt32BE(v[i] ?? 0, at)),
  oid: fixed<Uint32Array>(4, (b, at, v, i) => b.writeUInt32BE(v[i] ?? 0, at)),
  float4: fixed<Float32Array>(4, (b, at, v, i) => b.writeFloatBE(v[i] ?? 0, at)),
  float8: fixed<Float64Array>(8, (b, at, v, i) => b.writeDoubleBE(v[i] ?? 0, at)),
  int8: bigint64,
  time: bigint64,
  timestamp,
  timestamptz: timestamp,
  date: fixed<Int32Array>(4, (b, at, v, i) => b.writeInt32BE(dateDays(v[i] ?? 0), at)),
};
