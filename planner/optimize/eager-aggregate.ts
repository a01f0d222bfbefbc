import { Types } from '../../src/common/sql-types.js';
import { constant, ref, type BoundExpr, type ColumnId } from '../plan/bound-expr.js';
import {
  andAll,
  conjuncts,
  exprEquals,
  hasSubquery,
  isVolatile,
  refsOf,
} from '../plan/expr-visit.js';
import type {
  AggregateCall,
  AggregateNode,
  JoinNode,
  LogicalPlan,
  PlanColumn,
} from '../plan/logical-plan.js';
import {
  aggregate,
  aggregateCall,
  filter,
  join,
  planColumn,
  project,
} from '../plan/plan-factories.js';
import { forEachNode, transformUp } from '../plan/plan-visit.js';
import type { IdSource } from './decorrelate-scalar.js';
import { estimateRows, type TableStats } from './estimate-rows.js';
import { nullWhenNull } from './null-rejecting.js';
import { buildCostRows } from './probe-rows.js';

/**
 * Eager aggregation (Yan & Larson, "Eager Aggregation and Lazy Aggregation", VLDB 1995;
 * DuckDB and Hyper call it group-by pushdown): an aggregate over `L ⋈ R` whose
 * aggregates read only R and whose group keys read only L first aggregates R by its
 * join keys, so the join sees one row per key instead of every R row:
 *
 *   Aggregate(G; count(r), sum(r), min(r), max(r)) over L ⋈[l.k = r.k] R
 *   → Aggregate(G; sum(c), sum(s), min(m), max(M)) over L ⋈[l.k = r.k]
 *       Aggregate(r.k; c = count(r), s = sum(r), m = min(r), M = max(r)) over R
 *
 * Each L row matches exactly the R rows of its key, which are now one (or a few) partial
 * rows, so combining the partials per group gives the original answer whether or not G
 * holds the join key. With R a scan, the workers do the pre-aggregation
 * (mark-partial-aggregates.ts): TPC-H Q13 groups 1.5M orders by customer there instead
 * of hashing them into the join on the main thread.
 *
 * Correct only when every aggregate is decomposable and reads only R (count, sum, min,
 * max; no DISTINCT or ORDER BY; a FILTER over R only), the condition is equalities
 * between L and R plus conjuncts over one side (R's move below the new aggregate, L's
 * stay), and, for the outer join LEFT (R right) or RIGHT (R left), every aggregate is
 * NULL on a NULL-extended row (so count(*) does not qualify there): an unmatched L row
 * then contributes nothing but a count of 0 (coalesce). The combined counts are int8
 * sums (exact in src/exec, as sum(int4) is), so every result keeps its original type.
 */
export function eagerAggregate(plan: LogicalPlan, stats: TableStats, ids: IdSource): LogicalPlan {
  return transformUp(plan, (node) =>
    node.kind === 'aggregate' ? (pushThroughJoin(node, stats, ids) ?? undefined) : undefined,
  );
}

type Side = 'left' | 'right';

/** Which side may be pre-aggregated per join type: never the preserved side of an outer join. */
const AGGREGABLE: Partial<Record<JoinNode['joinType'], readonly Side[]>> = {
  inner: ['right', 'left'],
  left: ['right'],
  right: ['left'],
};

const DECOMPOSABLE = new Set(['count', 'sum', 'min', 'max']);

/** Pre-aggregation pays when the aggregated side has this many rows per join key (known keys). */
const MIN_ROWS_PER_KEY = 4;
/** ... and the other side has at least this many rows per key of the aggregated side. */
const MIN_KEY_COVER = 0.5;
/** Without key statistics: when the aggregated side has at least this many times the other's rows. */
const MIN_ROWS_RATIO = 10;

/** The aggregated side split off: the plans, and the join's conjuncts sorted by side. */
interface Split {
  readonly side: Side;
  readonly inner: LogicalPlan;
  readonly outer: LogicalPlan;
  /** Conjuncts over the aggregated side only: a filter below the new aggregate. */
  readonly moved: readonly BoundExpr[];
  /** The remaining conjuncts in order; equalities' aggregated-side operand at `innerArg`. */
  readonly kept: readonly { readonly c: BoundExpr; readonly innerArg: number | null }[];
}

function pushThroughJoin(agg: AggregateNode, stats: TableStats, ids: IdSource): LogicalPlan | null {
  if (agg.groupingSets !== null || agg.partial || agg.aggregates.length === 0) return null;
  const j = joinBelow(agg.input);
  if (j === null) return null;
  for (const side of AGGREGABLE[j.joinType] ?? []) {
    const split = splitJoin(agg, j, side);
    if (split === null || isGrouped(split.inner)) continue;
    const keys = dedupe(split.kept.flatMap(({ c, innerArg }) => operand(c, innerArg)));
    const input =
      split.moved.length === 0 ? split.inner : filter(split.inner, andAll(split.moved)!);
    if (keys.length === 0 || !worthIt(input, split.outer, keys, stats)) continue;
    return rewrite(agg, j, { ...split, inner: input }, keys, stats, ids);
  }
  return null;
}

/** The join right below, through pass-through projections (join ordering's column order). */
function joinBelow(p: LogicalPlan): JoinNode | null {
  while (p.kind === 'project' && p.exprs.every((e) => e.kind === 'ref')) p = p.input;
  return p.kind === 'join' && p.lateral !== true && !p.nullAware ? p : null;
}

/** Already one row per key (through filters and projections): the rule's own output. */
function isGrouped(p: LogicalPlan): boolean {
  while (p.kind === 'filter' || p.kind === 'project') p = p.input;
  return p.kind === 'aggregate';
}

const idsOf = (p: LogicalPlan): ReadonlySet<ColumnId> => new Set(p.columns.map((c) => c.id));
const pure = (e: BoundExpr): boolean => !hasSubquery(e) && !isVolatile(e);
const within = (e: BoundExpr, ids: ReadonlySet<ColumnId>): boolean =>
  pure(e) && [...refsOf(e)].every((id) => ids.has(id));

function splitJoin(agg: AggregateNode, j: JoinNode, side: Side): Split | null {
  const inner = side === 'right' ? j.right : j.left;
  const outer = side === 'right' ? j.left : j.right;
  const a = idsOf(inner);
  const o = idsOf(outer);
  const nullExtended = j.joinType !== 'inner';
  if (!agg.keys.every((k) => within(k, o))) return null;
  if (!agg.aggregates.every((c) => decomposable(c, a, nullExtended))) return null;
  const moved: BoundExpr[] = [];
  const kept: { c: BoundExpr; innerArg: number | null }[] = [];
  for (const c of conjuncts(j.condition)) {
    const refs = refsOf(c);
    if (refs.size > 0 && within(c, a)) moved.push(c);
    else if (within(c, o)) kept.push({ c, innerArg: null });
    else {
      const innerArg = equalityOperand(c, a, o);
      if (innerArg === null) return null;
      kept.push({ c, innerArg });
    }
  }
  return { side, inner, outer, moved, kept };
}

/**
 * Whether a call can be computed per key below the join and combined above: it reads
 * only the aggregated side and, on an outer join, is NULL on the NULL-extended row (what
 * an unmatched row would have fed it), so the unmatched rows need no partial row.
 */
function decomposable(c: AggregateCall, a: ReadonlySet<ColumnId>, nullExtended: boolean): boolean {
  if (!DECOMPOSABLE.has(c.fn) || c.distinct || c.orderBy.length > 0) return false;
  if (c.filter !== null && !within(c.filter, a)) return false;
  if (!c.args.every((x) => within(x, a))) return false;
  return !nullExtended || (c.args.length > 0 && c.args.every((x) => nullWhenNull(x, a)));
}

/** For `x = y` with one operand over each side: the aggregated side's operand index. */
function equalityOperand(
  c: BoundExpr,
  a: ReadonlySet<ColumnId>,
  o: ReadonlySet<ColumnId>,
): number | null {
  if (c.kind !== 'call' || c.fn !== '=' || c.args.length !== 2) return null;
  const [x, y] = c.args as [BoundExpr, BoundExpr];
  const over = (e: BoundExpr, ids: ReadonlySet<ColumnId>): boolean =>
    refsOf(e).size > 0 && within(e, ids);
  if (over(x, a) && over(y, o)) return 0;
  return over(y, a) && over(x, o) ? 1 : null;
}

const operand = (c: BoundExpr, i: number | null): BoundExpr[] =>
  i === null || c.kind !== 'call' ? [] : [c.args[i] as BoundExpr];

function dedupe(es: readonly BoundExpr[]): BoundExpr[] {
  const out: BoundExpr[] = [];
  for (const e of es) if (!out.some((x) => exprEquals(x, e))) out.push(e);
  return out;
}

/**
 * The cost model: pre-aggregating R is one hash aggregation of R's rows (in the workers
 * when R is a scan); it pays when it shrinks what the join hashes and probes by several
 * times. With distinct counts of R's join keys (integer min/max ranges, an upper bound,
 * so an estimate on the safe side) that is rows per key, and L must hold about as many
 * rows as R has keys: a much smaller L makes the join a filter (whose keys already
 * narrow R's scan, src/exec/operators/key-filters.ts), and aggregating all of R first
 * would do work the join throws away (TPC-H Q11's one nation against 25 nation keys).
 * Without distinct counts, R must be much larger than L, whose keys its rows then
 * share. A large R alone is no reason: keyed uniquely, it would be aggregated to no gain.
 */
function worthIt(
  inner: LogicalPlan,
  outer: LogicalPlan,
  keys: readonly BoundExpr[],
  stats: TableStats,
): boolean {
  const rows = estimateRows(inner, stats);
  const others = estimateRows(outer, stats);
  const groups = distinctKeys(inner, keys, stats);
  if (groups !== null) return rows >= MIN_ROWS_PER_KEY * groups && others >= MIN_KEY_COVER * groups;
  return rows >= MIN_ROWS_RATIO * others;
}

/** The product of the keys' distinct counts, when every key is a scanned column that has one. */
function distinctKeys(
  p: LogicalPlan,
  keys: readonly BoundExpr[],
  stats: TableStats,
): number | null {
  const byId = new Map<ColumnId, number>();
  forEachNode(p, (n) => {
    if (n.kind !== 'scan') return;
    n.columns.forEach((c, i) => {
      const d = stats.distinctCount?.(n.table, n.tableColumns[i] ?? c.name) ?? null;
      if (d !== null) byId.set(c.id, d);
    });
  });
  let product = 1;
  for (const k of keys) {
    const d = k.kind === 'ref' ? byId.get(k.id) : undefined;
    if (d === undefined) return null;
    product *= Math.max(d, 1);
  }
  return product;
}

function rewrite(
  agg: AggregateNode,
  j: JoinNode,
  split: Split,
  keys: readonly BoundExpr[],
  stats: TableStats,
  ids: IdSource,
): LogicalPlan {
  const fresh = (name: string, type: PlanColumn['type']): PlanColumn =>
    planColumn(ids.next++, name, type);
  // Plain-column keys keep their ids (so the join's equalities stand); expressions get new ones.
  const keyCols = keys.map(
    (k) =>
      (k.kind === 'ref' ? split.inner.columns.find((c) => c.id === k.id) : undefined) ??
      fresh('key', k.type),
  );
  const aggCols = agg.columns.slice(agg.keys.length);
  const partialCols = agg.aggregates.map((c, i) => fresh(aggCols[i]?.name ?? c.fn, c.type));
  const partial = aggregate(split.inner, keys, agg.aggregates, [...keyCols, ...partialCols]);
  const condition = andAll(
    split.kept.map(({ c, innerArg }) => {
      if (innerArg === null || c.kind !== 'call') return c;
      const at = keys.findIndex((k) => exprEquals(k, c.args[innerArg] as BoundExpr));
      const key = keyCols[at] as PlanColumn;
      return { ...c, args: c.args.map((x, i) => (i === innerArg ? ref(key.id, key.type) : x)) };
    }),
  );
  const [left, right] = split.side === 'right' ? [split.outer, partial] : [partial, split.outer];
  const joined = join(j.joinType, left, right, condition, {
    buildSide: j.joinType === 'inner' ? innerBuildSide(left, right, condition, stats) : j.buildSide,
  });
  return combine(agg, joined, partialCols, j.joinType !== 'inner' || agg.keys.length === 0, fresh);
}

/** Join ordering's choice of build side (probe-rows.ts) for the new inputs. */
function innerBuildSide(
  left: LogicalPlan,
  right: LogicalPlan,
  condition: BoundExpr | null,
  stats: TableStats,
): Side {
  const side = (plan: LogicalPlan) => ({ plan, rows: estimateRows(plan, stats), ids: idsOf(plan) });
  const [l, r] = [side(left), side(right)];
  return buildCostRows(r, l, condition, stats) <= buildCostRows(l, r, condition, stats)
    ? 'right'
    : 'left';
}

/**
 * The outer aggregate over the partials: counts add up (an int8 sum), sums add up, min
 * and max of the partial min/max. A count that may see no partial (an unmatched row of
 * an outer join, or no rows at all without GROUP BY) is coalesced to 0 in a projection
 * that restores the original column.
 */
function combine(
  agg: AggregateNode,
  input: LogicalPlan,
  partialCols: readonly PlanColumn[],
  zeroCounts: boolean,
  fresh: (name: string, type: PlanColumn['type']) => PlanColumn,
): LogicalPlan {
  const keyCols = agg.columns.slice(0, agg.keys.length);
  const aggCols = agg.columns.slice(agg.keys.length);
  const calls = agg.aggregates.map((c, i) => {
    const p = partialCols[i] as PlanColumn;
    return aggregateCall(c.fn === 'count' ? 'sum' : c.fn, [ref(p.id, p.type)], c.type);
  });
  const zero = agg.aggregates.map((c) => zeroCounts && c.fn === 'count');
  const outCols = aggCols.map((col, i) => (zero[i] ? fresh(col.name, col.type) : col));
  const top = aggregate(input, agg.keys, calls, [...keyCols, ...outCols]);
  if (!zero.includes(true)) return top;
  const exprs = top.columns.map((col, i): BoundExpr => {
    const r = ref(col.id, col.type);
    const at = i - agg.keys.length;
    return at >= 0 && zero[at]
      ? { kind: 'coalesce', type: col.type, args: [r, constant(Types.int8, 0n)] }
      : r;
  });
  return project(top, exprs, agg.columns);
}
