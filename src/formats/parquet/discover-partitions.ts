import { fileURLToPath } from 'node:url';
import type { TablePartition, TableRef } from '../../../catalog/catalog.js';
import type { FileIO } from '../../storage/file-io.js';
import {
  HIVE_DEFAULT_PARTITION,
  isHiddenSegment,
  partitionPath,
  unescapePathName,
} from './hive-partition-path.js';

/**
 * Hive partition discovery (MSCK REPAIR TABLE) and listing (SHOW PARTITIONS) for plain
 * Parquet tables. A partition is a directory path `k1=v1/k2=v2/...` under the table
 * location whose keys are the table's partition keys in order (matched
 * case-insensitively, as Hive lower-cases them), holding at least one visible file.
 * Object stores have no empty directories, so neither does discovery.
 */
export async function discoverPartitions(table: TableRef, io: FileIO): Promise<TablePartition[]> {
  const keys = table.partitionKeys.map((k) => k.name.toLowerCase());
  if (keys.length === 0) return [];
  const root = withSlash(localPath(table.location));
  const found = new Map<string, TablePartition>();
  for (const file of await io.list(table.location, { recursive: true })) {
    if (!file.path.startsWith(root)) continue;
    const segments = file.path
      .slice(root.length)
      .split('/')
      .filter((s) => s !== '');
    // The file itself plus one directory per key, at least.
    if (segments.length <= keys.length || segments.some(isHiddenSegment)) continue;
    const values = valuesOf(segments.slice(0, keys.length), keys);
    if (values === null) continue;
    const dir = root + segments.slice(0, keys.length).join('/');
    if (!found.has(dir)) found.set(dir, { values, location: dir });
  }
  return [...found.values()].sort((a, b) => compareText(a.location, b.location));
}

/** The values of `key=value` segments when their keys are the partition keys in order. */
function valuesOf(segments: readonly string[], keys: readonly string[]): (string | null)[] | null {
  const values: (string | null)[] = [];
  for (let i = 0; i < keys.length; i++) {
    const s = segments[i] ?? '';
    const eq = s.indexOf('=');
    if (eq <= 0 || unescapePathName(s.slice(0, eq)).toLowerCase() !== keys[i]) return null;
    const raw = s.slice(eq + 1);
    values.push(raw === HIVE_DEFAULT_PARTITION ? null : unescapePathName(raw));
  }
  return values;
}

export type RepairMode = 'add' | 'drop' | 'sync';

export interface PartitionRepair {
  /** Discovered directories not registered yet (ADD, SYNC). */
  readonly add: readonly TablePartition[];
  /** Registered partitions whose location holds no file any more (DROP, SYNC). */
  readonly drop: readonly TablePartition[];
}

/**
 * What MSCK REPAIR TABLE changes (Spark's `[ADD|DROP|SYNC] PARTITIONS`, ADD by default):
 * ADD registers discovered partitions that are not registered; DROP unregisters
 * registered partitions whose location is gone; SYNC does both. A registered partition
 * located outside the table directory is checked by listing its own location.
 */
export async function planPartitionRepair(
  table: TableRef,
  io: FileIO,
  registered: readonly TablePartition[],
  mode: RepairMode = 'add',
): Promise<PartitionRepair> {
  const discovered = await discoverPartitions(table, io);
  const key = (values: readonly (string | null)[]): string => JSON.stringify(values);
  const known = new Set(registered.map((p) => key(p.values)));
  const add = mode === 'drop' ? [] : discovered.filter((p) => !known.has(key(p.values)));
  if (mode === 'add') return { add, drop: [] };
  const present = new Set(discovered.map((p) => withSlash(p.location)));
  const drop: TablePartition[] = [];
  for (const p of registered) {
    const dir = withSlash(localPath(p.location));
    if (present.has(dir)) continue;
    const files = await io.list(p.location, { recursive: true });
    const visible = files.some((f) => !f.path.slice(dir.length).split('/').some(isHiddenSegment));
    if (!visible) drop.push(p);
  }
  return { add, drop };
}

/** The directory a new partition gets under the table location (`k=v/...`, Hive escaping). */
export function partitionLocation(table: TableRef, values: readonly (string | null)[]): string {
  const keys = table.partitionKeys.map((k) => k.name);
  return withSlash(localPath(table.location)) + partitionPath(keys, values);
}

/**
 * SHOW PARTITIONS' lines, as Spark prints them: `k1=v1/k2=v2`, escaped, sorted; only
 * those matching a partial spec (`PARTITION (k1='x')`) when one is given.
 */
export function showPartitions(
  table: TableRef,
  partitions: readonly TablePartition[],
  spec: Readonly<Record<string, string | null>> = {},
): string[] {
  const keys = table.partitionKeys.map((k) => k.name);
  const lower = keys.map((k) => k.toLowerCase());
  const wanted = Object.entries(spec).map(([k, v]) => ({ at: lower.indexOf(k.toLowerCase()), v }));
  return partitions
    .filter((p) => wanted.every(({ at, v }) => at >= 0 && (p.values[at] ?? null) === v))
    .map((p) => partitionPath(keys, p.values))
    .sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function localPath(location: string): string {
  return location.startsWith('file://') ? fileURLToPath(location) : location;
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
