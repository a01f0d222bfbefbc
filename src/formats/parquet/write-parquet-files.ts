import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Table } from 'apache-arrow';
import type { TablePartition } from '../../../catalog/catalog.js';
import { assert } from '../../common/assert.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { buildVector } from '../../common/values/build-vector.js';
import { formatDate, formatTimestamp } from '../../common/values/format-datetime.js';
import type { FileIO } from '../../storage/file-io.js';
import { type ParquetWriteOptions, writeParquetBytes } from '../../storage/parquet-writer.js';
import { partitionPath } from './hive-partition-path.js';

/** Rows to write, column-wise (the shape of src/exec's ColumnBatch, with names and types). */
export interface RowsToWrite {
  readonly names: readonly string[];
  readonly types: readonly SqlType[];
  readonly columns: readonly (readonly SqlValue[])[];
  readonly rowCount: number;
}

export interface WriteParquetFilesRequest {
  readonly io: FileIO;
  /** The table's root directory. */
  readonly location: string;
  /** Names of the partition columns among `names`, in the table's key order. */
  readonly partitionKeys: readonly string[];
  readonly batches: Iterable<RowsToWrite> | AsyncIterable<RowsToWrite>;
  readonly parquet?: ParquetWriteOptions;
  /** A partition's buffered rows are written as one file once they reach this many. */
  readonly targetFileRows?: number;
}

export interface WrittenFile {
  readonly path: string;
  readonly size: number;
  readonly rowCount: number;
  /** Hive partition values in key order (text; null for the default partition). */
  readonly partitionValues: readonly (string | null)[];
}

export interface WriteParquetFilesResult {
  readonly files: readonly WrittenFile[];
  /** The distinct partitions written to, to register after the files exist. */
  readonly partitions: readonly TablePartition[];
}

const DEFAULT_TARGET_FILE_ROWS = 1_048_576;

/**
 * INSERT / CTAS into a plain Parquet table: rows are grouped by their partition values
 * and written as `location/k=v/.../part-<uuid>.parquet` (Hive escaping; NULL and '' go
 * to `__HIVE_DEFAULT_PARTITION__`), partition columns left out of the files as Hive and
 * Spark do. Names are fresh UUIDs written put-if-absent, so writers never collide, and
 * each file appears whole (FileIO writes temp + link). The caller registers new
 * partitions only after this returns, so a crash leaves at most orphan files in
 * unregistered directories. Plain Parquet has no multi-file commit: files already
 * written into a registered (or untracked) partition are visible even if the statement
 * then fails, as with Hive and Spark's non-transactional tables.
 */
export async function writeParquetFiles(
  req: WriteParquetFilesRequest,
): Promise<WriteParquetFilesResult> {
  const target = req.targetFileRows ?? DEFAULT_TARGET_FILE_ROWS;
  const buffers = new Map<string, PartitionBuffer>();
  const files: WrittenFile[] = [];
  for await (const batch of req.batches) {
    const keyAt = req.partitionKeys.map((k) => {
      const i = batch.names.indexOf(k);
      assert(i >= 0, `partition column ${k} missing from the rows to write`);
      return i;
    });
    const dataAt = batch.names.map((_, i) => i).filter((i) => !keyAt.includes(i));
    const groups = groupRows(batch, keyAt);
    for (const [key, { values, rows }] of groups) {
      let buffer = buffers.get(key);
      if (buffer === undefined) {
        buffer = {
          values,
          names: dataAt.map((i) => batch.names[i] ?? ''),
          types: dataAt.map((i) => batch.types[i] as SqlType),
          columns: dataAt.map(() => []),
          rowCount: 0,
        };
        buffers.set(key, buffer);
      }
      for (let from = 0; from < rows.length;) {
        const take = Math.min(rows.length - from, target - buffer.rowCount);
        appendRows(buffer, batch, dataAt, rows.slice(from, from + take));
        from += take;
        if (buffer.rowCount >= target) files.push(await flush(req, buffer));
      }
    }
  }
  for (const buffer of buffers.values())
    if (buffer.rowCount > 0) files.push(await flush(req, buffer));
  const partitions = new Map<string, TablePartition>();
  for (const f of files) {
    const key = JSON.stringify(f.partitionValues);
    if (!partitions.has(key))
      partitions.set(key, { values: f.partitionValues, location: parentDir(f.path) });
  }
  return { files, partitions: [...partitions.values()] };
}

interface PartitionBuffer {
  readonly values: readonly (string | null)[];
  readonly names: readonly string[];
  readonly types: readonly SqlType[];
  columns: SqlValue[][];
  rowCount: number;
}

/** Row indexes by partition values; one Map lookup per row, keyed by the values' text. */
function groupRows(
  batch: RowsToWrite,
  keyAt: readonly number[],
): Map<string, { values: (string | null)[]; rows: number[] }> {
  const groups = new Map<string, { values: (string | null)[]; rows: number[] }>();
  const keyColumns = keyAt.map((i) => ({
    values: batch.columns[i] ?? [],
    type: batch.types[i] as SqlType,
  }));
  for (let r = 0; r < batch.rowCount; r++) {
    const values = keyColumns.map((c) => partitionText(c.values[r] ?? null, c.type));
    const key = keyColumns.length === 1 ? String(values[0]) : JSON.stringify(values);
    let g = groups.get(key);
    if (g === undefined) {
      g = { values, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  return groups;
}

function appendRows(
  buffer: PartitionBuffer,
  batch: RowsToWrite,
  dataAt: readonly number[],
  rows: readonly number[],
): void {
  dataAt.forEach((i, c) => {
    const source = batch.columns[i] ?? [];
    const target = buffer.columns[c] as SqlValue[];
    for (const r of rows) target.push(source[r] ?? null);
  });
  buffer.rowCount += rows.length;
}

async function flush(req: WriteParquetFilesRequest, buffer: PartitionBuffer): Promise<WrittenFile> {
  const vectors = Object.fromEntries(
    buffer.names.map((name, c) => [
      name,
      buildVector(buffer.types[c] as SqlType, buffer.columns[c] ?? []),
    ]),
  );
  const bytes = writeParquetBytes(new Table(vectors), { createdBy: 'lakegate', ...req.parquet });
  const dir =
    req.partitionKeys.length === 0 ? '' : `${partitionPath(req.partitionKeys, buffer.values)}/`;
  const path = `${withSlash(localPath(req.location))}${dir}part-${randomUUID()}.parquet`;
  await req.io.writeIfAbsent(path, bytes);
  const written = {
    path,
    size: bytes.length,
    rowCount: buffer.rowCount,
    partitionValues: buffer.values,
  };
  buffer.columns = buffer.columns.map(() => []);
  buffer.rowCount = 0;
  return written;
}

/**
 * A partition value as Hive writes it in a directory name: dates `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS[.ffffff]`, numbers and decimals as text; NULL and '' are the
 * default partition (null here).
 */
export function partitionText(v: SqlValue, type: SqlType): string | null {
  if (v === null || v === '') return null;
  if (type.kind === 'date' && typeof v === 'number') return formatDate(v);
  if ((type.kind === 'timestamp' || type.kind === 'timestamptz') && typeof v === 'bigint')
    return formatTimestamp(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  // Bytes, intervals, arrays: not partition types in Hive; their JSON at least round-trips.
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

function localPath(location: string): string {
  return location.startsWith('file://') ? fileURLToPath(location) : location;
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function parentDir(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
