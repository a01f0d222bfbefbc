import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import { errorPosition } from '../../sql/position.js';
import type { Expr, Span } from '../../sql/ast.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';

/** One column visible to expressions: a table's column or a FROM function's output. */
export interface ScopeColumn {
  readonly name: string;
  /** The FROM item's name or alias that qualifies it. */
  readonly qualifier: string | null;
  readonly type: SqlType;
  readonly tableOid?: number;
  readonly columnNumber?: number;
}

/**
 * What binding one statement carries: its text (for error positions), the types
 * of $n inferred so far, the visible columns, and in grouped queries the hook
 * that maps group keys and aggregate calls to the aggregate's output columns.
 */
export interface BindContext {
  readonly text: string;
  /** Parameter types; undefined = not yet inferred (becomes text at the end). */
  readonly paramTypes: (SqlType | undefined)[];
  readonly scope: readonly ScopeColumn[];
  /** Grouped queries: returns the bound replacement of a group key or aggregate, else null. */
  readonly grouped?: (e: Expr, ctx: BindContext) => BoundExpr | null;
  /** The clause being bound, for messages ("argument of WHERE must be type boolean"). */
  readonly clause?: string;
  readonly timeZone: string;
}

/** PostgreSQL's 1-based character position of a span start in the statement text. */
export function positionOf(ctx: BindContext, span: Span | number): number {
  return errorPosition(ctx.text, typeof span === 'number' ? span : span.start);
}

export function errorAt(ctx: BindContext, span: Span | number, err: unknown): unknown {
  return err instanceof LakeError ? err.at(positionOf(ctx, span)) : err;
}
