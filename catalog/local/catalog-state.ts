import { LakeError } from '../../src/common/errors.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { TablePartition, TableRef } from '../catalog.js';

/**
 * A table as the local catalog stores it: a TableRef without its catalog name and ident,
 * plus the registered Hive partitions of a partitioned table (absent: not tracked, the
 * whole location is scanned; see catalog/README.md).
 */
export type StoredTable = Omit<TableRef, 'catalog' | 'ident'> & {
  readonly partitions?: readonly TablePartition[];
};

/**
 * The whole catalog: namespaces → tables, plus a version bumped by every write.
 * Immutable; updates build a new state. Maps keep user-chosen names out of object keys.
 */
export interface CatalogState {
  readonly version: number;
  readonly namespaces: ReadonlyMap<string, ReadonlyMap<string, StoredTable>>;
}

export const EMPTY_CATALOG_STATE: CatalogState = { version: 0, namespaces: new Map() };

/** On-disk shape of `_lakegate/catalog.json` (see catalog/README.md). */
interface CatalogFile {
  readonly formatVersion: 1;
  readonly version: number;
  readonly namespaces: readonly {
    readonly name: string;
    readonly tables: readonly (StoredTable & { readonly name: string })[];
  }[];
}

export function serializeCatalogState(state: CatalogState): Uint8Array {
  const file: CatalogFile = {
    formatVersion: 1,
    version: state.version,
    namespaces: [...state.namespaces].map(([name, tables]) => ({
      name,
      tables: [...tables].map(([tableName, t]) => ({ name: tableName, ...t })),
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

export function parseCatalogState(bytes: Uint8Array, path: string): CatalogState {
  let file: CatalogFile;
  try {
    file = checkCatalogFile(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LakeError(
      SqlState.dataCorrupted,
      `could not read catalog file "${path}": ${reason}`,
      {
        cause: err,
      },
    );
  }
  const namespaces = new Map<string, ReadonlyMap<string, StoredTable>>();
  for (const ns of file.namespaces) {
    const tables = new Map<string, StoredTable>();
    for (const { name, ...table } of ns.tables) tables.set(name, table);
    namespaces.set(ns.name, tables);
  }
  return { version: file.version, namespaces };
}

/** Enough shape checking that a damaged file fails here, not later as a TypeError. */
function checkCatalogFile(value: unknown): CatalogFile {
  const file = value as { formatVersion?: unknown; version?: unknown; namespaces?: unknown } | null;
  if (file?.formatVersion !== 1) {
    throw new Error(`unsupported catalog format version ${String(file?.formatVersion)}`);
  }
  const ok =
    typeof file.version === 'number' &&
    isArrayOf(file.namespaces, (ns) => hasString(ns, 'name') && isArrayOf(ns.tables, isTable));
  if (!ok) throw new Error('malformed catalog state');
  return file as CatalogFile;
}

type Obj = Readonly<Record<string, unknown>>;

function isArrayOf(value: unknown, check: (item: Obj) => boolean): boolean {
  return (
    Array.isArray(value) &&
    (value as unknown[]).every((x) => typeof x === 'object' && x !== null && check(x as Obj))
  );
}

function hasString(o: Obj, key: string): boolean {
  return typeof o[key] === 'string';
}

function isTable(t: Obj): boolean {
  const column = (c: Obj): boolean => hasString(c, 'name') && hasString(c, 'type');
  const partition = (p: Obj): boolean =>
    hasString(p, 'location') &&
    Array.isArray(p.values) &&
    (p.values as unknown[]).every((v) => v === null || typeof v === 'string');
  return (
    hasString(t, 'name') &&
    hasString(t, 'location') &&
    hasString(t, 'format') &&
    isArrayOf(t.columns, column) &&
    isArrayOf(t.partitionKeys, column) &&
    (t.partitions === undefined || isArrayOf(t.partitions, partition))
  );
}

/** A copy of the state with one namespace's tables replaced (or the namespace removed). */
export function withNamespace(
  state: CatalogState,
  ns: string,
  tables: ReadonlyMap<string, StoredTable> | undefined,
): CatalogState {
  const namespaces = new Map(state.namespaces);
  if (tables === undefined) namespaces.delete(ns);
  else namespaces.set(ns, tables);
  return { version: state.version, namespaces };
}

/** A copy of the state with one table replaced (or removed); the namespace must exist. */
export function withTable(
  state: CatalogState,
  ns: string,
  name: string,
  table: StoredTable | undefined,
): CatalogState {
  const tables = new Map(state.namespaces.get(ns));
  if (table === undefined) tables.delete(name);
  else tables.set(name, table);
  return withNamespace(state, ns, tables);
}
