import { fileURLToPath } from 'node:url';
import type { TableRef } from '../../../catalog/catalog.js';
import type { FileIO, FileInfo } from '../../storage/file-io.js';
import type { FooterReader, ParquetFooter, ScanTask } from '../scan-task.js';
import { isHiddenSegment, partitionValuesOf } from './hive-partition-path.js';

/** A task closes once it holds this many rows or compressed bytes (keeps worker results bounded). */
const TASK_TARGET_ROWS = 131_072;
const TASK_TARGET_BYTES = 64 * 1024 * 1024;

/**
 * Plans a plain Parquet (Hive-layout) table: every visible `*.parquet` file under the
 * table location, Hive `key=value` directories as partition constants, and one task
 * per run of consecutive row groups (from each file's footer). Reads footers only,
 * never data (DESIGN.md §3).
 */
export async function planParquetScan(
  table: TableRef,
  io: FileIO,
  columns: readonly string[],
  readFooters: FooterReader,
): Promise<ScanTask[]> {
  const root = rootPath(table.location);
  const files = (await io.list(table.location, { recursive: true }))
    .map((f) => ({ file: f, dirs: relativeDirs(root, f.path) }))
    .filter((f): f is { file: FileInfo; dirs: string[] } => f.dirs !== null);
  const metas = await readFooters(files.map((f) => ({ path: f.file.path, size: f.file.size })));
  return files.flatMap((f, i) => {
    const meta = metas[i];
    if (meta === undefined) return [];
    const partitionValues = partitionValuesOf(f.dirs);
    return groupRowGroups(meta).map((rowGroups) => ({
      file: f.file.path,
      fileSize: f.file.size,
      rowGroups,
      columns: [...columns],
      partitionValues,
    }));
  });
}

/** Consecutive row groups, grouped up to the task targets; empty row groups are skipped. */
export function groupRowGroups(meta: ParquetFooter): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  let bytes = 0;
  meta.rowGroups.forEach((rg, i) => {
    if (rg.numRows === 0) return;
    current.push(i);
    rows += rg.numRows;
    bytes += rg.compressedSize;
    if (rows >= TASK_TARGET_ROWS || bytes >= TASK_TARGET_BYTES) {
      groups.push(current);
      current = [];
      rows = 0;
      bytes = 0;
    }
  });
  if (current.length > 0) groups.push(current);
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
