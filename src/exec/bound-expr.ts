import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';

/**
 * A typed, resolved expression: what the binder makes of an AST expression and
 * what evaluate-expr.ts runs over a batch. Plain immutable data (DESIGN.md §4.1):
 * functions are referenced by their kernel name, never by closure.
 */
export type BoundExpr =
  | BoundConst
  | BoundColumn
  | BoundParam
  | BoundCall
  | BoundCast
  | BoundLogic
  | BoundCase
  | BoundCoalesce;

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
