import { unsupported } from '../../src/common/errors.js';
import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Expr, Quantified, Query } from '../../src/sql/ast.js';
import { call, constant, ref, type BoundExpr } from '../plan/bound-expr.js';
import type {
  AggregateCall,
  AggregateNode,
  LogicalPlan,
  PlanColumn,
  TableFunctionNode,
} from '../plan/logical-plan.js';
import { failAt, positionOf, type BindContext } from './bind-context.js';
import { compareRows, compareValues } from './bind-row.js';
import { bindNested, inSubquery } from './bind-subquery.js';
import { coerceTo } from './coerce.js';

type Bind = (e: Expr, ctx: BindContext) => BoundExpr;
const BOOL = Types.bool;

/** Where PostgreSQL points for ANY/ALL errors: the operator after the operand. */
function operatorAt(e: Quantified, ctx: BindContext): number {
  const after = ctx.text.slice(e.operand.span.end);
  return e.operand.span.end + (after.length - after.trimStart().length);
}

/** `= ANY` is IN and `<> ALL` is NOT IN (docs §9.23.4): the semi/anti/mark-join path. */
function isIn(e: Pick<Quantified, 'op' | 'quantifier'>): boolean {
  return (e.op === '=' && e.quantifier === 'any') || (e.op === '<>' && e.quantifier === 'all');
}

/** `x op ANY|ALL (subquery | array)` (docs §9.23, §9.24). */
export function bindQuantified(e: Quantified, ctx: BindContext, bind: Bind): BoundExpr {
  const at = operatorAt(e, ctx);
  if (e.query !== null) return bindQuantifiedSubquery(e, e.query, ctx, bind, at);
  return bindQuantifiedArray(e, e.array as Expr, ctx, bind, at);
}

/**
 * Against a subquery: `= ANY` / `<> ALL` of one value become IN / NOT IN; any other
 * operator, and row operands, an aggregate over the subquery's rows (see `decide`).
 */
export function bindQuantifiedSubquery(
  e: Pick<Quantified, 'operand' | 'op' | 'quantifier'>,
  query: Query,
  ctx: BindContext,
  bind: Bind,
  at: number,
): BoundExpr {
  const row = e.operand.kind === 'row' ? e.operand.items : null;
  const lefts = (row ?? [e.operand]).map((x) => bind(x, ctx));
  const r = bindNested(query, ctx);
  if (r.columns.length !== lefts.length) {
    const few = r.columns.length < lefts.length;
    const message = `subquery has too ${few ? 'few' : 'many'} columns`;
    throw failAt(ctx, at, SqlState.syntaxError, message);
  }
  const [single] = lefts;
  if (row === null && single && isIn(e)) {
    return inSubquery(single, r, e.quantifier === 'all', ctx, at, e.operand.span.start);
  }
  if (row !== null && isIn(e)) return rowIn(lefts, r.plan, row, e.quantifier === 'all', ctx, at);
  const rights = r.columns.map((c) => ref(c.id, c.type));
  const test =
    row === null && single && rights[0]
      ? compareValues(e.op, single, rights[0], ctx, at, e.operand.span.start)
      : compareRows(e.op, lefts, rights, ctx, at, {
          left: (row ?? []).map((x) => x.span.start),
          right: [],
        });
  return decide(r.plan, test, e.quantifier, ctx);
}

/**
 * `(a, b) [NOT] IN (SELECT x, y ...)` (`= ANY` / `<> ALL`) as `TRUE [NOT] IN (SELECT
 * a = x AND b = y ...)`: IN over the row equalities is true when one is true, NULL
 * when none is but one is NULL, false otherwise (also on no rows), which is exactly
 * the row IN of docs §9.23.3. Being an IN subquery, decorrelate-subqueries.ts makes it
 * a semi join, a null-aware anti join or a mark join on the equalities.
 */
function rowIn(
  lefts: readonly BoundExpr[],
  input: LogicalPlan,
  row: readonly Expr[],
  negated: boolean,
  ctx: BindContext,
  at: number,
): BoundExpr {
  const rights = input.columns.map((c) => ref(c.id, c.type));
  const starts = { left: row.map((x) => x.span.start), right: [] };
  const test = compareRows('=', lefts, rights, ctx, at, starts);
  const out: PlanColumn = { id: ctx.ids.next(), name: '?column?', type: BOOL };
  const plan: LogicalPlan = { kind: 'project', input, exprs: [test], columns: [out] };
  const operand = constant(BOOL, true);
  return { kind: 'subquery', type: BOOL, mode: 'in', plan, operand, negated };
}

const aggregate = (fn: string, args: BoundExpr[]): AggregateCall => ({
  fn,
  args,
  distinct: false,
  filter: null,
  orderBy: [],
  type: fn === 'count' ? Types.int8 : BOOL,
});

/**
 * ANY/ALL with three-valued logic (docs §9.23.4) as one aggregate row over the
 * subquery, correlated through `test`: ANY is true when some test is true, else NULL
 * when some test was NULL (count(*) > count(test)), else false (also on no rows); ALL
 * is false when some test is false, else NULL when some was NULL, else true.
 */
function decide(
  input: LogicalPlan,
  test: BoundExpr,
  quantifier: Quantified['quantifier'],
  ctx: BindContext,
): BoundExpr {
  const column = (name: string, type = Types.int8): PlanColumn => ({
    id: ctx.ids.next(),
    name,
    type,
  });
  const any = quantifier === 'any';
  const columns = [column(any ? 'bool_or' : 'bool_and', BOOL), column('count'), column('count')];
  const node: AggregateNode = {
    kind: 'aggregate',
    input,
    keys: [],
    aggregates: [
      aggregate(any ? 'bool_or' : 'bool_and', [test]),
      aggregate('count', []),
      aggregate('count', [test]),
    ],
    groupingSets: null,
    partial: false,
    columns,
  };
  const [d, rows, known] = columns.map((c) => ref(c.id, c.type)) as [
    BoundExpr,
    BoundExpr,
    BoundExpr,
  ];
  const decisive = any ? d : call('not', BOOL, [d]);
  const result: BoundExpr = {
    kind: 'case',
    type: BOOL,
    whens: [
      { when: decisive, then: constant(BOOL, any) },
      { when: call('>', BOOL, [rows, known]), then: constant(BOOL, null) },
    ],
    otherwise: constant(BOOL, !any),
  };
  const out = column('?column?', BOOL);
  const plan: LogicalPlan = { kind: 'project', input: node, exprs: [result], columns: [out] };
  return { kind: 'subquery', type: BOOL, mode: 'scalar', plan, operand: null, negated: false };
}

/**
 * Against an array (docs §9.24.3): `ARRAY[...]` written out becomes comparisons
 * joined by OR (ANY) or AND (ALL); any other array (a column, `$1`) is unnested into a
 * subquery, IN for `= ANY`, else the aggregate above; a NULL array gives NULL.
 */
function bindQuantifiedArray(
  e: Quantified,
  arrayExpr: Expr,
  ctx: BindContext,
  bind: Bind,
  at: number,
): BoundExpr {
  if (e.operand.kind === 'row') {
    throw unsupported('row values with ANY/ALL (array) are not supported yet', positionOf(ctx, at));
  }
  const operand = bind(e.operand, ctx);
  let array = bind(arrayExpr, ctx);
  if (array.type.kind === 'unknown') {
    const element = operand.type.kind === 'unknown' ? Types.text : operand.type;
    array = coerceTo(array, Types.array(element), ctx, arrayExpr.span.start);
  }
  if (array.type.kind !== 'array') {
    const message = 'op ANY/ALL (array) requires array on right side';
    throw failAt(ctx, at, '42809', message);
  }
  if (array.kind === 'call' && array.fn === 'array') {
    const starts = arrayExpr.kind === 'array' ? arrayExpr.elements.map((x) => x.span.start) : [];
    const opStart = e.operand.span.start;
    const tests = array.args.map((x, i) =>
      compareValues(e.op, operand, x, ctx, at, opStart, starts[i] ?? at),
    );
    if (tests.length === 0) return constant(BOOL, e.quantifier === 'all');
    if (tests.length === 1 && tests[0]) return tests[0];
    return { kind: e.quantifier === 'any' ? 'or' : 'and', type: BOOL, args: tests };
  }
  const element: PlanColumn = { id: ctx.ids.next(), name: 'unnest', type: array.type.element };
  const unnest: TableFunctionNode = {
    kind: 'table-function',
    fn: 'unnest',
    args: [array],
    input: null,
    ordinality: false,
    columns: [element],
  };
  const r = { plan: unnest, columns: [element] };
  const test = isIn(e)
    ? inSubquery(operand, r, e.quantifier === 'all', ctx, at, e.operand.span.start)
    : decide(
        unnest,
        compareValues(e.op, operand, ref(element.id, element.type), ctx, at, e.operand.span.start),
        e.quantifier,
        ctx,
      );
  if (array.kind === 'const' && array.value !== null) return test;
  return {
    kind: 'case',
    type: BOOL,
    whens: [{ when: call('is null', BOOL, [array]), then: constant(BOOL, null) }],
    otherwise: test,
  };
}
