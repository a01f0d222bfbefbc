import { type Schema, tableFromIPC } from 'apache-arrow';
import { ParquetFile } from 'parquet-wasm';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { FileIO } from './file-io.js';
import { ioError } from './io-error.js';
import {
  type ParquetFooterDetails,
  decodeFileMetaData,
  footerDetails,
  footerStart,
} from './parquet-footer.js';
import { type ChunkLayout, type ParquetLayout, chunkLayout } from './parquet-pages/chunk-layout.js';
import { type DecodedChunk, decodeChunk } from './parquet-pages/decode-chunk.js';
import { UnsupportedParquet } from './parquet-pages/plain-values.js';
import type { LeafType } from './parquet-schema.js';
import type { ThriftStruct } from './thrift-compact.js';
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

/** A flat column chunk decoded by lakegate's own page reader, with its Parquet type. */
export interface DecodedColumn {
  readonly chunk: DecodedChunk;
  readonly leaf: LeafType;
}

/** One opened Parquet file. Holds wasm memory: call close() when done. */
export class ParquetSource {
  private meta: Promise<ThriftStruct> | undefined;
  private details: Promise<ParquetFooterDetails> | undefined;
  private layout: Promise<ParquetLayout> | undefined;
  /** Set once a chunk of this file needed the wasm reader: later tasks go there directly. */
  private pagesUnsupported = false;

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
    this.details ??= this.fileMetaData().then(footerDetails);
    return this.details;
  }

  private fileMetaData(): Promise<ThriftStruct> {
    this.meta ??= this.decodeFileMetaData();
    return this.meta;
  }

  private async decodeFileMetaData(): Promise<ThriftStruct> {
    try {
      const end = this.size;
      const tail8 = await this.bytesOf(end - 8, end);
      const start = footerStart(tail8, end);
      return decodeFileMetaData(await this.bytesOf(start, end - 8));
    } catch (err) {
      throw parquetError(this.path, err);
    }
  }

  /**
   * One row group's flat columns decoded by lakegate's own page reader
   * (`parquet-pages/`), which hands typed arrays and dictionaries straight to the scan
   * instead of Arrow IPC out of wasm memory. Null when a column needs the wasm reader
   * (nested types, INT96, or an encoding or codec the page reader lacks, e.g. ZSTD), or
   * when `accept` turns a column's Parquet type down.
   */
  async readColumns(
    rowGroup: number,
    columns: readonly string[],
    accept: (leaf: LeafType, column: number) => boolean = () => true,
  ): Promise<DecodedColumn[] | null> {
    if (this.pagesUnsupported) return null;
    let layout: ParquetLayout;
    try {
      layout = await (this.layout ??= this.fileMetaData().then(chunkLayout));
    } catch (err) {
      throw parquetError(this.path, err);
    }
    const chunks = columns.map((c) => {
      const at = layout.columns.get(c);
      return at === undefined ? null : (layout.rowGroups[rowGroup]?.[at] ?? null);
    });
    const numRows = this.metadata.rowGroups[rowGroup]?.numRows;
    if (!chunks.every((c): c is ChunkLayout => c !== null && pageReadable(c))) {
      this.pagesUnsupported = true;
      return null;
    }
    if (!chunks.every((c, i) => accept(c.leaf, i))) return null;
    try {
      const bytes = await readSpans(this.io, this.path, chunks);
      return chunks.map((layout, i) => {
        if (layout.numValues !== numRows)
          throw new Error(`column chunk holds ${layout.numValues} values for ${numRows} rows`);
        return { chunk: decodeChunk(bytes[i]!, layout), leaf: layout.leaf };
      });
    } catch (err) {
      if (!(err instanceof UnsupportedParquet)) throw parquetError(this.path, err);
      this.pagesUnsupported = true;
      return null;
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

/** Codecs the page reader decompresses: none, Snappy, GZIP, Brotli (parquet.thrift `CompressionCodec`). */
const PAGE_CODECS = new Set([0, 1, 2, 4]);
const INT96 = 3;

function pageReadable(c: ChunkLayout): boolean {
  return PAGE_CODECS.has(c.codec) && c.leaf.physical !== INT96;
}

/**
 * The chunks' bytes, reading chunks that lie close together in one request (a row
 * group's columns are contiguous, so a scan of most of them is one read).
 */
async function readSpans(
  io: FileIO,
  path: string,
  chunks: readonly ChunkLayout[],
): Promise<Uint8Array[]> {
  const order = chunks.map((_, i) => i).sort((a, b) => chunks[a]!.start - chunks[b]!.start);
  const out = new Array<Uint8Array>(chunks.length);
  const reads: Promise<void>[] = [];
  for (let k = 0; k < order.length;) {
    const first = chunks[order[k]!]!;
    let end = first.start + first.length;
    let last = k + 1;
    while (last < order.length && chunks[order[last]!]!.start - end <= MAX_GAP) {
      const c = chunks[order[last]!]!;
      end = Math.max(end, c.start + c.length);
      last++;
    }
    const members = order.slice(k, last);
    const start = first.start;
    reads.push(
      io.readRange(path, start, end).then((bytes) => {
        if (bytes.length < end - start)
          throw new Error('column chunk runs past the end of the file');
        for (const i of members) {
          const c = chunks[i]!;
          out[i] = bytes.subarray(c.start - start, c.start - start + c.length);
        }
      }),
    );
    k = last;
  }
  await Promise.all(reads);
  return out;
}

/** Unread bytes between two chunks worth reading through rather than a second request. */
const MAX_GAP = 1 << 20;

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
