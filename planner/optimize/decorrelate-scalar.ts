import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr, BoundSubquery, ColumnId } from '../plan/bound-expr.js';
import {
  andAll,
  conjuncts,
  hasSubquery,
  refsOf,
  refsOfAll,
  substituteRefs,
} from '../plan/expr-visit.js';
import type { LogicalPlan, PlanColumn } from '../plan/logical-plan.js';
import { aggregate, filter, join, planColumn } from '../plan/plan-factories.js';
import { freeRefs, nodeExprs } from '../plan/plan-visit.js';

/** Hands out fresh column ids for the columns a rewrite creates. */
export interface IdSource {
  next: ColumnId;
}

/** A subquery body split into the uncorrelated part and its correlated conjuncts. */
export interface Correlation {
  /** The body with the correlated conjuncts removed: no free refs left. */
  readonly body: LogicalPlan;
  readonly conds: readonly BoundExpr[];
}

/**
 * Peels the filters on top of `plan` and takes out the conjuncts that read outer
 * columns; null when correlation hides anywhere else (inside a join, under an
 * aggregate, a limit) or reads columns `outer` does not provide.
 */
export function peelCorrelation(
  plan: LogicalPlan,
  outer: ReadonlySet<ColumnId>,
): Correlation | null {
  const free = freeRefs(plan);
  if ([...free].some((id) => !outer.has(id))) return null;
  const cs: BoundExpr[] = [];
  let p = plan;
  while (p.kind === 'filter') {
    cs.push(...conjuncts(p.predicate));
    p = p.input;
  }
  if (freeRefs(p).size > 0) return null;
  const reads = (c: BoundExpr): boolean => [...refsOf(c)].some((id) => free.has(id));
  const conds = cs.filter(reads);
  if (conds.some(hasSubquery)) return null;
  const rest = andAll(cs.filter((c) => !reads(c)));
  return { body: rest ? filter(p, rest) : p, conds };
}

/** Aggregates that return 0, not NULL, over no rows: the COUNT bug's victims. */
const ZERO_ON_EMPTY = new Set(['count', 'count_if', 'approx_count_distinct']);

/**
 * A correlated scalar subquery over an ungrouped aggregate, correlated by equality
 * (TPC-H Q2, Q17, Q20), becomes the aggregate grouped by the correlation keys, left
 * joined to the outer rows. Returns the new input and the expression that replaces
 * the subquery. Outer rows without a group see NULL aggregates, which is right
 * except for COUNT: a correlated `count(*)` over no rows is 0, so count outputs are
 * read through COALESCE(…, 0) (the "COUNT bug", Kim 1982 / Ganski & Wong 1987).
 */
export function decorrelateScalar(
  input: LogicalPlan,
  sub: BoundSubquery,
  ids: IdSource,
): { input: LogicalPlan; value: BoundExpr } | null {
  const outer = new Set(input.columns.map((c) => c.id));
  let p = sub.plan;
  const top = p.kind === 'project' ? p : null;
  if (top) p = top.input;
  if (p.kind !== 'aggregate' || p.keys.length > 0 || p.groupingSets !== null) return null;
  const agg = p;
  const free = freeRefs(sub.plan);
  if (free.size === 0 || [...refsOfAll(nodeExprs(agg))].some((id) => free.has(id))) return null;
  const corr = peelCorrelation(agg.input, outer);
  if (!corr) return null;
  const pairs = corr.conds.map((c) => equiPair(c, free));
  if (pairs.some((x) => x === null)) return null;
  const keyCols: PlanColumn[] = [];
  const on: BoundExpr[] = [];
  for (const pair of pairs) {
    if (!pair) continue;
    const key = planColumn(ids.next++, 'key', pair.inner.type);
    keyCols.push(key);
    on.push({
      kind: 'call',
      fn: '=',
      type: Types.bool,
      args: [pair.outer, { kind: 'ref', id: key.id, type: key.type }],
    });
  }
  const grouped = aggregate(
    corr.body,
    pairs.map((x) => x!.inner),
    agg.aggregates,
    [...keyCols, ...agg.columns],
  );
  const fix = new Map<ColumnId, BoundExpr>();
  agg.aggregates.forEach((a, i) => {
    const c = agg.columns[i];
    if (!c || !ZERO_ON_EMPTY.has(a.fn)) return;
    const zero: BoundExpr = { kind: 'const', type: c.type, value: c.type.kind === 'int8' ? 0n : 0 };
    fix.set(c.id, {
      kind: 'coalesce',
      type: c.type,
      args: [{ kind: 'ref', id: c.id, type: c.type }, zero],
    });
  });
  const first = agg.columns[0];
  const raw: BoundExpr | undefined = top
    ? top.exprs[0]
    : first && { kind: 'ref', id: first.id, type: first.type };
  if (!raw) return null;
  return { input: join('left', input, grouped, andAll(on)), value: substituteRefs(raw, fix) };
}

/** `inner = outer`, either way round: one side reads only the subquery, the other only outer columns. */
function equiPair(
  c: BoundExpr,
  free: ReadonlySet<ColumnId>,
): { inner: BoundExpr; outer: BoundExpr } | null {
  if (c.kind !== 'call' || c.fn !== '=' || c.args.length !== 2) return null;
  const [a, b] = c.args as [BoundExpr, BoundExpr];
  const side = (e: BoundExpr): 'outer' | 'inner' | null => {
    const r = [...refsOf(e)];
    if (r.length === 0 || hasSubquery(e)) return null;
    if (r.every((id) => free.has(id))) return 'outer';
    return r.some((id) => free.has(id)) ? null : 'inner';
  };
  const sa = side(a);
  const sb = side(b);
  if (sa === 'inner' && sb === 'outer') return { inner: a, outer: b };
  if (sa === 'outer' && sb === 'inner') return { inner: b, outer: a };
  return null;
}
