import type { SqlValue } from '../common/sql-value.js';
import { formatDecimal } from '../common/values/decimal-text.js';
import {
  type LeafType,
  Physical,
  type SchemaNode,
  hiveTypeOf,
  isLeaf,
  leafType,
  schemaTree,
} from './parquet-schema.js';
import { flatLeafIndexes } from './parquet-pages/chunk-layout.js';
import { ThriftCompactReader, type ThriftStruct, field } from './thrift-compact.js';

/**
 * The parts of a Parquet footer (parquet.thrift `FileMetaData`) that planning uses and
 * parquet-wasm 0.8 does not expose: the columns with their Hive types and each row
 * group's column statistics. Plain data: it crosses threads by structured clone.
 */
export interface ParquetColumnInfo {
  readonly name: string;
  /** Hive/Spark type text (`bigint`, `decimal(10,2)`, `array<int>`, ...). */
  readonly type: string;
}

/**
 * Chunk statistics of one top-level primitive column in one row group, as SqlValues of
 * the column's Hive type (int/smallint/tinyint/date: number; bigint/timestamp: bigint,
 * timestamps in microseconds; decimal: decimal text; string: string; binary: bytes).
 */
export interface ParquetColumnStatistics {
  /** Values in the chunk, nulls included (ColumnMetaData.num_values). */
  readonly numValues: number;
  /** null when the writer did not record it. */
  readonly nullCount: number | null;
  /** null when absent or not trustworthy (legacy signed-order statistics, INT96). */
  readonly min: SqlValue;
  readonly max: SqlValue;
  /** false when a bound may be truncated or rounded: fine for pruning, not as an answer. */
  readonly exact: boolean;
}

export interface ParquetRowGroupStatistics {
  readonly numRows: number;
  readonly compressedSize: number;
  /** Compressed bytes per top-level column (a nested one: all its leaves), aligned with the file's columns. */
  readonly columnSizes: readonly number[];
  /** Aligned with the file's columns; null for nested columns and chunks without statistics. */
  readonly statistics: readonly (ParquetColumnStatistics | null)[];
}

export interface ParquetFooterDetails {
  readonly numRows: number;
  readonly columns: readonly ParquetColumnInfo[];
  readonly rowGroups: readonly ParquetRowGroupStatistics[];
}

const MAGIC = 0x31524150; // "PAR1" little-endian

/**
 * Where the footer is: its length sits in the 8 bytes before the trailing magic.
 * Returns the footer's start offset given the file's last 8 bytes.
 */
export function footerStart(tail8: Uint8Array, fileSize: number): number {
  const view = new DataView(tail8.buffer, tail8.byteOffset, tail8.byteLength);
  if (tail8.length !== 8 || view.getUint32(4, true) !== MAGIC)
    throw new Error('not a Parquet file (no PAR1 magic at its end)');
  const length = view.getUint32(0, true);
  const start = fileSize - 8 - length;
  if (start < 4) throw new Error(`footer length ${length} exceeds the file`);
  return start;
}

/** Decodes the Thrift-encoded FileMetaData (the bytes between footerStart and the length). */
export function decodeParquetFooter(bytes: Uint8Array): ParquetFooterDetails {
  return footerDetails(decodeFileMetaData(bytes));
}

export function decodeFileMetaData(bytes: Uint8Array): ThriftStruct {
  return new ThriftCompactReader(bytes).readStruct();
}

/** The footer's details from its decoded FileMetaData. */
export function footerDetails(meta: ThriftStruct): ParquetFooterDetails {
  const root = schemaTree(field.structs(meta, 2));
  const columns = root.children.map((c) => ({ name: c.name, type: hiveTypeOf(c) }));
  const leaves = flatLeafIndexes(root);
  const rowGroups = field.structs(meta, 4).map((rg) => rowGroupOf(rg, root, leaves));
  const numRows = Number(field.bigint(meta, 3) ?? 0n);
  return { numRows, columns, rowGroups };
}

function rowGroupOf(
  rg: ThriftStruct,
  root: SchemaNode,
  leaves: readonly number[],
): ParquetRowGroupStatistics {
  const chunks = field.structs(rg, 1);
  const chunkSize = (chunk: ThriftStruct | undefined): number => {
    const meta = chunk && field.struct(chunk, 3);
    return meta === undefined ? 0 : Number(field.bigint(meta, 7) ?? 0n);
  };
  let compressedSize = 0;
  for (const chunk of chunks) compressedSize += chunkSize(chunk);
  // Leaves are laid out depth first: a column's chunks run up to the next column's first.
  const firstLeaves = leafStarts(root);
  const columnSizes = firstLeaves.map((start, i) => {
    let size = 0;
    for (let c = start; c < (firstLeaves[i + 1] ?? chunks.length); c++)
      size += chunkSize(chunks[c]);
    return size;
  });
  const statistics = root.children.map((column, i) => {
    const at = leaves[i] ?? -1;
    const meta = at < 0 ? undefined : field.struct(chunks[at] ?? new Map(), 3);
    return meta === undefined ? null : chunkStatistics(meta, leafType(column));
  });
  return { numRows: Number(field.bigint(rg, 3) ?? 0n), compressedSize, columnSizes, statistics };
}

/** Per top-level column, the index of its first leaf (column chunk) in depth-first order. */
function leafStarts(root: SchemaNode): number[] {
  const count = (node: SchemaNode): number =>
    isLeaf(node) ? 1 : node.children.reduce((n, c) => n + count(c), 0);
  const starts: number[] = [];
  let next = 0;
  for (const column of root.children) {
    starts.push(next);
    next += count(column);
  }
  return starts;
}

function chunkStatistics(meta: ThriftStruct, leaf: LeafType): ParquetColumnStatistics | null {
  const numValues = Number(field.bigint(meta, 5) ?? 0n);
  const stats = field.struct(meta, 12);
  if (stats === undefined) return null;
  const nullCount = field.bigint(stats, 3);
  let minBytes = field.bytes(stats, 6);
  let maxBytes = field.bytes(stats, 5);
  // The deprecated min/max were written in signed byte order: only trust them where that
  // order is the type's order (parquet-format PARQUET-686).
  if (minBytes === undefined && maxBytes === undefined && legacyOrderHolds(leaf)) {
    minBytes = field.bytes(stats, 2);
    maxBytes = field.bytes(stats, 1);
  }
  const usable = leaf.physical !== Physical.INT96;
  const min = usable && minBytes !== undefined ? statValue(minBytes, leaf, false) : null;
  const max = usable && maxBytes !== undefined ? statValue(maxBytes, leaf, true) : null;
  const exact =
    field.bool(stats, 7) !== false && field.bool(stats, 8) !== false && leaf.timeUnit >= 0;
  return {
    numValues,
    nullCount: nullCount === undefined ? null : Number(nullCount),
    min,
    max,
    exact,
  };
}

function legacyOrderHolds(leaf: LeafType): boolean {
  const p = leaf.physical;
  const numeric = p === Physical.INT32 || p === Physical.INT64 || p === Physical.BOOLEAN;
  return numeric && !leaf.unsigned;
}

/** A plain-encoded statistic as the SqlValue of the leaf's Hive type; null when not decodable. */
function statValue(b: Uint8Array, leaf: LeafType, upper: boolean): SqlValue {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const p = leaf.physical;
  const hive = leaf.hive;
  if (hive.startsWith('decimal(')) return decimalStat(b, view, leaf);
  switch (p) {
    case Physical.BOOLEAN:
      return b.length >= 1 ? b[0] !== 0 : null;
    case Physical.INT32:
      if (b.length < 4) return null;
      if (hive === 'bigint') return BigInt(view.getUint32(0, true));
      return leaf.unsigned ? view.getUint32(0, true) : view.getInt32(0, true);
    case Physical.INT64: {
      if (b.length < 8) return null;
      const v = view.getBigInt64(0, true);
      if (leaf.timeUnit === 1000) return v * 1000n;
      if (leaf.timeUnit === -1000) return nanosToMicros(v, upper);
      return v;
    }
    case Physical.FLOAT:
      return b.length >= 4 ? view.getFloat32(0, true) : null;
    case Physical.DOUBLE:
      return b.length >= 8 ? view.getFloat64(0, true) : null;
    case Physical.BYTE_ARRAY:
    case Physical.FIXED_LEN_BYTE_ARRAY:
      return hive === 'string' ? new TextDecoder().decode(b) : b.slice();
    default:
      return null;
  }
}

/** Nanoseconds to microseconds, rounding outwards so the bound still holds. */
function nanosToMicros(v: bigint, upper: boolean): bigint {
  const q = v / 1000n;
  const r = v % 1000n;
  if (r === 0n) return q;
  if (upper) return r > 0n ? q + 1n : q;
  return r < 0n ? q - 1n : q;
}

function decimalStat(b: Uint8Array, view: DataView, leaf: LeafType): SqlValue {
  let unscaled: bigint;
  if (leaf.physical === Physical.INT32) {
    if (b.length < 4) return null;
    unscaled = BigInt(view.getInt32(0, true));
  } else if (leaf.physical === Physical.INT64) {
    if (b.length < 8) return null;
    unscaled = leaf.unsigned ? view.getBigUint64(0, true) : view.getBigInt64(0, true);
  } else {
    if (b.length === 0) return null;
    unscaled = bigEndianSigned(b);
  }
  return formatDecimal(unscaled, leaf.scale);
}

/** Big-endian two's complement, as DECIMAL stores unscaled values in (FIXED_LEN_)BYTE_ARRAY. */
function bigEndianSigned(b: Uint8Array): bigint {
  let v = 0n;
  for (const byte of b) v = (v << 8n) | BigInt(byte);
  const negative = ((b[0] ?? 0) & 0x80) !== 0;
  return negative ? v - (1n << BigInt(b.length * 8)) : v;
}
