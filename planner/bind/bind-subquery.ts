import { formatType, sameType, Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { commonType } from '../../src/common/type-coercion.js';
import type { Exists, Expr, InSubquery, ScalarSubquery } from '../../src/sql/ast.js';
import { call, ref, type BoundExpr, type BoundSubquery } from '../plan/bound-expr.js';
import { bindQuantifiedSubquery } from './bind-quantified.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { failAt, type BindContext, type BoundRelation } from './bind-context.js';
import { coerceTo } from './coerce.js';

/**
 * Subqueries in expressions (docs §9.23): each is bound as a query of its own whose
 * scope's parent is the enclosing query's, so a correlated reference is a `ref` to an
 * outer column id. The optimizer decorrelates what it can; the executor runs the rest.
 */
export function bindNested(query: ScalarSubquery['query'], ctx: BindContext): BoundRelation {
  // Group keys, aggregates and windows of the outer query do not apply inside.
  const { grouped: _g, windowed: _w, clause: _c, ...outer } = ctx;
  return ctx.bindSubquery(query, outer);
}

function subquery(
  mode: BoundSubquery['mode'],
  type: BoundSubquery['type'],
  plan: LogicalPlan,
  operand: BoundExpr | null,
  negated: boolean,
): BoundSubquery {
  return { kind: 'subquery', type, mode, plan, operand, negated };
}

export function bindScalarSubquery(e: ScalarSubquery, ctx: BindContext): BoundExpr {
  const r = bindNested(e.query, ctx);
  const [column, extra] = r.columns;
  if (!column || extra) {
    throw failAt(ctx, e.span, SqlState.syntaxError, 'subquery must return only one column');
  }
  return subquery('scalar', column.type, r.plan, null, false);
}

export function bindExists(e: Exists, ctx: BindContext): BoundExpr {
  const r = bindNested(e.query, ctx);
  return subquery('exists', Types.bool, r.plan, null, e.negated);
}

/** `x [NOT] IN (subquery)`: the operand and the column meet at their common type. */
export function bindInSubquery(
  e: InSubquery,
  ctx: BindContext,
  bind: (e: Expr, ctx: BindContext) => BoundExpr,
): BoundExpr {
  // PostgreSQL points at the IN keyword.
  const between = ctx.text.slice(e.operand.span.end, e.query.span.start).toLowerCase();
  const at = between.indexOf('in');
  const start = at < 0 ? e.span.start : e.operand.span.end + at;
  if (e.operand.kind === 'row') {
    const any = { ...e, kind: 'quantified', op: '=', quantifier: 'any', array: null } as const;
    const test = bindQuantifiedSubquery(any, e.query, ctx, bind, start);
    return e.negated ? call('not', Types.bool, [test]) : test;
  }
  const operand = bind(e.operand, ctx);
  const r = bindNested(e.query, ctx);
  const [column, extra] = r.columns;
  if (!column || extra) {
    throw failAt(ctx, start, SqlState.syntaxError, 'subquery has too many columns');
  }
  return inSubquery(operand, r, e.negated, ctx, e.span.start, e.operand.span.start);
}

/** `operand [NOT] IN (r)` over r's one column, at their common type (42883 at `at` when none). */
export function inSubquery(
  operand: BoundExpr,
  r: BoundRelation,
  negated: boolean,
  ctx: BindContext,
  at: number,
  operandAt: number,
): BoundExpr {
  const column = r.columns[0];
  if (!column) return subquery('in', Types.bool, r.plan, operand, negated);
  const t = commonType([operand.type, column.type]);
  if (t === null) {
    throw failAt(
      ctx,
      at,
      SqlState.undefinedFunction,
      `operator does not exist: ${formatType(operand.type)} = ${formatType(column.type)}`,
      'No operator matches the given name and argument types. You might need to add explicit type casts.',
    );
  }
  const lhs = coerceTo(operand, t, ctx, operandAt);
  const plan = sameType(column.type, t) ? r.plan : castColumn(r, t, ctx);
  return subquery('in', Types.bool, plan, lhs, negated);
}

/** Projects the subquery's one column to the comparison type. */
function castColumn(r: BoundRelation, t: BoundExpr['type'], ctx: BindContext): LogicalPlan {
  const c = r.columns[0];
  if (!c) return r.plan;
  const expr = coerceTo(ref(c.id, c.type), t, ctx, 0);
  return {
    kind: 'project',
    input: r.plan,
    exprs: [expr],
    columns: [{ id: ctx.ids.next(), name: c.name, type: t }],
  };
}
