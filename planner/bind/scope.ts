import type { SqlType } from '../../src/common/sql-types.js';
import type { ColumnId } from '../plan/bound-expr.js';
import type { PlanColumn } from '../plan/logical-plan.js';

/** One column visible to expressions: a FROM item's column, by its plan id. */
export interface ScopeColumn {
  readonly id: ColumnId;
  readonly name: string;
  /** The FROM item's name or alias that qualifies it; null for a USING join's merged column. */
  readonly qualifier: string | null;
  readonly type: SqlType;
  /**
   * Reachable by an unqualified name and by `*`. False for the two sides' copies of
   * a USING/NATURAL join column, which only `a.x` and `a.*` reach (PostgreSQL keeps
   * them addressable that way).
   */
  readonly unqualified: boolean;
  readonly tableOid?: number;
  readonly columnNumber?: number;
}

/**
 * The columns a SELECT's expressions see, and the enclosing query's scope for
 * correlated subqueries: a name not found here is looked up in `parent`, and the
 * resulting `ref` names an outer column id.
 */
export interface Scope {
  readonly columns: readonly ScopeColumn[];
  readonly parent: Scope | null;
  /**
   * Set on the left side's columns as a LATERAL item on the right of a RIGHT or FULL
   * join sees them: naming one is 42P10, since the join would need the right side's
   * rows without any left row to run it for (parse_relation.c check_lateral_ref_ok).
   */
  readonly lateralRefused?: boolean;
}

export const EMPTY_SCOPE: Scope = { columns: [], parent: null };

/** A FROM item's plan columns as scope columns under one qualifier, renamed by column aliases. */
export function scopeOf(
  columns: readonly PlanColumn[],
  qualifier: string | null,
  aliases: readonly string[] = [],
): ScopeColumn[] {
  return columns.map((c, i) => ({
    id: c.id,
    name: aliases[i] ?? c.name,
    qualifier,
    type: c.type,
    unqualified: true,
    ...(c.tableOid === undefined ? {} : { tableOid: c.tableOid }),
    ...(c.columnNumber === undefined ? {} : { columnNumber: c.columnNumber }),
  }));
}

/** The plan column a scope column becomes in a node's output (same id). */
export function planColumnOf(c: ScopeColumn): PlanColumn {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    ...(c.tableOid === undefined ? {} : { tableOid: c.tableOid }),
    ...(c.columnNumber === undefined ? {} : { columnNumber: c.columnNumber }),
  };
}
