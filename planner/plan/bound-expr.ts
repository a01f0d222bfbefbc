import type { SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import type { LogicalPlan } from './logical-plan.js';

/**
 * A typed, resolved expression: what the binder makes of an AST expression and
 * what evaluate-expr.ts runs over a batch. Plain immutable data (DESIGN.md §4.1):
 * functions are referenced by their kernel name, never by closure.
 *
 * Two ways to name a column, one per stage:
 * - `ref`: in the logical plan, a column by its statement-unique id (ColumnId).
 *   Rules move expressions between nodes without renumbering anything, and a
 *   correlated subquery's outer reference is simply a `ref` its own inputs do
 *   not produce.
 * - `column`: at execution, a position in the operator's input batch. src/exec
 *   rewrites `ref` to `column` when it lowers a plan (exec/lower-expr.ts).
 */
export type BoundExpr =
  | BoundConst
  | BoundRef
  | BoundColumn
  | BoundParam
  | BoundCall
  | BoundCast
  | BoundLogic
  | BoundCase
  | BoundCoalesce
  | BoundSubquery;

/** A statement-unique column id, handed out by the binder (planner/bind/column-ids.ts). */
export type ColumnId = number;

/** A column of the logical plan by id; never reaches an evaluator. */
export interface BoundRef {
  readonly kind: 'ref';
  readonly type: SqlType;
  readonly id: ColumnId;
}

export interface BoundConst {
  readonly kind: 'const';
  readonly type: SqlType;
  readonly value: SqlValue;
}

/** A column of the input batch, by index. */
export interface BoundColumn {
  readonly kind: 'column';
  readonly type: SqlType;
  readonly index: number;
}

/** `$n`, 0-based here. */
export interface BoundParam {
  readonly kind: 'param';
  readonly type: SqlType;
  readonly index: number;
}

/** A strict or non-strict scalar function or operator, by kernel name (see kernels.ts). */
export interface BoundCall {
  readonly kind: 'call';
  readonly type: SqlType;
  readonly fn: string;
  readonly args: readonly BoundExpr[];
}

export interface BoundCast {
  readonly kind: 'cast';
  readonly type: SqlType;
  readonly operand: BoundExpr;
}

/** AND / OR with SQL's three-valued logic. */
export interface BoundLogic {
  readonly kind: 'and' | 'or';
  readonly type: SqlType;
  readonly args: readonly BoundExpr[];
}

/** Searched CASE; a simple CASE is bound to this form. Branches run only on their rows. */
export interface BoundCase {
  readonly kind: 'case';
  readonly type: SqlType;
  readonly whens: readonly { readonly when: BoundExpr; readonly then: BoundExpr }[];
  readonly otherwise: BoundExpr;
}

/** COALESCE: later arguments are evaluated only on rows still null. */
export interface BoundCoalesce {
  readonly kind: 'coalesce';
  readonly type: SqlType;
  readonly args: readonly BoundExpr[];
}

/**
 * A subquery in an expression. `scalar` yields its single column's one value (NULL
 * on no rows, 21000 on more than one); `exists` a boolean; `in` compares `operand`
 * with the subquery's single column (`= ANY`), three-valued as PostgreSQL does.
 * The optimizer decorrelates these into joins where it can
 * (planner/optimize/decorrelate-subqueries.ts); what stays is run by the executor,
 * once if uncorrelated, else per distinct outer value.
 */
export interface BoundSubquery {
  readonly kind: 'subquery';
  readonly type: SqlType;
  readonly mode: 'scalar' | 'exists' | 'in';
  readonly plan: LogicalPlan;
  readonly operand: BoundExpr | null;
  readonly negated: boolean;
  /**
   * Set by exec lowering (src/exec/lower-expr.ts): the subquery's outer references
   * that the enclosing operator's input holds, with their positions there. The
   * evaluator binds them per outer row.
   */
  readonly outerColumns?: readonly { readonly id: ColumnId; readonly index: number }[];
}

export type BoundExprKind = BoundExpr['kind'];

export const constant = (type: SqlType, value: SqlValue): BoundConst => ({
  kind: 'const',
  type,
  value,
});

export const call = (fn: string, type: SqlType, args: readonly BoundExpr[]): BoundCall => ({
  kind: 'call',
  type,
  fn,
  args,
});

export const ref = (id: ColumnId, type: SqlType): BoundRef => ({ kind: 'ref', type, id });
