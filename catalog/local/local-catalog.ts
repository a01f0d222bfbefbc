import { join, resolve, sep } from 'node:path';
import type { FileIO } from '../../src/storage/file-io.js';
import type { Catalog, TableIdent, TablePartition, TableRef } from '../catalog.js';
import {
  checkName,
  commitConflict,
  duplicateSchema,
  duplicateTable,
  schemaNotEmpty,
  undefinedSchema,
  undefinedTable,
} from '../catalog-errors.js';
import { addedPartitions, droppedPartitions } from './partition-state.js';
import {
  type CatalogState,
  EMPTY_CATALOG_STATE,
  type StoredTable,
  parseCatalogState,
  serializeCatalogState,
  withNamespace,
  withTable,
} from './catalog-state.js';
import { type FileLockOptions, withFileLock } from './file-lock.js';

export interface LocalCatalogOptions {
  readonly name: string;
  /** The warehouse directory; created on first write. */
  readonly warehouse: string;
  /** How the warehouse is read and written; the composition root chooses it. */
  readonly io: FileIO;
  readonly lock?: FileLockOptions;
}

/**
 * The embedded catalog over a warehouse directory (layout in catalog/README.md).
 * State is one JSON file, re-read on every call because other processes may share
 * the warehouse; every change is read-modify-write under a lock file, written
 * atomically (temp + fsync + rename), and bumps the state's version.
 */
export class LocalCatalog implements Catalog {
  readonly name: string;
  readonly warehouse: string;
  private readonly io: FileIO;
  private readonly statePath: string;
  private readonly lockPath: string;
  private readonly lockOptions: FileLockOptions;
  /** Serialises this instance's writers, so they queue here rather than poll the lock file. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(options: LocalCatalogOptions) {
    this.name = options.name;
    this.warehouse = resolve(options.warehouse);
    this.io = options.io;
    this.statePath = join(this.warehouse, '_lakegate', 'catalog.json');
    this.lockPath = join(this.warehouse, '_lakegate', 'catalog.lock');
    this.lockOptions = options.lock ?? {};
  }

  /** `<warehouse>/<namespace>.db/<table>`, the location of tables created without one. */
  defaultLocation(ident: TableIdent): string {
    return join(this.warehouse, `${ident.namespace}.db`, ident.name);
  }

  async listNamespaces(): Promise<string[]> {
    return [...(await this.read()).namespaces.keys()].sort();
  }

  async namespaceExists(ns: string): Promise<boolean> {
    return (await this.read()).namespaces.has(ns);
  }

  async createNamespace(ns: string, options: { ifNotExists?: boolean } = {}): Promise<void> {
    checkName('schema', ns);
    await this.update((state) => {
      if (!state.namespaces.has(ns)) return withNamespace(state, ns, new Map());
      if (options.ifNotExists === true) return state;
      throw duplicateSchema(ns);
    });
  }

  async dropNamespace(
    ns: string,
    options: { ifExists?: boolean; cascade?: boolean } = {},
  ): Promise<void> {
    await this.update((state) => {
      const tables = state.namespaces.get(ns);
      if (tables === undefined) {
        if (options.ifExists === true) return state;
        throw undefinedSchema(ns);
      }
      if (tables.size > 0 && options.cascade !== true)
        throw schemaNotEmpty(ns, [...tables.keys()].sort());
      return withNamespace(state, ns, undefined);
    });
  }

  async listTables(ns: string): Promise<TableIdent[]> {
    const tables = (await this.read()).namespaces.get(ns);
    if (tables === undefined) throw undefinedSchema(ns);
    return [...tables.keys()].sort().map((name) => ({ namespace: ns, name }));
  }

  async loadTable(ident: TableIdent): Promise<TableRef | null> {
    const table = (await this.read()).namespaces.get(ident.namespace)?.get(ident.name);
    return table === undefined ? null : this.toRef(ident, table);
  }

  async createTable(def: Omit<TableRef, 'catalog'>): Promise<TableRef> {
    const ident = { namespace: def.ident.namespace, name: def.ident.name };
    checkName('table', ident.name);
    const stored: StoredTable = {
      location: def.location === '' ? this.defaultLocation(ident) : def.location,
      format: def.format,
      ...(def.metadataLocation === undefined ? {} : { metadataLocation: def.metadataLocation }),
      parameters: { ...def.parameters },
      columns: def.columns.map((c) => ({ name: c.name, type: c.type })),
      partitionKeys: def.partitionKeys.map((c) => ({ name: c.name, type: c.type })),
      // Partitioned tables track their partitions from the start (Hive semantics).
      ...(def.partitionKeys.length > 0 ? { partitions: [] } : {}),
    };
    await this.update((state) => {
      const tables = state.namespaces.get(ident.namespace);
      if (tables === undefined) throw undefinedSchema(ident.namespace);
      if (tables.has(ident.name)) throw duplicateTable(ident);
      return withTable(state, ident.namespace, ident.name, stored);
    });
    return this.toRef(ident, stored);
  }

  async dropTable(
    ident: TableIdent,
    options: { ifExists?: boolean; purge?: boolean } = {},
  ): Promise<void> {
    let dropped: StoredTable | undefined;
    await this.update((state) => {
      dropped = state.namespaces.get(ident.namespace)?.get(ident.name);
      if (dropped !== undefined) return withTable(state, ident.namespace, ident.name, undefined);
      if (options.ifExists === true) return state;
      throw undefinedTable(ident);
    });
    if (dropped !== undefined && options.purge === true) await this.purge(dropped.location);
  }

  async commitTable(
    ident: TableIdent,
    expectedMetadataLocation: string | undefined,
    newMetadataLocation: string,
    parameters: Readonly<Record<string, string>> = {},
  ): Promise<TableRef> {
    let committed: StoredTable | undefined;
    await this.update((state) => {
      const current = state.namespaces.get(ident.namespace)?.get(ident.name);
      if (current === undefined) throw undefinedTable(ident);
      if (current.metadataLocation !== expectedMetadataLocation) {
        throw commitConflict(ident, expectedMetadataLocation, current.metadataLocation);
      }
      committed = {
        ...current,
        metadataLocation: newMetadataLocation,
        parameters: { ...current.parameters, ...parameters },
      };
      return withTable(state, ident.namespace, ident.name, committed);
    });
    return this.toRef(ident, committed as StoredTable);
  }

  async listPartitions(ident: TableIdent): Promise<TablePartition[] | null> {
    const table = (await this.read()).namespaces.get(ident.namespace)?.get(ident.name);
    if (table === undefined) throw undefinedTable(ident);
    return table.partitions === undefined ? null : [...table.partitions];
  }

  async addPartitions(
    ident: TableIdent,
    partitions: readonly TablePartition[],
    options: { ifNotExists?: boolean } = {},
  ): Promise<TablePartition[]> {
    let added: TablePartition[] = [];
    await this.updateTable(ident, (table) => {
      const result = addedPartitions(ident, table, partitions, options.ifNotExists === true);
      added = result.added;
      return result.table;
    });
    return added;
  }

  async dropPartitions(
    ident: TableIdent,
    values: readonly (readonly (string | null)[])[],
    options: { ifExists?: boolean } = {},
  ): Promise<TablePartition[]> {
    let dropped: TablePartition[] = [];
    await this.updateTable(ident, (table) => {
      const result = droppedPartitions(ident, table, values, options.ifExists === true);
      dropped = result.dropped;
      return result.table;
    });
    return dropped;
  }

  /** Read-modify-write of one table's entry; `change` returns the same entry for no change. */
  private updateTable(ident: TableIdent, change: (t: StoredTable) => StoredTable): Promise<void> {
    return this.update((state) => {
      const current = state.namespaces.get(ident.namespace)?.get(ident.name);
      if (current === undefined) throw undefinedTable(ident);
      const next = change(current);
      return next === current ? state : withTable(state, ident.namespace, ident.name, next);
    });
  }

  private toRef(ident: TableIdent, table: StoredTable): TableRef {
    // Partitions stay out of TableRef: they can be many, and only scans of the table need them.
    const { partitions: _partitions, ...rest } = table;
    return {
      ident: { namespace: ident.namespace, name: ident.name },
      catalog: this.name,
      ...rest,
    };
  }

  private async read(): Promise<CatalogState> {
    if ((await this.io.stat(this.statePath)) === null) return EMPTY_CATALOG_STATE;
    return parseCatalogState(await this.io.read(this.statePath), this.statePath);
  }

  /** Read-modify-write under the lock; `change` returns the same state for no change. */
  private update(change: (state: CatalogState) => CatalogState): Promise<void> {
    const run = async (): Promise<void> => {
      await this.io.mkdirs(join(this.warehouse, '_lakegate'));
      await withFileLock(
        this.io,
        this.lockPath,
        async () => {
          const state = await this.read();
          const next = change(state);
          if (next === state) return;
          const bytes = serializeCatalogState({ ...next, version: state.version + 1 });
          await this.io.writeAtomic(this.statePath, bytes);
        },
        this.lockOptions,
      );
    };
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** Deletes a dropped table's files, only for locations inside the warehouse (managed tables). */
  private async purge(location: string): Promise<void> {
    const root = resolve(location);
    if (!root.startsWith(this.warehouse + sep)) return;
    for (const file of await this.io.list(root, { recursive: true }))
      await this.io.delete(file.path);
  }
}
