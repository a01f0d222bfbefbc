import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { andAll, conjuncts, refsOf } from '../plan/expr-visit.js';
import type { JoinNode, LogicalPlan } from '../plan/logical-plan.js';
import { join, projectIds } from '../plan/plan-factories.js';
import { children, withChildren } from '../plan/plan-visit.js';
import {
  estimateRows,
  isEquiJoin,
  joinRows,
  NO_STATS,
  type DistinctOf,
  type TableStats,
} from './estimate-rows.js';
import { buildCostRows } from './probe-rows.js';
import { semiJoinBuildSide } from './semi-join-build-side.js';

/**
 * Join ordering for chains of inner joins (TPC-H Q5, Q7, Q8, Q9 list their tables
 * comma-separated, and the binder nests them as cross joins): greedy, left-deep.
 * Start from the largest input (the fact table, probed), then repeatedly join the
 * smallest input that some condition connects to what is joined so far, so no
 * cross product appears while a condition could avoid it; the smaller side of each
 * join is the hash build side (an aggregate counting as its input, probe-rows.ts). Runs
 * after filter pushdown, so inputs' sizes reflect their filters. The chain's output
 * column order is restored with a projection. Semi and anti joins get the same choice
 * of build side (semi-join-build-side.ts).
 */
export function orderJoins(plan: LogicalPlan, stats: TableStats = NO_STATS): LogicalPlan {
  if (isInner(plan)) return orderChain(plan, stats);
  const out = withChildren(
    plan,
    children(plan).map((c) => orderJoins(c, stats)),
  );
  return out.kind === 'join' ? semiJoinBuildSide(out, stats) : out;
}

/** A LATERAL join's right side reads its left: it stays whole, a leaf of any chain. */
const isInner = (p: LogicalPlan): p is JoinNode =>
  p.kind === 'join' && (p.joinType === 'inner' || p.joinType === 'cross') && p.lateral !== true;

function flatten(p: LogicalPlan, leaves: LogicalPlan[], conds: BoundExpr[]): void {
  if (!isInner(p)) {
    leaves.push(p);
    return;
  }
  flatten(p.left, leaves, conds);
  flatten(p.right, leaves, conds);
  conds.push(...conjuncts(p.condition));
}

interface Part {
  readonly plan: LogicalPlan;
  readonly ids: ReadonlySet<ColumnId>;
  readonly rows: number;
}

const part = (plan: LogicalPlan, rows: number): Part => ({
  plan,
  rows,
  ids: new Set(plan.columns.map((c) => c.id)),
});

function orderChain(top: JoinNode, stats: TableStats): LogicalPlan {
  const leaves: LogicalPlan[] = [];
  const conds: BoundExpr[] = [];
  flatten(top, leaves, conds);
  const parts = leaves.map((l) => {
    const plan = orderJoins(l, stats);
    return part(plan, estimateRows(plan, stats));
  });
  const all = new Set(parts.flatMap((p) => [...p.ids]));
  // Only the chain's own columns matter; outer (correlated) refs are available anywhere.
  const local = conds.map((c) => [...refsOf(c)].filter((id) => all.has(id)));
  const pending = conds.map((_c, i) => i);
  const covered = (i: number, a: Part, b: Part): boolean =>
    (local[i] ?? []).every((id) => a.ids.has(id) || b.ids.has(id));
  const connects = (i: number, a: Part, b: Part): boolean =>
    covered(i, a, b) &&
    (local[i] ?? []).some((id) => a.ids.has(id)) &&
    (local[i] ?? []).some((id) => b.ids.has(id));

  const distinct = distinctCounts(leaves, stats);
  const conditionWith = (p: Part): BoundExpr | null =>
    andAll(pending.filter((i) => covered(i, current, p)).map((i) => conds[i] as BoundExpr));
  const rest = [...parts];
  rest.sort((a, b) => b.rows - a.rows);
  let current = rest.shift() as Part;
  while (rest.length > 0) {
    const linked = rest.filter((p) => pending.some((i) => connects(i, current, p)));
    const pool = linked.length > 0 ? linked : rest;
    // The input whose join grows the result least (a join on a 25-value key multiplies
    // rows), then the smaller one. A join with no equality is a nested loop: it costs
    // every pair it tests, however few survive.
    const cost = (p: Part): [number, number] => {
      const condition = conditionWith(p);
      const hashable = conjuncts(condition).some(isEquiJoin);
      return [
        hashable ? joinRows(current.rows, p.rows, condition, distinct) : current.rows * p.rows,
        p.rows,
      ];
    };
    const next = pool.reduce((a, b) => {
      const [ca, ra] = cost(a);
      const [cb, rb] = cost(b);
      return cb < ca || (cb === ca && rb < ra) ? b : a;
    });
    rest.splice(rest.indexOf(next), 1);
    const here = pending.filter((i) => covered(i, current, next));
    for (const i of here) pending.splice(pending.indexOf(i), 1);
    const condition = andAll(here.map((i) => conds[i] as BoundExpr));
    const buildRight =
      buildCostRows(next, current, condition, stats) <=
      buildCostRows(current, next, condition, stats);
    const node = join(condition ? 'inner' : 'cross', current.plan, next.plan, condition, {
      buildSide: buildRight ? 'right' : 'left',
    });
    current = {
      plan: node,
      ids: new Set([...current.ids, ...next.ids]),
      rows: joinRows(current.rows, next.rows, condition, distinct),
    };
  }
  const result = current.plan;
  const same =
    result.columns.length === top.columns.length &&
    result.columns.every((c, i) => c.id === top.columns[i]?.id);
  return same
    ? result
    : projectIds(
        result,
        top.columns.map((c) => c.id),
      );
}

/** Distinct counts of the scanned columns under the chain's inputs, by column id. */
function distinctCounts(leaves: readonly LogicalPlan[], stats: TableStats): DistinctOf {
  const byId = new Map<ColumnId, number>();
  const visit = (p: LogicalPlan): void => {
    if (p.kind === 'scan') {
      p.columns.forEach((c, i) => {
        const d = stats.distinctCount?.(p.table, p.tableColumns[i] ?? c.name) ?? null;
        if (d !== null) byId.set(c.id, d);
      });
    }
    children(p).forEach(visit);
  };
  leaves.forEach(visit);
  return (id) => byId.get(id) ?? null;
}
