/**
 * Statement AST for inspecting and maintaining lake tables (issue 3 §1): DESCRIBE, the
 * SHOW forms of Spark/Trino/Athena, MSCK REPAIR, RESTORE, VACUUM, OPTIMIZE, TRUNCATE.
 */
import type { Expr, Node, QualifiedName, TimeTravel } from './ast.js';
import type { PartitionValue } from './ast-dml.js';

/**
 * `DESCRIBE|DESC [TABLE] [EXTENDED|FORMATTED] t [col]`, `DESCRIBE HISTORY t [LIMIT n]`,
 * `DESCRIBE DETAIL t` (Delta), `DESCRIBE DATABASE|SCHEMA [EXTENDED] db`.
 */
export interface Describe extends Node<'describe'> {
  readonly what: 'table' | 'history' | 'detail' | 'database';
  readonly mode: 'plain' | 'extended' | 'formatted';
  readonly target: QualifiedName;
  readonly column: QualifiedName | null;
  readonly limit: Expr | null;
}

/** `SHOW CATALOGS [LIKE 'x']` (Trino). */
export interface ShowCatalogs extends Node<'show-catalogs'> {
  readonly like: string | null;
}

/** `SHOW DATABASES|SCHEMAS [FROM|IN catalog] [[LIKE] 'x']`. */
export interface ShowDatabases extends Node<'show-databases'> {
  readonly keyword: 'databases' | 'schemas';
  readonly catalog: QualifiedName | null;
  readonly like: string | null;
}

/** `SHOW TABLES [FROM|IN db] [[LIKE] 'x']`. */
export interface ShowTables extends Node<'show-tables'> {
  readonly database: QualifiedName | null;
  readonly like: string | null;
}

export interface ShowCreateTable extends Node<'show-create-table'> {
  readonly table: QualifiedName;
}

/** `SHOW COLUMNS FROM|IN t [FROM|IN db]`; the database, when written, is folded into `table`. */
export interface ShowColumns extends Node<'show-columns'> {
  readonly table: QualifiedName;
}

/** `SHOW PARTITIONS t [PARTITION (p='v')]`. */
export interface ShowPartitions extends Node<'show-partitions'> {
  readonly table: QualifiedName;
  readonly partition: readonly PartitionValue[];
}

/** `SHOW TBLPROPERTIES t [('key')]`. */
export interface ShowTblProperties extends Node<'show-tblproperties'> {
  readonly table: QualifiedName;
  readonly key: string | null;
}

/** Hive/Athena `MSCK REPAIR TABLE t [ADD|DROP|SYNC PARTITIONS]`. */
export interface MsckRepair extends Node<'msck-repair'> {
  readonly table: QualifiedName;
  readonly mode: 'add' | 'drop' | 'sync' | null;
}

/** Delta `RESTORE [TABLE] t [TO] VERSION|TIMESTAMP AS OF x`. */
export interface RestoreTable extends Node<'restore-table'> {
  readonly table: QualifiedName;
  readonly to: TimeTravel;
}

/** Delta `VACUUM t [RETAIN n HOURS] [DRY RUN]`. */
export interface Vacuum extends Node<'vacuum'> {
  readonly table: QualifiedName;
  readonly retainHours: Expr | null;
  readonly dryRun: boolean;
}

/** Delta `OPTIMIZE t [WHERE cond] [ZORDER BY (a, b)]`; Athena `OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE ...]`. */
export interface Optimize extends Node<'optimize'> {
  readonly table: QualifiedName;
  /** Athena's rewrite strategy (`bin_pack`), lower case; null when not written. */
  readonly rewriteUsing: string | null;
  readonly where: Expr | null;
  readonly zorderBy: readonly Expr[];
}

/** `TRUNCATE [TABLE] t [PARTITION (...)]`. */
export interface TruncateTable extends Node<'truncate'> {
  readonly table: QualifiedName;
  readonly partition: readonly PartitionValue[];
}
