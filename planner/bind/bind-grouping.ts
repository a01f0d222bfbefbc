import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { ColumnRef, Expr, FunctionCall } from '../../src/sql/ast.js';
import { call, constant, ref, type BoundExpr } from '../plan/bound-expr.js';
import type { AggregateNode, LogicalPlan, PlanColumn } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { functionName, isAggregateCall } from './bind-function.js';
import { AggregateCalls } from './bind-aggregate.js';
import { expandGroupBy, shapeOf } from './grouping-sets.js';
import { outputName } from './output-name.js';
import { findColumn } from './resolve-column.js';
import type { ScopeColumn } from './scope.js';

/** Whether an expression calls an aggregate at this query level (not inside a subquery). */
export function containsAggregate(e: unknown, ctx: Pick<BindContext, 'functions'>): boolean {
  if (e === null || typeof e !== 'object') return false;
  const node = e as { kind?: unknown };
  if (node.kind === 'function' && isAggregateCall(e as FunctionCall, ctx)) return true;
  if (node.kind === 'scalar-subquery' || node.kind === 'exists' || node.kind === 'query') {
    return false;
  }
  if (node.kind === 'in-subquery')
    return containsAggregate((e as { operand: unknown }).operand, ctx);
  return Object.values(e).some((v) => containsAggregate(v, ctx));
}

/**
 * GROUP BY and aggregates (docs §7.2.3–7.2.4): keys are bound over the input; in the
 * select list, HAVING and ORDER BY, a subexpression equal to a key becomes the key's
 * output column, an aggregate call becomes its aggregate's output column, GROUPING()
 * reads the grouping-set id, and any other input column is 42803.
 */
export class Grouping {
  readonly keys: BoundExpr[];
  readonly keyColumns: PlanColumn[];
  readonly sets: readonly (readonly number[])[] | null;
  private readonly keyShapes: string[];
  private readonly aggregates: AggregateCalls;
  private readonly groupingId: PlanColumn | null;

  constructor(
    groupBy: readonly Expr[],
    private readonly input: BindContext,
  ) {
    const expanded = expandGroupBy(groupBy);
    const keyCtx: BindContext = { ...input, clause: 'GROUP BY' };
    this.keys = expanded.keys.map((g) => bindExpr(g, keyCtx));
    this.keyShapes = expanded.keys.map(shapeOf);
    this.sets = expanded.sets;
    // A plain column key keeps its id (no grouping sets: its values pass through unchanged),
    // so correlated subqueries and ORDER BY that name it see the same column.
    this.keyColumns = this.keys.map((k, i) => ({
      id: k.kind === 'ref' && this.sets === null ? k.id : input.ids.next(),
      name: outputName(expanded.keys[i] as Expr),
      type: k.type,
    }));
    this.aggregates = new AggregateCalls(input);
    this.groupingId =
      this.sets === null ? null : { id: input.ids.next(), name: 'grouping', type: Types.int8 };
  }

  /** The context binding post-aggregate expressions. */
  context(clause: string, base: BindContext = this.input): BindContext {
    return { ...base, clause, grouped: (e, ctx) => this.replace(e, ctx) };
  }

  /** The aggregate node over `input`, once every post-aggregate expression is bound. */
  node(input: LogicalPlan): AggregateNode {
    const calls = this.aggregates.calls;
    return {
      kind: 'aggregate',
      input,
      keys: this.keys,
      aggregates: calls.map((c) => c.call),
      groupingSets: this.sets,
      partial: false,
      columns: [
        ...this.keyColumns,
        ...calls.map((c) => c.column),
        ...(this.groupingId ? [this.groupingId] : []),
      ],
    };
  }

  /** A `*` column in a grouped query: fine when it is a key, else 42803. */
  starColumn(c: ScopeColumn, ctx: BindContext, span: Expr['span']): BoundExpr {
    const k = this.keys.findIndex((key) => key.kind === 'ref' && key.id === c.id);
    const col = this.keyColumns[k];
    if (col) return ref(col.id, col.type);
    throw this.notGrouped(c, ctx, span);
  }

  private replace(e: Expr, ctx: BindContext): BoundExpr | null {
    const k = this.keyShapes.indexOf(shapeOf(e));
    const key = this.keyColumns[k];
    if (key) return ref(key.id, key.type);
    if (e.kind === 'function' && functionName(e) === 'grouping' && e.over === null) {
      return this.grouping(e, ctx);
    }
    if (e.kind === 'function' && isAggregateCall(e, ctx)) return this.aggregates.bind(e, ctx);
    if (e.kind === 'column') return this.column(e, ctx);
    return null;
  }

  private column(e: ColumnRef, ctx: BindContext): BoundExpr {
    const c = findColumn(e, this.input); // 42703 first, as PostgreSQL
    if (!this.input.scope.columns.some((x) => x.id === c.id)) return ref(c.id, c.type); // outer
    return this.starColumn(c, ctx, e.span);
  }

  private notGrouped(c: ScopeColumn, ctx: BindContext, span: Expr['span']): Error {
    const name = c.qualifier ? `${c.qualifier}.${c.name}` : c.name;
    return failAt(
      ctx,
      span,
      SqlState.groupingError,
      `column "${name}" must appear in the GROUP BY clause or be used in an aggregate function`,
    );
  }

  /**
   * GROUPING(a, b): bit i (from the left) is 1 when argument i is not grouped in the
   * row's set. The aggregate's grouping id has one bit per key, the first key highest;
   * this extracts the arguments' bits with int8 arithmetic and returns int4.
   */
  private grouping(e: FunctionCall, ctx: BindContext): BoundExpr {
    const indexes = e.args.map((a) => {
      const i = this.keyShapes.indexOf(shapeOf(a));
      if (i < 0) {
        throw failAt(
          ctx,
          a.span,
          SqlState.groupingError,
          'arguments to GROUPING must be grouping expressions of the associated query level',
        );
      }
      return i;
    });
    if (!this.groupingId) return constant(Types.int4, 0);
    const gid = ref(this.groupingId.id, Types.int8);
    const n = indexes.length;
    const K = this.keys.length;
    const int8 = (v: bigint): BoundExpr => constant(Types.int8, v);
    const terms = indexes.map((k, i) => {
      const bit = call('%', Types.int8, [
        call('/', Types.int8, [gid, int8(1n << BigInt(K - 1 - k))]),
        int8(2n),
      ]);
      return call('*', Types.int8, [bit, int8(1n << BigInt(n - 1 - i))]);
    });
    const sum = terms.reduce((a, b) => call('+', Types.int8, [a, b]));
    return { kind: 'cast', type: Types.int4, operand: sum };
  }
}
