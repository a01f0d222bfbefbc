import { LakeError } from '../../src/common/errors.js';
import type { SqlType } from '../../src/common/sql-types.js';
import { errorPosition } from '../../src/sql/position.js';
import type { CommonTableExpr, Expr, FunctionCall, Query, Span } from '../../src/sql/ast.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { FunctionCatalog } from '../plan/function-catalog.js';
import type { LogicalPlan, PlanColumn } from '../plan/logical-plan.js';
import type { BoundTables } from './collect-tables.js';
import type { ColumnIds } from './column-ids.js';
import type { Scope } from './scope.js';

/** A bound query: its plan and its output columns (the plan's columns, hidden ones removed). */
export interface BoundRelation {
  readonly plan: LogicalPlan;
  readonly columns: readonly PlanColumn[];
}

/** A CTE visible by name: its AST (bound afresh at each reference) or, inside its own recursive term, the work table. */
export interface CteBinding {
  readonly cte: CommonTableExpr;
  /** The CTEs visible where the CTE was defined (a thunk: WITH RECURSIVE members see each other). */
  readonly visible: () => CteScope | null;
  /** The enclosing query's columns where the CTE was defined. */
  readonly scope: Scope;
  /** Set while binding a recursive CTE's anchor, which must not reference the CTE (42P19). */
  readonly anchorOnly?: boolean;
  /** Set while binding the recursive term: a self-reference reads this work table. */
  readonly workTable: {
    readonly cteId: number;
    readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  } | null;
}

/** CTE names in scope, innermost first (a persistent list: WITH inside WITH shadows). */
export interface CteScope {
  readonly name: string;
  readonly binding: CteBinding;
  readonly parent: CteScope | null;
}

export function findCte(ctes: CteScope | null, name: string): CteBinding | undefined {
  for (let c = ctes; c; c = c.parent) if (c.name === name) return c.binding;
  return undefined;
}

/** What one statement's binding shares: text for positions, $n types, tables, functions, ids. */
export interface StatementState {
  readonly text: string;
  /** Parameter types; undefined = not yet inferred (becomes text at the end). */
  readonly paramTypes: (SqlType | undefined)[];
  readonly timeZone: string;
  readonly tables: BoundTables;
  readonly functions: FunctionCatalog;
  readonly ids: ColumnIds;
  /** Binds a nested query (set by bind-statement.ts; a hook so expression binding has no import cycle). */
  readonly bindSubquery: (query: Query, ctx: BindContext) => BoundRelation;
}

/**
 * What binding one expression carries: the statement's state, the visible columns,
 * the CTEs in scope, and in grouped or windowed queries the hooks that map group
 * keys, aggregate calls and window calls to the columns the plan computes them in.
 */
export interface BindContext extends StatementState {
  readonly scope: Scope;
  readonly ctes: CteScope | null;
  /** Grouped queries: the bound replacement of a group key or aggregate call, else null. */
  readonly grouped?: (e: Expr, ctx: BindContext) => BoundExpr | null;
  /** Where window functions are allowed (select list, ORDER BY): the call's output column. */
  readonly windowed?: (e: FunctionCall, ctx: BindContext) => BoundExpr;
  /** The clause being bound, for messages ("argument of WHERE must be type boolean"). */
  readonly clause?: string;
}

/** PostgreSQL's 1-based character position of a span start in the statement text. */
export function positionOf(ctx: Pick<StatementState, 'text'>, span: Span | number): number {
  return errorPosition(ctx.text, typeof span === 'number' ? span : span.start);
}

export function errorAt(
  ctx: Pick<StatementState, 'text'>,
  span: Span | number,
  err: unknown,
): unknown {
  return err instanceof LakeError ? err.at(positionOf(ctx, span)) : err;
}

/** A new LakeError at a span. */
export function failAt(
  ctx: Pick<StatementState, 'text'>,
  span: Span | number,
  sqlstate: string,
  message: string,
  hint?: string,
): LakeError {
  return new LakeError(sqlstate, message, {
    position: positionOf(ctx, span),
    ...(hint === undefined ? {} : { hint }),
  });
}

/** A LakeError PostgreSQL reports without a position (USING columns, alias counts, duplicate names). */
export function failWithoutPosition(sqlstate: string, message: string): LakeError {
  return new LakeError(sqlstate, message);
}
