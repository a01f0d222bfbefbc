import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Expr, OrderItem } from '../../src/sql/ast.js';
import { ref, type BoundExpr } from '../plan/bound-expr.js';
import type { PlanColumn, SortKey } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { coerceTo } from './coerce.js';
import { shapeOf } from './grouping-sets.js';

/** One select-list entry as ORDER BY sees it: its name, its expression before projection, its output column. */
export interface OrderTarget {
  readonly name: string;
  readonly expr: BoundExpr;
  readonly column: PlanColumn;
}

const key = (o: OrderItem, expr: BoundExpr): SortKey => ({
  expr,
  descending: o.descending,
  nullsFirst: o.nullsFirst ?? o.descending,
});

/** `ORDER BY n`: the n-th output (42P10 when there is none). */
function ordinal(
  o: OrderItem,
  targets: readonly OrderTarget[],
  ctx: BindContext,
): OrderTarget | null {
  const e = o.expr;
  if (e.kind !== 'literal' || e.value.type !== 'integer') return null;
  const n = Number(e.value.text);
  const t = targets[n - 1];
  if (!t) {
    throw failAt(
      ctx,
      e.span,
      SqlState.invalidColumnReference,
      `ORDER BY position ${n} is not in select list`,
    );
  }
  return t;
}

/** `ORDER BY name` naming an output column (SQL92's rule, tried first); 42702 when two outputs differ. */
function outputName(
  o: OrderItem,
  targets: readonly OrderTarget[],
  ctx: BindContext,
): OrderTarget | null {
  const e = o.expr;
  if (e.kind !== 'column' || e.name.parts.length !== 1) return null;
  const name = e.name.parts[0];
  const found = targets.filter((t) => t.name === name);
  const [first] = found;
  if (found.some((t) => shapeOf(t.expr) !== shapeOf(first?.expr))) {
    throw failAt(ctx, e.span, SqlState.ambiguousColumn, `ORDER BY "${name ?? ''}" is ambiguous`);
  }
  return first ?? null;
}

function sortable(e: BoundExpr, at: Expr, ctx: BindContext): BoundExpr {
  return e.type.kind === 'unknown' ? coerceTo(e, Types.text, ctx, at.span.start) : e;
}

/**
 * ORDER BY of a SELECT (docs §7.5, SELECT "ORDER BY Clause"): an ordinal or an output
 * name means that output; anything else is an expression over the input columns
 * (after grouping and windows). Without DISTINCT the keys are expressions over the
 * columns the final projection reads, so the sort sits below it and nothing hidden
 * is projected; with DISTINCT they must be outputs (42P10) and refer to them.
 */
export function bindSelectOrderBy(
  orderBy: readonly OrderItem[],
  targets: readonly OrderTarget[],
  ctx: BindContext,
  distinct: boolean,
): SortKey[] {
  return orderBy.map((o) => {
    const t = ordinal(o, targets, ctx) ?? outputName(o, targets, ctx);
    if (t) return key(o, distinct ? ref(t.column.id, t.column.type) : t.expr);
    const e = sortable(bindExpr(o.expr, ctx), o.expr, ctx);
    if (!distinct) return key(o, e);
    const shape = shapeOf(e);
    const same = targets.find((x) => shapeOf(x.expr) === shape);
    if (!same) {
      throw failAt(
        ctx,
        o.expr.span,
        SqlState.invalidColumnReference,
        'for SELECT DISTINCT, ORDER BY expressions must appear in select list',
      );
    }
    return key(o, ref(same.column.id, same.column.type));
  });
}

/** ORDER BY over a set operation's or VALUES' output columns: ordinals, names, or expressions of them. */
export function bindOutputOrderBy(
  orderBy: readonly OrderItem[],
  columns: readonly PlanColumn[],
  ctx: BindContext,
): SortKey[] {
  const targets = columns.map((c) => ({ name: c.name, expr: ref(c.id, c.type), column: c }));
  const scoped: BindContext = {
    ...ctx,
    clause: 'ORDER BY',
    scope: {
      columns: columns.map((c) => ({ ...c, qualifier: null, unqualified: true })),
      parent: ctx.scope,
    },
  };
  return orderBy.map((o) => {
    const t = ordinal(o, targets, scoped) ?? outputName(o, targets, scoped);
    return key(o, t ? t.expr : sortable(bindExpr(o.expr, scoped), o.expr, scoped));
  });
}
