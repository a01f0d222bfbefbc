import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Select, SelectItem, Star } from '../../src/sql/ast.js';
import { ref, type BoundExpr } from '../plan/bound-expr.js';
import type { PlanColumn } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import type { Grouping } from './bind-grouping.js';
import { coerceTo } from './coerce.js';
import { outputName } from './output-name.js';
import type { ScopeColumn } from './scope.js';

/** One output of a select list: its expression over the pre-projection columns and its column. */
export interface SelectOutput {
  readonly name: string;
  readonly expr: BoundExpr;
  readonly column: PlanColumn;
}

/** The columns `*` or `t.*` stands for (42P01 for an unknown `t`, 42601 with no FROM). */
function starColumns(
  star: Star,
  item: SelectItem,
  columns: readonly ScopeColumn[],
  ctx: BindContext,
): ScopeColumn[] {
  if (star.qualifier === null) {
    if (columns.length === 0) {
      throw failAt(
        ctx,
        item.span,
        SqlState.syntaxError,
        'SELECT * with no tables specified is not valid',
      );
    }
    return columns.filter((c) => c.unqualified);
  }
  const parts = star.qualifier.parts;
  const q = parts[parts.length - 1] ?? '';
  const found = columns.filter((c) => c.qualifier === q);
  if (found.length === 0) {
    throw failAt(
      ctx,
      item.span,
      SqlState.undefinedTable,
      `missing FROM-clause entry for table "${q}"`,
    );
  }
  return found;
}

/**
 * Binds a select list (docs §7.3): `*` and `t.*` expand to the FROM columns in
 * order, other items bind in the post-grouping context. Each output gets a plan
 * column: a plain column keeps its id (a second copy of one gets a new id), a
 * computed one or an outer query's column a new id (a LATERAL subquery's `SELECT t.a`
 * would otherwise output the id its left side already does); plain columns carry their table OID and attnum for
 * RowDescription. Unknown-typed outputs become text unless a set operation will
 * unify them.
 */
export function bindSelectList(
  select: Select,
  from: readonly ScopeColumn[],
  ctx: BindContext,
  grouping: Grouping | null,
  resolveUnknown: boolean,
): SelectOutput[] {
  const used = new Set<number>();
  const byId = new Map(from.map((c) => [c.id, c]));
  const out: SelectOutput[] = [];
  const push = (name: string, bound: BoundExpr): void => {
    const expr =
      resolveUnknown && bound.type.kind === 'unknown' ? coerceTo(bound, Types.text, ctx, 0) : bound;
    const keep = expr.kind === 'ref' && !used.has(expr.id) && !isOuter(expr.id, ctx);
    const id = keep ? expr.id : ctx.ids.next();
    used.add(id);
    const source = expr.kind === 'ref' ? byId.get(expr.id) : undefined;
    out.push({
      name,
      expr,
      column: {
        id,
        name,
        type: expr.type,
        ...(source?.columnNumber === undefined ? {} : { columnNumber: source.columnNumber }),
        ...(source?.tableOid === undefined
          ? source?.columnNumber === undefined
            ? {}
            : { tableOid: 0 }
          : { tableOid: source.tableOid }),
      },
    });
  };
  for (const item of select.items) {
    if (item.expr.kind === 'star') {
      for (const c of starColumns(item.expr, item, from, ctx)) {
        push(c.name, grouping ? grouping.starColumn(c, ctx, item.span) : ref(c.id, c.type));
      }
      continue;
    }
    push(item.alias ?? outputName(item.expr), bindExpr(item.expr, ctx));
  }
  return out;
}

/** Whether `id` is a column of an enclosing query (or of the items left of a LATERAL). */
function isOuter(id: number, ctx: BindContext): boolean {
  for (let s = ctx.scope.parent; s; s = s.parent)
    if (s.columns.some((c) => c.id === id)) return true;
  return false;
}
