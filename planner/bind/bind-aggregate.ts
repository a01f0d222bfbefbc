import { Types } from '../../src/common/sql-types.js';
import type { Expr, FunctionCall, OrderItem } from '../../src/sql/ast.js';
import { ref, type BoundExpr } from '../plan/bound-expr.js';
import type { AggregateCall, PlanColumn, SortKey } from '../plan/logical-plan.js';
import type { BindContext } from './bind-context.js';
import { bindCondition, bindExpr } from './bind-expr.js';
import { functionName, noFunction } from './bind-function.js';
import { coerceTo } from './coerce.js';
import { shapeOf } from './grouping-sets.js';

/** A sort key of an aggregate's or window's ORDER BY (PostgreSQL's NULLS default: last for ASC). */
export function bindSortKey(o: OrderItem, ctx: BindContext): SortKey {
  const expr = bindExpr(o.expr, ctx);
  return {
    expr: expr.type.kind === 'unknown' ? coerceTo(expr, Types.text, ctx, o.span.start) : expr,
    descending: o.descending,
    nullsFirst: o.nullsFirst ?? o.descending,
  };
}

/**
 * Arguments of an aggregate or window call, `f(*)` as no arguments: PostgreSQL looks
 * `sum(*)` up as `sum()` (42883 "function sum() does not exist", not 42601) and
 * accepts `row_number(*)`.
 */
export function bindCallArgs(e: FunctionCall, ctx: BindContext): BoundExpr[] {
  const star = e.args.length === 1 && e.args[0]?.kind === 'star';
  return star ? [] : e.args.map((a: Expr) => bindExpr(a, ctx));
}

/** The aggregate calls of one query level, each computed once however often it is written. */
export class AggregateCalls {
  readonly calls: { readonly call: AggregateCall; readonly column: PlanColumn }[] = [];
  private readonly shapes: string[] = [];

  constructor(private readonly input: BindContext) {}

  /** Binds `agg([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE ...)]` over the input; returns its output column. */
  bind(e: FunctionCall, ctx: BindContext): BoundExpr {
    const name = functionName(e);
    const inner: BindContext = { ...this.input, clause: 'aggregate function calls' };
    const args = bindCallArgs(e, inner);
    const signature = ctx.functions.aggregate(name)?.resolve(args.map((a) => a.type));
    if (!signature) throw noFunction(e, args, ctx);
    const coerced = args.map((a, i) =>
      coerceTo(a, signature.args[i] ?? a.type, ctx, e.args[i]?.span.start ?? e.span.start),
    );
    const filter = e.filter
      ? bindCondition(e.filter, { ...inner, clause: 'FILTER' }, 'FILTER')
      : null;
    const call: AggregateCall = {
      fn: name,
      args: coerced,
      distinct: e.distinct,
      filter,
      orderBy: e.orderBy.map((o) => bindSortKey(o, inner)),
      type: signature.returns,
    };
    const shape = shapeOf(call);
    const seen = this.shapes.indexOf(shape);
    const existing = this.calls[seen];
    if (existing) return ref(existing.column.id, existing.column.type);
    const column: PlanColumn = { id: this.input.ids.next(), name, type: signature.returns };
    this.calls.push({ call, column });
    this.shapes.push(shape);
    return ref(column.id, column.type);
  }
}
