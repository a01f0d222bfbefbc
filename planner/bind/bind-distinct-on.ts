import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Expr, OrderItem } from '../../src/sql/ast.js';
import { call, constant, ref, type BoundExpr } from '../plan/bound-expr.js';
import type { LogicalPlan, PlanColumn, SortKey, WindowNode } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindSelectOrderBy, type OrderTarget } from './bind-order-by.js';
import { shapeOf } from './grouping-sets.js';

/**
 * `SELECT DISTINCT ON (exprs)` (SELECT docs, "DISTINCT Clause"): the expressions
 * resolve as ORDER BY items do (ordinals, output names, input expressions). With an
 * ORDER BY, the ORDER BY items that are DISTINCT ON expressions must come first and
 * cover them all (PostgreSQL's transformDistinctOnClause), else 42P10 at the first
 * DISTINCT ON expression left over.
 */
export function bindDistinctOn(
  exprs: readonly Expr[],
  orderBy: readonly SortKey[],
  targets: readonly OrderTarget[],
  ctx: BindContext,
): BoundExpr[] {
  const items = exprs.map((expr): OrderItem => ({
    kind: 'order-item',
    span: expr.span,
    expr,
    descending: false,
    nullsFirst: null,
  }));
  const keys = bindSelectOrderBy(items, targets, ctx, false).map((k) => k.expr);
  const shapes = keys.map(shapeOf);
  const matched = new Set<string>();
  let skipped = false;
  for (const o of orderBy) {
    const shape = shapeOf(o.expr);
    const i = shapes.indexOf(shape);
    if (i < 0) skipped = true;
    else if (skipped) throw mustMatch(exprs[i], ctx);
    else matched.add(shape);
  }
  const missing = shapes.findIndex((s) => !matched.has(s));
  if (skipped && missing >= 0) throw mustMatch(exprs[missing], ctx);
  return keys;
}

function mustMatch(e: Expr | undefined, ctx: BindContext): unknown {
  return failAt(
    ctx,
    e?.span.start ?? 0,
    SqlState.invalidColumnReference,
    'SELECT DISTINCT ON expressions must match initial ORDER BY expressions',
  );
}

/**
 * The first row of each DISTINCT ON group in ORDER BY order: row_number() over
 * (PARTITION BY the DISTINCT ON keys ORDER BY the ORDER BY keys), kept where it is 1.
 * The number column stays below the final projection, which drops it.
 */
export function firstPerGroup(
  input: LogicalPlan,
  keys: readonly BoundExpr[],
  orderBy: readonly SortKey[],
  ctx: BindContext,
): LogicalPlan {
  const n: PlanColumn = { id: ctx.ids.next(), name: 'row_number', type: Types.int8 };
  const numbered: WindowNode = {
    kind: 'window',
    input,
    calls: [
      {
        fn: 'row_number',
        args: [],
        distinct: false,
        filter: null,
        partitionBy: keys,
        orderBy,
        frame: null,
        ignoreNulls: false,
        type: Types.int8,
      },
    ],
    columns: [...input.columns, n],
  };
  const first = call('=', Types.bool, [ref(n.id, n.type), constant(Types.int8, 1n)]);
  return { kind: 'filter', input: numbered, predicate: first, columns: numbered.columns };
}
