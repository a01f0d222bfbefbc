/**
 * Statement AST for lake DDL (issue 3 §1): CREATE/DROP TABLE, CREATE/DROP DATABASE,
 * ALTER TABLE. Same rules as ast.ts: immutable plain data, a `kind` and a span on every node.
 */
import type { Expr, Node, OrderItem, QualifiedName, Query, TypeName } from './ast.js';
import type { PartitionValue } from './ast-dml.js';

/** `name type [NOT NULL] [COMMENT '...']` in CREATE TABLE. */
export interface ColumnDef extends Node<'column-def'> {
  readonly name: string;
  readonly type: TypeName;
  readonly notNull: boolean;
  readonly comment: string | null;
}

/**
 * One PARTITIONED BY element: a column (`d`), an Iceberg transform (`months(d)`,
 * `bucket(16, id)`), or a Hive partition column with its type (`dt string`).
 */
export interface PartitionTerm extends Node<'partition-term'> {
  readonly expr: Expr;
  /** Hive-style `p type`; null for a column of the table or a transform. */
  readonly type: TypeName | null;
  readonly comment: string | null;
}

/** `'key' = value` in TBLPROPERTIES, OPTIONS, Trino's WITH and DBPROPERTIES. */
export interface Property extends Node<'property'> {
  readonly key: string;
  readonly value: Expr;
}

/** Hive's `ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES (...)]` or `ROW FORMAT DELIMITED ...`. */
export interface RowFormat extends Node<'row-format'> {
  readonly serde: string | null;
  readonly serdeProperties: readonly Property[];
  /** DELIMITED's `FIELDS TERMINATED BY ','` ... keyed 'fields', 'escaped', 'collection', 'map-keys', 'lines', 'null'. */
  readonly delimiters: readonly { readonly clause: string; readonly value: string }[];
}

/**
 * `CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] t [(cols)] [USING fmt]
 * [STORED AS fmt | INPUTFORMAT 'x' OUTPUTFORMAT 'y'] [ROW FORMAT ...] [PARTITIONED BY (...)]
 * [CLUSTERED BY (...) INTO n BUCKETS] [LOCATION '...'] [COMMENT '...'] [TBLPROPERTIES (...)]
 * [OPTIONS (...)] [WITH (...)] [AS query]` (Spark, Hive/Athena, Trino).
 */
export interface CreateTable extends Node<'create-table'> {
  readonly orReplace: boolean;
  readonly external: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly columns: readonly ColumnDef[];
  /** Spark's `USING iceberg|delta|parquet|hudi`, lower case; null when not written. */
  readonly using: string | null;
  /** Hive's `STORED AS PARQUET`, lower case; null when not written. */
  readonly storedAs: string | null;
  /** Hive's `STORED AS INPUTFORMAT '...' OUTPUTFORMAT '...'`. */
  readonly inputFormat: string | null;
  readonly outputFormat: string | null;
  readonly rowFormat: RowFormat | null;
  readonly partitionedBy: readonly PartitionTerm[];
  readonly clusteredBy: { readonly columns: readonly string[]; readonly buckets: number } | null;
  readonly location: string | null;
  readonly comment: string | null;
  readonly properties: readonly Property[];
  /** Spark's `OPTIONS (...)`. */
  readonly options: readonly Property[];
  /** Trino's `WITH (format = 'PARQUET', partitioning = ARRAY[...])`. */
  readonly withOptions: readonly Property[];
  readonly query: Query | null;
}

/** `DROP TABLE [IF EXISTS] t [PURGE]`. */
export interface DropTable extends Node<'drop-table'> {
  readonly name: QualifiedName;
  readonly ifExists: boolean;
  readonly purge: boolean;
}

/** `CREATE DATABASE|SCHEMA [IF NOT EXISTS] x [COMMENT '...'] [LOCATION '...'] [WITH DBPROPERTIES (...)]`. */
export interface CreateDatabase extends Node<'create-database'> {
  /** Which word was written, for the command tag. */
  readonly keyword: 'database' | 'schema';
  readonly name: QualifiedName;
  readonly ifNotExists: boolean;
  readonly comment: string | null;
  readonly location: string | null;
  readonly properties: readonly Property[];
}

/** `DROP DATABASE|SCHEMA [IF EXISTS] x [CASCADE | RESTRICT]`. */
export interface DropDatabase extends Node<'drop-database'> {
  readonly keyword: 'database' | 'schema';
  readonly name: QualifiedName;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** `ALTER TABLE [IF EXISTS] t action`. */
export interface AlterTable extends Node<'alter-table'> {
  readonly name: QualifiedName;
  readonly ifExists: boolean;
  readonly action: AlterAction;
}

export type AlterAction =
  | AddColumns
  | DropColumns
  | RenameColumn
  | AlterColumn
  | AddPartitionField
  | DropPartitionField
  | ReplacePartitionField
  | WriteOrder
  | SetProperties
  | UnsetProperties
  | RenameTable
  | SetLocation
  | ExecuteProcedure
  | AddPartitions
  | DropPartitions
  | CreateRef
  | DropRef;

/** `FIRST` (after null) or `AFTER col` in Spark's column DDL. */
export interface ColumnPosition {
  readonly after: string | null;
}

/** A column added by ALTER TABLE: nested fields are written `point.z`. */
export interface AddedColumn extends Node<'added-column'> {
  readonly name: QualifiedName;
  readonly type: TypeName;
  readonly notNull: boolean;
  readonly comment: string | null;
  readonly position: ColumnPosition | null;
}

/** `ADD COLUMN c T` / `ADD COLUMNS (c T, ...)`. */
export interface AddColumns extends Node<'add-columns'> {
  readonly columns: readonly AddedColumn[];
}

/** `DROP COLUMN [IF EXISTS] c` / `DROP COLUMNS (a, b)`. */
export interface DropColumns extends Node<'drop-columns'> {
  readonly ifExists: boolean;
  readonly names: readonly QualifiedName[];
}

export interface RenameColumn extends Node<'rename-column'> {
  readonly from: QualifiedName;
  readonly to: string;
}

/** `ALTER [COLUMN] c [SET DATA] TYPE T | COMMENT '...' | SET|DROP NOT NULL | FIRST | AFTER x`. */
export interface AlterColumn extends Node<'alter-column'> {
  readonly name: QualifiedName;
  readonly type: TypeName | null;
  readonly comment: string | null;
  /** true = SET NOT NULL, false = DROP NOT NULL, null = unchanged. */
  readonly notNull: boolean | null;
  readonly position: ColumnPosition | null;
}

/** Iceberg `ADD PARTITION FIELD bucket(16, id) [AS shard]`. */
export interface AddPartitionField extends Node<'add-partition-field'> {
  readonly transform: Expr;
  readonly name: string | null;
}

/** Iceberg `DROP PARTITION FIELD transform | name`. */
export interface DropPartitionField extends Node<'drop-partition-field'> {
  readonly transform: Expr;
}

/** Iceberg `REPLACE PARTITION FIELD a WITH b [AS name]`. */
export interface ReplacePartitionField extends Node<'replace-partition-field'> {
  readonly from: Expr;
  readonly to: Expr;
  readonly name: string | null;
}

/**
 * Iceberg `WRITE [LOCALLY] ORDERED BY ...`, `WRITE DISTRIBUTED BY PARTITION [LOCALLY ORDERED
 * BY ...]`, `WRITE UNORDERED`.
 */
export interface WriteOrder extends Node<'write-order'> {
  readonly distributedByPartition: boolean;
  readonly locally: boolean;
  readonly unordered: boolean;
  readonly orderBy: readonly OrderItem[];
}

export interface SetProperties extends Node<'set-properties'> {
  readonly properties: readonly Property[];
}

export interface UnsetProperties extends Node<'unset-properties'> {
  readonly ifExists: boolean;
  readonly keys: readonly string[];
}

export interface RenameTable extends Node<'rename-table'> {
  readonly to: QualifiedName;
}

export interface SetLocation extends Node<'set-location'> {
  readonly location: string;
}

/** Trino's `EXECUTE optimize [(name => value, ...)] [WHERE cond]`. */
export interface ExecuteProcedure extends Node<'execute'> {
  readonly procedure: string;
  readonly args: readonly Expr[];
  readonly argNames: readonly (string | null)[];
  readonly where: Expr | null;
}

/** Hive `ADD [IF NOT EXISTS] PARTITION (p='v') [LOCATION '...'] ...`. */
export interface AddPartitions extends Node<'add-partitions'> {
  readonly ifNotExists: boolean;
  readonly partitions: readonly {
    readonly values: readonly PartitionValue[];
    readonly location: string | null;
  }[];
}

/** Hive `DROP [IF EXISTS] PARTITION (p='v') [, PARTITION (...)] [PURGE]`. */
export interface DropPartitions extends Node<'drop-partitions'> {
  readonly ifExists: boolean;
  readonly partitions: readonly (readonly PartitionValue[])[];
  readonly purge: boolean;
}

/**
 * Iceberg `CREATE [OR REPLACE] BRANCH|TAG [IF NOT EXISTS] name [AS OF VERSION n]
 * [RETAIN n DAYS|HOURS|MINUTES]`, and `REPLACE BRANCH|TAG`.
 */
export interface CreateRef extends Node<'create-ref'> {
  readonly refType: 'branch' | 'tag';
  readonly name: string;
  readonly create: boolean;
  readonly replace: boolean;
  readonly ifNotExists: boolean;
  readonly asOfVersion: Expr | null;
  /** `RETAIN n unit` with unit 'days' | 'hours' | 'minutes'. */
  readonly retain: { readonly amount: Expr; readonly unit: string } | null;
}

export interface DropRef extends Node<'drop-ref'> {
  readonly refType: 'branch' | 'tag';
  readonly name: string;
  readonly ifExists: boolean;
}
