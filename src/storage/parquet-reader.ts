import { type Schema, tableFromIPC } from 'apache-arrow';
import { ParquetFile } from 'parquet-wasm';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { FileIO } from './file-io.js';
import { ioError } from './io-error.js';
import { type ParquetFooterDetails, decodeParquetFooter, footerStart } from './parquet-footer.js';
import { type IoFailureSink, rangeBlob } from './range-blob.js';

/**
 * The Parquet reading adapter: the only importer of parquet-wasm for reading
 * (DESIGN.md §2). The node build of parquet-wasm instantiates its wasm module when
 * first imported, so each worker thread initialises it once, on its first task.
 *
 * Files are opened with `ParquetFile.fromFile` over a ranged-read Blob and read with
 * `read({ rowGroups, columns, batchSize })`, which decodes only what is asked;
 * `readParquet` on a whole buffer would decode every column (FACTS.md).
 */
export interface ParquetRowGroupInfo {
  readonly numRows: number;
  readonly compressedSize: number;
}

export interface ParquetFileMetadata {
  readonly numRows: number;
  readonly rowGroups: readonly ParquetRowGroupInfo[];
  /** The file's schema as Arrow fields (names and types as parquet-wasm decodes them). */
  readonly schema: Schema;
}

export interface ParquetReadOptions {
  /** Row-group indexes; all when absent. */
  readonly rowGroups?: readonly number[];
  /** Column names; the result keeps the file's column order, not this one. */
  readonly columns: readonly string[];
  /** Rows per batch; parquet's default of 1024 makes thousands of tiny batches. */
  readonly batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 65_536;

/** The last bytes of a file as parquet-wasm read them while opening it. */
interface TailRecord {
  start: number;
  bytes: Uint8Array | undefined;
}

/** One opened Parquet file. Holds wasm memory: call close() when done. */
export class ParquetSource {
  private details: Promise<ParquetFooterDetails> | undefined;

  private constructor(
    readonly path: string,
    readonly metadata: ParquetFileMetadata,
    private readonly file: ParquetFile,
    private readonly sink: IoFailureSink,
    private readonly io: FileIO,
    private readonly size: number,
    private readonly tail: TailRecord,
  ) {}

  static async open(io: FileIO, path: string, size?: number): Promise<ParquetSource> {
    const length = size ?? (await statSize(io, path));
    const sink: IoFailureSink = { failure: undefined };
    const tail: TailRecord = { start: length, bytes: undefined };
    let file: ParquetFile | undefined;
    try {
      const blob = rangeBlob(recordingTail(io, length, tail), path, length, sink);
      file = await ParquetFile.fromFile(blob as unknown as Blob);
      return new ParquetSource(path, readMetadata(file), file, sink, io, length, tail);
    } catch (err) {
      file?.free();
      throw parquetError(path, err, sink);
    }
  }

  /**
   * Column Hive types and row-group statistics, decoded from the footer's Thrift bytes
   * (parquet-wasm 0.8 exposes neither). Reuses the bytes parquet-wasm read while opening
   * the file, so this costs no I/O when they cover the footer; computed once per source.
   */
  footer(): Promise<ParquetFooterDetails> {
    this.details ??= this.decodeFooter();
    return this.details;
  }

  private async decodeFooter(): Promise<ParquetFooterDetails> {
    try {
      const end = this.size;
      const tail8 = await this.bytesOf(end - 8, end);
      const start = footerStart(tail8, end);
      return decodeParquetFooter(await this.bytesOf(start, end - 8));
    } catch (err) {
      throw parquetError(this.path, err);
    }
  }

  private async bytesOf(from: number, to: number): Promise<Uint8Array> {
    const { start, bytes } = this.tail;
    if (bytes !== undefined && from >= start && to <= start + bytes.length)
      return bytes.subarray(from - start, to - start);
    return this.io.readRange(this.path, from, to);
  }

  /** Decodes the asked row groups and columns; returns them as an Arrow IPC stream. */
  async readIPC(options: ParquetReadOptions): Promise<Uint8Array> {
    try {
      const table = await this.file.read({
        columns: [...options.columns],
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        ...(options.rowGroups === undefined ? {} : { rowGroups: [...options.rowGroups] }),
      });
      return table.intoIPCStream();
    } catch (err) {
      throw parquetError(this.path, err, this.sink);
    }
  }

  close(): void {
    this.file.free();
  }
}

/** A footer as planning reads it: row counts, Arrow schema, column Hive types, statistics. */
export type ParquetFileFooter = Omit<ParquetFileMetadata, 'rowGroups'> & ParquetFooterDetails;

/** Footer only: row groups with their statistics, row counts and schema. */
export async function readParquetMetadata(
  io: FileIO,
  path: string,
  size?: number,
): Promise<ParquetFileFooter> {
  const source = await ParquetSource.open(io, path, size);
  try {
    const details = await source.footer();
    return { ...source.metadata, ...details };
  } finally {
    source.close();
  }
}

/**
 * The FileIO parquet-wasm opens a file through, keeping the longest read that ends at the
 * file's end: the footer, which `ParquetSource.footer()` then decodes without reading again.
 */
function recordingTail(io: FileIO, size: number, tail: TailRecord): FileIO {
  return {
    scheme: io.scheme,
    stat: (path) => io.stat(path),
    list: (dir, options) => io.list(dir, options),
    read: (path) => io.read(path),
    readRange: async (path, start, end) => {
      const bytes = await io.readRange(path, start, end);
      if (start + bytes.length === size && start < tail.start) {
        tail.start = start;
        tail.bytes = bytes;
      }
      return bytes;
    },
    writeAtomic: (path, data) => io.writeAtomic(path, data),
    writeIfAbsent: (path, data) => io.writeIfAbsent(path, data),
    delete: (path) => io.delete(path),
    mkdirs: (path) => io.mkdirs(path),
  };
}

function readMetadata(file: ParquetFile): ParquetFileMetadata {
  const meta = file.metadata();
  try {
    const rowGroups = meta.rowGroups().map((rg) => {
      const info = { numRows: rg.numRows(), compressedSize: rg.compressedSize() };
      rg.free();
      return info;
    });
    const numRows = rowGroups.reduce((n, rg) => n + rg.numRows, 0);
    const schema = tableFromIPC(file.schema().intoIPCStream()).schema;
    return { numRows, rowGroups, schema };
  } finally {
    meta.free();
  }
}

async function statSize(io: FileIO, path: string): Promise<number> {
  const info = await io.stat(path);
  if (info === null) throw ioError('open', path, Object.assign(new Error(), { code: 'ENOENT' }));
  return info.size;
}

/**
 * A failed read as the user sees it: the storage error when the bytes could not be
 * read (58030), else XX001 (data_corrupted), PostgreSQL's class for unreadable data.
 */
export function parquetError(path: string, err: unknown, sink?: IoFailureSink): LakeError {
  const failure = sink?.failure;
  if (failure !== undefined)
    return failure instanceof LakeError ? failure : ioError('read', path, failure);
  if (err instanceof LakeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new LakeError(
    SqlState.dataCorrupted,
    `could not read Parquet file "${path}": ${message}`,
    {
      kind: 'data',
      cause: err,
    },
  );
}
