import {
  type Data,
  Field,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  tableFromIPC,
  tableToIPC,
} from 'apache-arrow';
import type { ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlType } from '../src/common/sql-types.js';
import type { ScanTask } from '../src/formats/scan-task.js';
import type { DecodedColumn } from '../src/storage/parquet-reader.js';
import type { LeafType } from '../src/storage/parquet-schema.js';
import { pageReading } from './chunk-column.js';
import type { FileIO } from '../src/storage/file-io.js';
import type { ParquetSourceCache } from './parquet-source-cache.js';
import { constantUtf8 } from './partition-columns.js';

/** A row group decoded by the page reader: its flat columns by name. */
export interface PageRowGroup {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, DecodedColumn>;
}

/**
 * What a worker decoded of a task: Arrow IPC from the wasm reader, or row groups from
 * lakegate's page reader (src/storage/parquet-pages), whose typed arrays the scan reads
 * without a trip through Arrow.
 */
export type TaskData =
  | { readonly kind: 'ipc'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'pages';
      readonly rowGroups: readonly PageRowGroup[];
      readonly partitionValues: ScanTask['partitionValues'];
    };

/**
 * A task's row groups through the page reader, for a scan whose columns all have a page
 * reading (chunk-column.ts); null when any column needs the wasm reader.
 */
export async function readTaskPages(
  task: ScanTask,
  io: FileIO,
  cache: ParquetSourceCache,
  scan: ScanNode,
): Promise<TaskData | null> {
  const source = await cache.open(io, task.file, task.fileSize);
  const typeOf = new Map<string, SqlType>();
  scan.columns.forEach((c, i) => typeOf.set(scan.tableColumns[i] ?? c.name, c.type));
  const inFile = new Set(source.metadata.schema.fields.map((f) => f.name));
  const columns = [...new Set(task.columns)].filter(
    (c) => !Object.hasOwn(task.partitionValues, c) && inFile.has(c),
  );
  const accept = (leaf: LeafType, i: number): boolean => {
    const type = typeOf.get(columns[i]!);
    return type !== undefined && pageReading(leaf, type) !== null;
  };
  const indexes = task.rowGroups ?? source.metadata.rowGroups.map((_, i) => i);
  const rowGroups: PageRowGroup[] = [];
  for (const rg of indexes) {
    const decoded = await source.readColumns(rg, columns, accept);
    if (decoded === null) return null;
    const rows = source.metadata.rowGroups[rg]?.numRows ?? 0;
    rowGroups.push({ rows, columns: new Map(columns.map((c, i) => [c, decoded[i]!])) });
  }
  return { kind: 'pages', rowGroups, partitionValues: task.partitionValues };
}

/**
 * Decodes one ScanTask in a worker: the task's row groups and columns of its file,
 * columns in the task's order (those the file lacks left out), partition constants as
 * Utf8 columns.
 * Returns an Arrow IPC stream (schema, then one message per batch).
 */
export async function readScanTask(
  task: ScanTask,
  io: FileIO,
  cache: ParquetSourceCache,
  batchSize?: number,
): Promise<Uint8Array> {
  const source = await cache.open(io, task.file, task.fileSize);
  const isPartition = (c: string): boolean => Object.hasOwn(task.partitionValues, c);
  const fileSchema = source.metadata.schema;
  const inFile = (c: string): boolean => fileSchema.fields.some((f) => f.name === c);
  // A column the file lacks (added to the table after the file was written) is left out;
  // the reader fills it with NULLs, as Spark and Hive read plain Parquet.
  const columns = task.columns.filter((c) => isPartition(c) || inFile(c));
  const fileColumns = [...new Set(columns.filter((c) => !isPartition(c)))];
  const ipc = await source.readIPC({
    columns: fileColumns,
    ...(task.rowGroups === undefined ? {} : { rowGroups: task.rowGroups }),
    ...(batchSize === undefined ? {} : { batchSize }),
  });
  // parquet-wasm returns columns in file order; pass its bytes through when that is the asked order.
  const fileOrder = fileSchema.fields.map((f) => f.name).filter((n) => fileColumns.includes(n));
  if (sameList(fileOrder, columns)) return ipc;
  return tableToIPC(reshape(tableFromIPC(ipc), columns, task.partitionValues), 'stream');
}

/** The decoded columns in the task's order, with partition constants in place. */
function reshape(
  decoded: Table,
  columns: readonly string[],
  partitionValues: ScanTask['partitionValues'],
): Table {
  const fields = columns.map((name) =>
    Object.hasOwn(partitionValues, name)
      ? new Field(name, new Utf8(), true)
      : (decoded.schema.fields.find((f) => f.name === name) as Field),
  );
  const schema = new Schema(fields);
  const batches = decoded.batches.map((batch) => {
    const children: Data[] = columns.map((name) => {
      if (Object.hasOwn(partitionValues, name)) {
        return constantUtf8(partitionValues[name] ?? null, batch.numRows);
      }
      return (batch.getChild(name) as NonNullable<ReturnType<typeof batch.getChild>>)
        .data[0] as Data;
    });
    const data = makeData({
      type: new Struct(fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new RecordBatch(schema, data);
  });
  return new Table(schema, batches);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
