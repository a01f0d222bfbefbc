import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';

/**
 * Operators that are NULL whenever an argument is NULL (PostgreSQL marks their
 * functions STRICT). Kept to a short list we know: a function missing here only
 * costs an outer join that stays outer.
 */
const STRICT_CALLS = new Set(['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);

/**
 * Whether a WHERE conjunct is never true on a row whose `ids` columns are all NULL,
 * so a filter with it drops every row an outer join null-extends on that side and
 * the join may as well be inner (outer join simplification, Galindo-Legaria &
 * Rosenthal 1997). TPC-H Q17's `l_quantity < 0.2 * avg` over a decorrelated
 * subquery's left join is such a conjunct: the inner join that results can build on
 * either side and filter the aggregate's scan (src/exec/operators/key-filters.ts).
 */
export function rejectsNulls(p: BoundExpr, ids: ReadonlySet<ColumnId>): boolean {
  switch (p.kind) {
    case 'and':
      return p.args.some((a) => rejectsNulls(a, ids));
    case 'or':
      return p.args.length > 0 && p.args.every((a) => rejectsNulls(a, ids));
    case 'call':
      if (p.fn === 'is not null' && p.args.length === 1) return nullWhenNull(p.args[0]!, ids);
      return nullWhenNull(p, ids);
    default:
      return nullWhenNull(p, ids);
  }
}

/** Whether `e` is NULL on every row whose `ids` columns are NULL. */
export function nullWhenNull(e: BoundExpr, ids: ReadonlySet<ColumnId>): boolean {
  switch (e.kind) {
    case 'ref':
      return ids.has(e.id);
    case 'cast':
      return nullWhenNull(e.operand, ids);
    case 'call':
      return STRICT_CALLS.has(e.fn) && e.args.some((a) => nullWhenNull(a, ids));
    default:
      return false;
  }
}
