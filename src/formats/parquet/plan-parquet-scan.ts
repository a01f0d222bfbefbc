import { fileURLToPath } from 'node:url';
import type { TablePartition, TableRef } from '../../../catalog/catalog.js';
import type { FileIO } from '../../storage/file-io.js';
import type { FooterReader, ParquetFooter, ScanTask } from '../scan-task.js';
import { isHiddenSegment, partitionValuesOf } from './hive-partition-path.js';

/** A task closes once it holds this many rows or compressed bytes (keeps worker results bounded). */
const TASK_TARGET_ROWS = 131_072;
const TASK_TARGET_BYTES = 64 * 1024 * 1024;

/** A visible data file of a table, with the partition it belongs to. */
export interface ParquetDataFile {
  readonly path: string;
  readonly size: number;
  /** Hive partition constants by key; null is the default (NULL) partition. */
  readonly partitionValues: Readonly<Record<string, string | null>>;
}

/** A data file and its footer: what pruning and footer-only aggregates work on. */
export interface PlannedParquetFile extends ParquetDataFile {
  readonly footer: ParquetFooter;
}

export interface ParquetScanOptions {
  /**
   * The table's registered partitions (Catalog.listPartitions): when given, only their
   * locations are read, with their registered values (Hive semantics: unregistered
   * directories are invisible). null or absent: every visible file under the location,
   * partition values from `key=value` directories.
   */
  readonly partitions?: readonly TablePartition[] | null;
}

/**
 * Plans a plain Parquet (Hive-layout) table: its data files (listParquetTable), each
 * footer (read through `readFooters`, in the workers: DESIGN.md §3), and one task per
 * run of consecutive row groups. Reads footers only, never data.
 */
export async function planParquetScan(
  table: TableRef,
  io: FileIO,
  columns: readonly string[],
  readFooters: FooterReader,
  options: ParquetScanOptions = {},
): Promise<ScanTask[]> {
  const files = await planParquetFiles(table, io, readFooters, options);
  return files.flatMap((f) => tasksOfFile(f, groupRowGroups(f.footer), columns));
}

/** The table's data files with their footers. */
export async function planParquetFiles(
  table: TableRef,
  io: FileIO,
  readFooters: FooterReader,
  options: ParquetScanOptions = {},
): Promise<PlannedParquetFile[]> {
  const files = await listParquetTable(table, io, options.partitions ?? null);
  const footers = await readFooters(files.map((f) => ({ path: f.path, size: f.size })));
  return files.flatMap((f, i) => {
    const footer = footers[i];
    return footer === undefined ? [] : [{ ...f, footer }];
  });
}

/** Scan tasks over the given row-group runs of one file. */
export function tasksOfFile(
  file: ParquetDataFile,
  runs: readonly (readonly number[])[],
  columns: readonly string[],
): ScanTask[] {
  return runs.map((rowGroups) => ({
    file: file.path,
    fileSize: file.size,
    rowGroups: [...rowGroups],
    columns: [...columns],
    partitionValues: file.partitionValues,
  }));
}

/**
 * The visible data files of a table: all of its location, or those of its registered
 * partitions. When every partition lies under the table location it is listed once and
 * filtered (one listing instead of one per partition on object stores).
 */
export async function listParquetTable(
  table: TableRef,
  io: FileIO,
  partitions: readonly TablePartition[] | null,
): Promise<ParquetDataFile[]> {
  if (partitions === null) return listParquetFiles(table.location, io);
  if (partitions.length === 0) return [];
  const keys = table.partitionKeys.map((k) => k.name);
  const valuesOf = (p: TablePartition): Record<string, string | null> =>
    Object.fromEntries(keys.map((k, i) => [k, p.values[i] ?? null]));
  const root = rootPath(table.location);
  const roots = partitions.map((p) => ({ dir: rootPath(p.location), values: valuesOf(p) }));
  if (roots.every((r) => r.dir.startsWith(root))) {
    const all = await listParquetFiles(table.location, io);
    const byDir = new Map(roots.map((r) => [r.dir, r.values]));
    return all.flatMap((f) => {
      // The partition directory owning a file: its longest registered ancestor.
      for (
        let dir = parentOf(f.path);
        dir.length >= root.length;
        dir = parentOf(dir.slice(0, -1))
      ) {
        const values = byDir.get(dir);
        if (values !== undefined) return [{ ...f, partitionValues: values }];
      }
      return [];
    });
  }
  const lists = await Promise.all(
    roots.map(async (r) =>
      (await listParquetFiles(r.dir, io)).map((f) => ({ ...f, partitionValues: r.values })),
    ),
  );
  return lists.flat();
}

/**
 * Every visible `*.parquet` file under a directory, sorted by path, with partition
 * values from its `key=value` directories. Hidden segments (`hive-partition-path.ts`)
 * and other extensions are skipped.
 */
export async function listParquetFiles(location: string, io: FileIO): Promise<ParquetDataFile[]> {
  const root = rootPath(location);
  const out: ParquetDataFile[] = [];
  for (const f of await io.list(location, { recursive: true })) {
    const dirs = relativeDirs(root, f.path);
    if (dirs !== null)
      out.push({ path: f.path, size: f.size, partitionValues: partitionValuesOf(dirs) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Consecutive row groups, grouped up to the task targets; empty row groups are skipped. */
export function groupRowGroups(
  meta: Pick<ParquetFooter, 'rowGroups'>,
  keep?: (rowGroup: number) => boolean,
): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  let bytes = 0;
  const close = (): void => {
    if (current.length > 0) groups.push(current);
    current = [];
    rows = 0;
    bytes = 0;
  };
  meta.rowGroups.forEach((rg, i) => {
    if (rg.numRows === 0) return;
    if (keep !== undefined && !keep(i)) {
      // A pruned row group ends a run: tasks read consecutive row groups.
      close();
      return;
    }
    current.push(i);
    rows += rg.numRows;
    bytes += rg.compressedSize;
    if (rows >= TASK_TARGET_ROWS || bytes >= TASK_TARGET_BYTES) close();
  });
  close();
  return groups;
}

/**
 * The directory segments between the table root and a data file, or null when the file
 * is not a visible Parquet file (hidden segment or other extension).
 */
function relativeDirs(root: string, path: string): string[] | null {
  if (!path.startsWith(root)) return null;
  const segments = path
    .slice(root.length)
    .split('/')
    .filter((s) => s !== '');
  const name = segments.pop();
  if (name === undefined || !name.toLowerCase().endsWith('.parquet')) return null;
  if (isHiddenSegment(name) || segments.some(isHiddenSegment)) return null;
  return segments;
}

/** The location as FileIO lists it, with a trailing slash (`file://` URIs list as paths). */
function rootPath(location: string): string {
  const path = location.startsWith('file://') ? fileURLToPath(location) : location;
  return path.endsWith('/') ? path : `${path}/`;
}

/** The directory of a path, with a trailing slash. */
function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}
