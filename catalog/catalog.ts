/**
 * The Catalog seam (DESIGN.md §2): where a table lives and in which format, never
 * what its format metadata says. The embedded local catalog implements it now;
 * Glue and the Hive Metastore arrive with the catalogs issue.
 */
export interface TableIdent {
  readonly namespace: string;
  readonly name: string;
}

export type TableFormatName = 'parquet' | 'iceberg' | 'delta' | 'hudi';

export interface TableColumn {
  readonly name: string;
  /** Hive/Spark type text: `bigint`, `decimal(10,2)`, `array<string>`, ... */
  readonly type: string;
}

export interface TableRef {
  readonly ident: TableIdent;
  /** The name of the catalog that returned it. */
  readonly catalog: string;
  /** The table's root directory or URI. */
  readonly location: string;
  readonly format: TableFormatName;
  /** The current metadata file (Iceberg); what commitTable swaps. */
  readonly metadataLocation?: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly columns: readonly TableColumn[];
  readonly partitionKeys: readonly TableColumn[];
}

/**
 * A Hive partition of a partitioned table, as the Hive Metastore and Glue keep them:
 * one value per partition key, in key order, as text (null for Hive's default partition,
 * `__HIVE_DEFAULT_PARTITION__`), and the directory holding its files.
 */
export interface TablePartition {
  readonly values: readonly (string | null)[];
  readonly location: string;
}

export interface Catalog {
  readonly name: string;
  listNamespaces(): Promise<string[]>;
  namespaceExists(ns: string): Promise<boolean>;
  createNamespace(ns: string, options?: { ifNotExists?: boolean }): Promise<void>;
  dropNamespace(ns: string, options?: { ifExists?: boolean; cascade?: boolean }): Promise<void>;
  listTables(ns: string): Promise<TableIdent[]>;
  /** null when the table does not exist (the binder raises 42P01 with a position). */
  loadTable(ident: TableIdent): Promise<TableRef | null>;
  createTable(def: Omit<TableRef, 'catalog'>): Promise<TableRef>;
  dropTable(ident: TableIdent, options?: { ifExists?: boolean; purge?: boolean }): Promise<void>;
  /** Atomic compare-and-swap of a table's metadata pointer: fails with 40001 if `expected` is not current. */
  commitTable(
    ident: TableIdent,
    expectedMetadataLocation: string | undefined,
    newMetadataLocation: string,
    parameters?: Readonly<Record<string, string>>,
  ): Promise<TableRef>;

  /**
   * The registered partitions of a partitioned table, sorted by values; null when the
   * catalog does not track partitions for this table (unpartitioned, or created before
   * partitions were tracked): scans then list the whole location. Hive semantics: a
   * tracked table's unregistered directories are invisible until MSCK REPAIR TABLE.
   * Optional: a catalog without partition support omits these three.
   */
  listPartitions?(ident: TableIdent): Promise<TablePartition[] | null>;
  /**
   * Registers partitions (ALTER TABLE ADD PARTITION, MSCK REPAIR, INSERT into a new
   * partition). One atomic change; an existing partition is 42P07 unless `ifNotExists`,
   * which also keeps its location. Returns the partitions actually added.
   */
  addPartitions?(
    ident: TableIdent,
    partitions: readonly TablePartition[],
    options?: { ifNotExists?: boolean },
  ): Promise<TablePartition[]>;
  /**
   * Unregisters partitions by values (files stay: external tables). A missing one is
   * 42704 unless `ifExists`. Returns the partitions actually dropped.
   */
  dropPartitions?(
    ident: TableIdent,
    values: readonly (readonly (string | null)[])[],
    options?: { ifExists?: boolean },
  ): Promise<TablePartition[]>;
}
