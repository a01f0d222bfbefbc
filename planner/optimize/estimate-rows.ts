import type { TableRef } from '../../catalog/catalog.js';
import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { conjuncts, refsOf } from '../plan/expr-visit.js';
import type { LogicalPlan, PlanKind } from '../plan/logical-plan.js';
import { constCount } from './push-down-limit.js';

/**
 * What the formats tell the planner about a table's size (Iceberg snapshot summary,
 * Delta add-action stats, Parquet footers). Null = unknown.
 */
export interface TableStats {
  rowCount(table: TableRef): number | null;
  /** An upper bound on a column's distinct values, when known (integer min/max ranges). */
  distinctCount?(table: TableRef, column: string): number | null;
}

/** What an unknown table is taken to hold. */
export const UNKNOWN_ROWS = 1e6;

export const NO_STATS: TableStats = { rowCount: () => null };

type NodeOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;
type Estimators = { readonly [K in PlanKind]: (n: NodeOf<K>, s: TableStats) => number };

/** Estimated output rows: coarse, only for choosing join order and build sides. */
export function estimateRows(plan: LogicalPlan, stats: TableStats): number {
  return (estimators[plan.kind] as (n: LogicalPlan, s: TableStats) => number)(plan, stats);
}

const est = estimateRows;
const input = (n: { readonly input: LogicalPlan }, s: TableStats): number => est(n.input, s);
const one = (): number => 1;

const estimators: Estimators = {
  scan: (n, s) => {
    const rows = (s.rowCount(n.table) ?? UNKNOWN_ROWS) * selectivityOfAll(n.filters);
    return n.limit === null ? rows : Math.min(rows, n.limit);
  },
  'system-scan': () => 1000,
  values: (n) => n.rows.length,
  'table-function': (n, s) => (n.input ? est(n.input, s) * 10 : 1000),
  'work-table-scan': () => 1000,
  filter: (n, s) => est(n.input, s) * selectivity(n.predicate),
  project: input,
  sort: input,
  window: input,
  aggregate: (n, s) =>
    n.keys.length === 0 && n.groupingSets === null ? 1 : Math.max(1, est(n.input, s) * 0.1),
  join: (n, s) => {
    const l = est(n.left, s);
    const r = est(n.right, s);
    switch (n.joinType) {
      case 'semi':
      case 'anti':
      case 'mark':
        return n.joinType === 'mark' ? l : l * 0.5;
      case 'left':
      case 'single':
        return Math.max(l, joinRows(l, r, n.condition));
      case 'right':
        return Math.max(r, joinRows(l, r, n.condition));
      case 'full':
        return Math.max(l + r, joinRows(l, r, n.condition));
      case 'inner':
      case 'cross':
        return joinRows(l, r, n.condition);
    }
  },
  limit: (n, s) => {
    const c = n.limit ? constCount(n.limit) : null;
    return c === null ? input(n, s) : Math.min(c, input(n, s));
  },
  'top-n': (n, s) => Math.min(constCount(n.limit) ?? Infinity, input(n, s)),
  'set-op': (n, s) => {
    const sizes = n.inputs.map((i) => est(i, s));
    if (n.op === 'union') return sizes.reduce((a, b) => a + b, 0);
    return n.op === 'intersect' ? Math.min(...sizes) : (sizes[0] ?? 0);
  },
  'recursive-cte': (n, s) => est(n.anchor, s) * 10,
  insert: one,
  delete: one,
  update: one,
  merge: one,
  call: one,
};

/** Distinct values of a column by id, where the statistics know them. */
export type DistinctOf = (id: ColumnId) => number | null;

/**
 * Rows of an equi-join: |l| × |r| / the larger key's distinct count, taking the most
 * selective equality (System R's formula). A key whose distinct count is unknown is
 * taken as a key of the larger side (a foreign-key join: max(|l|, |r|)).
 */
export function joinRows(
  l: number,
  r: number,
  condition: BoundExpr | null,
  distinct: DistinctOf = () => null,
): number {
  const cs = conjuncts(condition);
  const equi = cs.filter(isEquiJoin);
  const rest = selectivityOfAll(cs.filter((c) => !isEquiJoin(c)));
  if (equi.length === 0) return l * r * rest;
  let rows = Infinity;
  for (const c of equi) {
    const [a, b] = (c as BoundExpr & { kind: 'call' }).args;
    const da = a?.kind === 'ref' ? distinct(a.id) : null;
    const db = b?.kind === 'ref' ? distinct(b.id) : null;
    const keys = da === null || db === null ? null : Math.max(da, db, 1);
    rows = Math.min(rows, keys === null ? Math.max(l, r) : (l * r) / keys);
  }
  return rows * rest;
}

export const isEquiJoin = (c: BoundExpr): boolean =>
  c.kind === 'call' && c.fn === '=' && c.args.every((a) => refsOf(a).size > 0);

function selectivityOfAll(es: readonly BoundExpr[]): number {
  return es.reduce((acc, e) => acc * selectivity(e), 1);
}

/** System R's classic guesses: equality 1/10, ranges 1/3, LIKE 1/10, IS NULL 1/20. */
export function selectivity(e: BoundExpr): number {
  switch (e.kind) {
    case 'and':
      return selectivityOfAll(e.args);
    case 'or':
      return 1 - e.args.reduce((acc, a) => acc * (1 - selectivity(a)), 1);
    case 'const':
      return e.value === true ? 1 : 0;
    case 'call':
      if (e.fn === '=') return 0.1;
      if (e.fn === '<>') return 0.9;
      if (['<', '<=', '>', '>='].includes(e.fn)) return 1 / 3;
      if (e.fn === 'not' && e.args[0]) return 1 - selectivity(e.args[0]);
      if (e.fn === 'is null') return 0.05;
      if (e.fn === 'is not null') return 0.95;
      return e.fn.includes('~~') || e.fn.includes('like') ? 0.1 : 0.5;
    case 'subquery':
    case 'ref':
    case 'column':
    case 'param':
    case 'cast':
    case 'case':
    case 'coalesce':
      return 0.5;
  }
}
