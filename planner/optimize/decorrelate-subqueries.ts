import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr, BoundSubquery, ColumnId } from '../plan/bound-expr.js';
import {
  andAll,
  conjuncts,
  hasSubquery,
  refsOf,
  substituteRefs,
  transformExpr,
} from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { filter, join, markColumn, projectIds } from '../plan/plan-factories.js';
import { freeRefs, nextColumnId, transformUp, withChildren } from '../plan/plan-visit.js';
import { decorrelateScalar, peelCorrelation, type IdSource } from './decorrelate-scalar.js';

/**
 * Subqueries in filters and select lists become joins, so they run once as a set
 * operation rather than once per outer row:
 * - a WHERE conjunct `EXISTS` / `IN` → semi join; `NOT EXISTS` → anti join;
 *   uncorrelated `NOT IN` → null-aware anti join (TPC-H Q4, Q16, Q20, Q21, Q22);
 * - `EXISTS` / `IN` elsewhere (under OR, in the select list) → mark join, whose mark
 *   column replaces the subquery (nullAware = IN's three-valued result; without it
 *   the mark is plain EXISTS true/false);
 * - a correlated scalar aggregate → grouped aggregate + left join
 *   (decorrelate-scalar.ts, Q2, Q17, Q20).
 * Correlation must be conjuncts of filters on top of the subquery (any comparison for
 * semi/anti/mark, equality for scalars). What does not fit stays a BoundSubquery,
 * which the executor runs once (uncorrelated) or per outer row. `ids` must be fresh
 * for the whole statement when `plan` is a subquery's.
 */
export function decorrelateSubqueries(
  plan: LogicalPlan,
  ids: IdSource = { next: nextColumnId(plan) },
): LogicalPlan {
  return transformUp(plan, (node) => {
    if (node.kind === 'filter') return rewriteFilter(node.input, node.predicate, node.columns, ids);
    if (node.kind === 'project') {
      // The binder sorts below the select list; the joins go under that ordering so
      // it stays the last thing to touch row order.
      const { base, rebuild } = underOrdering(node.input);
      let input = base;
      const exprs = node.exprs.map((e) => {
        const r = replaceNested(input, e, ids);
        input = r.input;
        return r.expr;
      });
      return input === base ? undefined : { ...node, input: rebuild(input), exprs };
    }
    return undefined;
  });
}

/** The input below any Sort/Limit/TopN chain, and how to put that chain back on top. */
function underOrdering(p: LogicalPlan): {
  base: LogicalPlan;
  rebuild: (x: LogicalPlan) => LogicalPlan;
} {
  if (p.kind !== 'sort' && p.kind !== 'limit' && p.kind !== 'top-n') {
    return { base: p, rebuild: (x) => x };
  }
  const inner = underOrdering(p.input);
  return { base: inner.base, rebuild: (x) => withChildren(p, [inner.rebuild(x)]) };
}

function rewriteFilter(
  input0: LogicalPlan,
  predicate: BoundExpr,
  columns: LogicalPlan['columns'],
  ids: IdSource,
): LogicalPlan | undefined {
  let input = input0;
  const residual: BoundExpr[] = [];
  for (const c of conjuncts(predicate)) {
    const semi = semiJoin(input, c);
    if (semi) {
      input = semi;
      continue;
    }
    const r = replaceNested(input, c, ids);
    input = r.input;
    residual.push(r.expr);
  }
  if (input === input0) return undefined;
  const rest = andAll(residual);
  const out = rest ? filter(input, rest) : input;
  return out.columns.length === columns.length
    ? out
    : projectIds(
        out,
        columns.map((c) => c.id),
      );
}

/** `[NOT] EXISTS` / `[NOT] IN` as a whole conjunct. */
function asSubquery(c: BoundExpr): { sub: BoundSubquery; negated: boolean } | null {
  if (c.kind === 'subquery' && c.mode !== 'scalar') return { sub: c, negated: c.negated };
  if (c.kind === 'call' && c.fn === 'not' && c.args[0]?.kind === 'subquery') {
    const sub = c.args[0];
    return sub.mode === 'scalar' ? null : { sub, negated: !sub.negated };
  }
  return null;
}

/**
 * The join for EXISTS/IN over `input`: its right side and condition, and `clean` when
 * the outer row enters only through IN's comparison as `outer = right` equalities
 * (so a null-aware join's three-valued NULL rule over the whole subquery result
 * holds); null when not decorrelatable.
 */
interface JoinParts {
  readonly right: LogicalPlan;
  readonly on: readonly BoundExpr[];
  readonly clean: boolean;
}

function joinParts(input: LogicalPlan, sub: BoundSubquery): JoinParts | null {
  const outer = new Set(input.columns.map((c) => c.id));
  const first = sub.plan.columns[0];
  const rowIn = isRowIn(sub);
  if (freeRefs(sub.plan).size === 0 && !rowIn) {
    if (sub.mode !== 'in' || !sub.operand || !first)
      return { right: sub.plan, on: [], clean: true };
    const on = eq(sub.operand, { kind: 'ref', id: first.id, type: first.type });
    // `3 NOT IN (...)`: a constant operand is no join key, and as a join filter it would
    // lose IN's NULL answer; the subquery runs once instead.
    const inner = new Set(sub.plan.columns.map((c) => c.id));
    return { right: sub.plan, on: [on], clean: isCrossEquality(on, outer, inner) };
  }
  // Strip projections (their output only matters as IN's value, substituted below).
  let p = sub.plan;
  let value: BoundExpr | null = first ? { kind: 'ref', id: first.id, type: first.type } : null;
  while (p.kind === 'project') {
    const proj = p;
    const map = new Map(proj.columns.map((c, i) => [c.id, proj.exprs[i] as BoundExpr]));
    value = value && substituteRefs(value, map);
    p = proj.input;
  }
  const corr = peelCorrelation(p, outer);
  if (!corr) return null;
  const on = [...corr.conds];
  let clean = corr.conds.length === 0;
  if (sub.mode === 'in' && sub.operand && value) {
    // `TRUE IN (SELECT a = x AND b = y ...)` (a row IN, bind-quantified.ts): TRUE = v
    // is v itself, so the equalities join directly.
    const comparison = rowIn ? conjuncts(value) : [eq(sub.operand, value)];
    const inner = new Set(corr.body.columns.map((c) => c.id));
    clean &&= comparison.every((c) => isCrossEquality(c, outer, inner));
    on.push(...comparison);
  }
  return { right: corr.body, on, clean };
}

/** `TRUE [NOT] IN (SELECT <boolean> ...)`: how the binder writes a row IN. */
function isRowIn(sub: BoundSubquery): boolean {
  const o = sub.operand;
  return sub.mode === 'in' && o?.kind === 'const' && o.value === true && o.type.kind === 'bool';
}

/** `l = r` with l reading only outer columns and r only inner ones, or the reverse. */
function isCrossEquality(
  e: BoundExpr,
  outer: ReadonlySet<ColumnId>,
  inner: ReadonlySet<ColumnId>,
): boolean {
  if (e.kind !== 'call' || e.fn !== '=' || e.args.length !== 2) return false;
  const within = (x: BoundExpr, ids: ReadonlySet<ColumnId>): boolean => {
    const refs = [...refsOf(x)];
    return refs.length > 0 && refs.every((id) => ids.has(id)) && !hasSubquery(x);
  };
  const [a, b] = e.args as [BoundExpr, BoundExpr];
  return (within(a, outer) && within(b, inner)) || (within(a, inner) && within(b, outer));
}

function semiJoin(input: LogicalPlan, c: BoundExpr): LogicalPlan | null {
  const s = asSubquery(c);
  if (!s) return null;
  const parts = joinParts(input, s.sub);
  if (!parts) return null;
  const nullAware = s.negated && s.sub.mode === 'in';
  // NOT IN's NULL rule is over the whole subquery result: the outer row may only
  // enter through the comparison itself.
  if (nullAware && !parts.clean) return null;
  return join(s.negated ? 'anti' : 'semi', input, parts.right, andAll(parts.on), { nullAware });
}

/** Replaces decorrelatable subqueries anywhere inside `e` by columns of joins added to `input`. */
function replaceNested(
  input0: LogicalPlan,
  e: BoundExpr,
  ids: IdSource,
): { input: LogicalPlan; expr: BoundExpr } {
  let input = input0;
  const expr = transformExpr(e, (x) => {
    if (x.kind !== 'subquery') return undefined;
    if (x.mode === 'scalar') {
      const r = decorrelateScalar(input, x, ids);
      if (!r) return undefined;
      input = r.input;
      return r.value;
    }
    // Uncorrelated EXISTS runs once anyway; a correlated IN's NULL rule is per outer
    // row's subquery result, which a mark over one join condition cannot tell apart
    // unless the outer row enters only through the comparison (`clean`).
    if (x.mode === 'exists' && freeRefs(x.plan).size === 0) return undefined;
    const parts = joinParts(input, x);
    if (!parts || (x.mode === 'in' && !parts.clean)) return undefined;
    const mark = markColumn(ids.next++);
    input = join('mark', input, parts.right, andAll(parts.on), {
      mark,
      nullAware: x.mode === 'in',
    });
    const m: BoundExpr = { kind: 'ref', id: mark.id, type: Types.bool };
    return x.negated ? { kind: 'call', fn: 'not', type: Types.bool, args: [m] } : m;
  });
  return { input, expr };
}

const eq = (a: BoundExpr, b: BoundExpr): BoundExpr => ({
  kind: 'call',
  fn: '=',
  type: Types.bool,
  args: [a, b],
});
