import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr, BoundSubquery } from '../plan/bound-expr.js';
import { andAll, conjuncts, substituteRefs, transformExpr } from '../plan/expr-visit.js';
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

/** The join condition for EXISTS/IN over `input`, and the right side; null when not decorrelatable. */
function joinParts(
  input: LogicalPlan,
  sub: BoundSubquery,
): { right: LogicalPlan; on: BoundExpr[] } | null {
  const outer = new Set(input.columns.map((c) => c.id));
  const first = sub.plan.columns[0];
  if (freeRefs(sub.plan).size === 0) {
    const on =
      sub.mode === 'in' && sub.operand && first
        ? [eq(sub.operand, { kind: 'ref', id: first.id, type: first.type })]
        : [];
    return { right: sub.plan, on };
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
  if (sub.mode === 'in' && sub.operand && value) on.push(eq(sub.operand, value));
  return { right: corr.body, on };
}

function semiJoin(input: LogicalPlan, c: BoundExpr): LogicalPlan | null {
  const s = asSubquery(c);
  if (!s) return null;
  const parts = joinParts(input, s.sub);
  if (!parts) return null;
  const nullAware = s.negated && s.sub.mode === 'in';
  // NOT IN's NULL rule is over the whole subquery result: only uncorrelated ones fit.
  if (nullAware && freeRefs(s.sub.plan).size > 0) return null;
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
    const correlated = freeRefs(x.plan).size > 0;
    // Uncorrelated EXISTS runs once anyway; a correlated IN's NULL rule is per outer
    // row's subquery result, which a mark over one join condition cannot tell apart.
    if (correlated === (x.mode === 'in')) return undefined;
    const parts = joinParts(input, x);
    if (!parts) return undefined;
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
