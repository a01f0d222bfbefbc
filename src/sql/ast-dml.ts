/**
 * Statement AST for writes and procedures (issue 3 §1): INSERT, UPDATE, DELETE, MERGE,
 * CALL. Same rules as ast.ts: immutable plain data, a literal `kind` and a span on every node.
 */
import type { Expr, FromItem, Node, QualifiedName, Query } from './ast.js';

/** `col = value` in UPDATE and MERGE's UPDATE SET; Spark allows nested `s.field = v`. */
export interface Assignment extends Node<'assignment'> {
  readonly target: QualifiedName;
  readonly value: Expr;
}

/** One `p = 'v'` of a `PARTITION (...)` clause; value null for a dynamic partition column `q`. */
export interface PartitionValue extends Node<'partition-value'> {
  readonly name: string;
  readonly value: Expr | null;
}

/** `INSERT INTO|OVERWRITE [TABLE] t [PARTITION (...)] [(cols)] query` (Spark, Hive, PostgreSQL). */
export interface InsertStatement extends Node<'insert'> {
  readonly overwrite: boolean;
  readonly table: QualifiedName;
  readonly partition: readonly PartitionValue[];
  /** Target columns; empty when not written (all columns in order). */
  readonly columns: readonly string[];
  /** SELECT, VALUES or TABLE x. */
  readonly source: Query;
}

/** `UPDATE t [AS a] SET c = e, ... [FROM ...] [WHERE cond]`. */
export interface UpdateStatement extends Node<'update'> {
  readonly table: QualifiedName;
  readonly alias: string | null;
  readonly assignments: readonly Assignment[];
  /** PostgreSQL's `UPDATE ... FROM`; empty when not written. */
  readonly from: readonly FromItem[];
  readonly where: Expr | null;
}

/** `DELETE FROM t [AS a] [USING ...] [WHERE cond]`. */
export interface DeleteStatement extends Node<'delete'> {
  readonly table: QualifiedName;
  readonly alias: string | null;
  /** PostgreSQL's `DELETE ... USING`; empty when not written. */
  readonly using: readonly FromItem[];
  readonly where: Expr | null;
}

/** `MERGE INTO t [AS] a USING src [AS] b ON cond WHEN ...` (Spark/Delta/Iceberg, PostgreSQL 15). */
export interface MergeStatement extends Node<'merge'> {
  readonly target: QualifiedName;
  readonly targetAlias: string | null;
  /** A table or `(query) alias`. */
  readonly source: FromItem;
  readonly on: Expr;
  readonly clauses: readonly MergeClause[];
}

export interface MergeClause extends Node<'merge-clause'> {
  /** `WHEN MATCHED`, `WHEN NOT MATCHED [BY TARGET]`, `WHEN NOT MATCHED BY SOURCE`. */
  readonly match: 'matched' | 'not-matched' | 'not-matched-by-source';
  /** `AND cond`; null when not written. */
  readonly condition: Expr | null;
  readonly action: MergeAction;
}

export type MergeAction = MergeUpdate | MergeDelete | MergeInsert | MergeDoNothing;

/** `UPDATE SET a = x, ...` or Spark's `UPDATE SET *` (every target column from the source). */
export interface MergeUpdate extends Node<'merge-update'> {
  readonly star: boolean;
  readonly assignments: readonly Assignment[];
}

export type MergeDelete = Node<'merge-delete'>;

/** `INSERT [(cols)] VALUES (...)` or Spark's `INSERT *`. */
export interface MergeInsert extends Node<'merge-insert'> {
  readonly star: boolean;
  readonly columns: readonly string[];
  readonly values: readonly Expr[];
}

/** PostgreSQL's `DO NOTHING`. */
export type MergeDoNothing = Node<'merge-do-nothing'>;

/** `CALL cat.system.proc(name => value, ...)` or positional arguments (Iceberg, Hudi, Trino). */
export interface CallStatement extends Node<'call'> {
  readonly procedure: QualifiedName;
  readonly args: readonly Expr[];
  /** Parallel to args; null for a positional argument. */
  readonly argNames: readonly (string | null)[];
}
