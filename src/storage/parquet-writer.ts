import { type Table, tableToIPC } from 'apache-arrow';
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm';
import { assertNever } from '../common/assert.js';

export type ParquetCompression = 'zstd' | 'snappy' | 'uncompressed';

export interface ParquetWriteOptions {
  readonly compression?: ParquetCompression;
  /** Rows per row group; parquet-rs's default is 1M. */
  readonly rowGroupSize?: number;
  /** Written into the footer's created_by. */
  readonly createdBy?: string;
}

/**
 * An Arrow table as Parquet file bytes (parquet-wasm `writeParquet`). The table
 * crosses into wasm as an Arrow IPC stream, which keeps field metadata such as
 * `PARQUET:field_id` (what Iceberg data files need; FACTS.md).
 */
export function writeParquetBytes(table: Table, options: ParquetWriteOptions = {}): Uint8Array {
  // Snappy by default, as Spark writes Parquet (spark.sql.parquet.compression.codec), and
  // because the scan's own page reader decodes Snappy while ZSTD needs the wasm reader.
  let builder = new WriterPropertiesBuilder().setCompression(
    compressionOf(options.compression ?? 'snappy'),
  );
  if (options.rowGroupSize !== undefined)
    builder = builder.setMaxRowGroupSize(options.rowGroupSize);
  if (options.createdBy !== undefined) builder = builder.setCreatedBy(options.createdBy);
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  return writeParquet(wasmTable, builder.build());
}

function compressionOf(c: ParquetCompression): Compression {
  switch (c) {
    case 'zstd':
      return Compression.ZSTD;
    case 'snappy':
      return Compression.SNAPPY;
    case 'uncompressed':
      return Compression.UNCOMPRESSED;
    default:
      return assertNever(c, 'compression');
  }
}
