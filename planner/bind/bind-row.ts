import { formatType, Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type {
  Binary,
  ComparisonOp,
  Expr,
  InList,
  RowConstructor,
  ScalarSubquery,
} from '../../src/sql/ast.js';
import { call, constant, ref, type BoundExpr } from '../plan/bound-expr.js';
import type { PlanColumn, ProjectNode } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { noOperator, operandType, operatorStart } from './bind-operators.js';
import { bindNested } from './bind-subquery.js';
import { coerceTo } from './coerce.js';

type Bind = (e: Expr, ctx: BindContext) => BoundExpr;
const BOOL = Types.bool;

/** One scalar comparison at the operands' common type; 42883 where there is none. */
export function compareValues(
  op: ComparisonOp,
  l: BoundExpr,
  r: BoundExpr,
  ctx: BindContext,
  at: number,
  lAt = at,
  rAt = at,
): BoundExpr {
  const t = operandType(l.type, r.type);
  if (t === null) throw noOperator(op, l.type, r.type, ctx, at);
  return call(op, BOOL, [coerceTo(l, t, ctx, lAt), coerceTo(r, t, ctx, rAt)]);
}

const and = (args: BoundExpr[]): BoundExpr =>
  args.length === 1 && args[0] ? args[0] : { kind: 'and', type: BOOL, args };
const or = (args: BoundExpr[]): BoundExpr =>
  args.length === 1 && args[0] ? args[0] : { kind: 'or', type: BOOL, args };

/**
 * Row-wise comparison (docs §9.24.5): `=` is every pair equal, `<>` any pair unequal;
 * `<`, `<=`, `>`, `>=` compare left to right and the first unequal or null pair
 * decides: `(a, b) < (c, d)` is `a < c OR (a = c AND b < d)`, which has exactly
 * PostgreSQL's three-valued answers.
 */
export function compareRows(
  op: ComparisonOp,
  ls: readonly BoundExpr[],
  rs: readonly BoundExpr[],
  ctx: BindContext,
  at: number,
  starts: { readonly left: readonly number[]; readonly right: readonly number[] } | null = null,
): BoundExpr {
  const pair = (o: ComparisonOp, i: number): BoundExpr =>
    compareValues(
      o,
      ls[i] as BoundExpr,
      rs[i] as BoundExpr,
      ctx,
      at,
      starts?.left[i] ?? at,
      starts?.right[i] ?? at,
    );
  if (ls.length === 0) return constant(BOOL, op === '=' || op === '<=' || op === '>=');
  if (op === '=' || op === '<>') {
    const pairs = ls.map((_, i) => pair(op, i));
    return op === '=' ? and(pairs) : or(pairs);
  }
  const strict: ComparisonOp = op === '<' || op === '<=' ? '<' : '>';
  let result = pair(op, ls.length - 1);
  for (let i = ls.length - 2; i >= 0; i--) {
    result = or([pair(strict, i), and([pair('=', i), result])]);
  }
  return result;
}

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** The items of a row operand, bound; a non-row operand is one value. */
function rowItems(e: Expr, ctx: BindContext, bind: Bind): BoundExpr[] | null {
  return e.kind === 'row' ? e.items.map((x) => bind(x, ctx)) : null;
}

/** `(a, b) op (c, d)`: both sides rows of the same length (42601), op a comparison (42883). */
export function bindRowComparison(e: Binary, ctx: BindContext, bind: Bind): BoundExpr {
  const at = operatorStart(e, ctx);
  if (e.left.kind === 'row' && e.right.kind === 'scalar-subquery' && COMPARISONS.has(e.op)) {
    return bindRowSubqueryComparison(e, e.left, e.right, ctx, bind, at);
  }
  const ls = rowItems(e.left, ctx, bind);
  const rs = rowItems(e.right, ctx, bind);
  if (ls === null || rs === null || !COMPARISONS.has(e.op)) {
    const typeOf = (x: BoundExpr[] | null, side: Expr): string =>
      x === null ? formatType(bind(side, ctx).type) : 'record';
    throw failAt(
      ctx,
      at,
      SqlState.undefinedFunction,
      `operator does not exist: ${typeOf(ls, e.left)} ${e.op} ${typeOf(rs, e.right)}`,
      'No operator matches the given name and argument types. You might need to add explicit type casts.',
    );
  }
  if (ls.length !== rs.length) {
    throw failAt(ctx, at, SqlState.syntaxError, 'unequal number of entries in row expressions');
  }
  const starts = (side: Expr): number[] =>
    side.kind === 'row' ? side.items.map((x) => x.span.start) : [];
  const op = e.op as ComparisonOp;
  return compareRows(op, ls, rs, ctx, at, { left: starts(e.left), right: starts(e.right) });
}

/** `(a, b) [NOT] IN ((1, 2), (3, 4))`: row equalities joined by OR. */
export function bindRowInList(e: InList, ctx: BindContext, bind: Bind): BoundExpr {
  const eqs = e.list.map((item) =>
    bindRowComparison(
      { kind: 'binary', op: '=', left: e.operand, right: item, span: e.span },
      ctx,
      bind,
    ),
  );
  const any = or(eqs);
  return e.negated ? call('not', BOOL, [any]) : any;
}

/**
 * `(a, b) op (SELECT x, y ...)` (docs §9.23.5, PostgreSQL's ROWCOMPARE sublink): the
 * subquery yields at most one row (21000 on more), no row compares as NULLs, and its
 * width must be the row's (42601 too many / too few columns, at the operator). Each
 * column is its own scalar subquery, bound afresh so every copy has its own column
 * ids: an uncorrelated one still runs once per column (not per outer row, as one
 * subquery comparing against the outer row would), and a correlated aggregate is
 * decorrelated like any scalar subquery.
 */
function bindRowSubqueryComparison(
  e: Binary,
  row: RowConstructor,
  sub: ScalarSubquery,
  ctx: BindContext,
  bind: Bind,
  at: number,
): BoundExpr {
  const ls = row.items.map((x) => bind(x, ctx));
  const first = bindNested(sub.query, ctx);
  if (first.columns.length !== ls.length) {
    const few = first.columns.length < ls.length;
    throw failAt(ctx, at, SqlState.syntaxError, `subquery has too ${few ? 'few' : 'many'} columns`);
  }
  const rs = ls.map((_, i): BoundExpr => {
    const r = i === 0 ? first : bindNested(sub.query, ctx);
    const c = r.columns[i] as PlanColumn;
    const plan: ProjectNode = {
      kind: 'project',
      input: r.plan,
      exprs: [ref(c.id, c.type)],
      columns: [c],
    };
    return { kind: 'subquery', type: c.type, mode: 'scalar', plan, operand: null, negated: false };
  });
  const starts = { left: row.items.map((x) => x.span.start), right: [] };
  return compareRows(e.op as ComparisonOp, ls, rs, ctx, at, starts);
}
