import type { BoundExpr, BoundSubquery, ColumnId } from './bound-expr.js';
import { anyExpr, refsOf } from './expr-visit.js';
import type {
  AggregateCall,
  FrameBound,
  LogicalPlan,
  PlanColumn,
  PlanKind,
  SortKey,
  WindowCall,
} from './logical-plan.js';

/**
 * Plan traversal, written once (DESIGN.md §4.3): children, rebuilding with new
 * children, the expressions each node holds, bottom-up and top-down rewrites, and
 * the column-id facts rules need (free refs for correlation, fresh ids).
 */

type NodeOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;
type Table<R> = { readonly [K in PlanKind]: (n: NodeOf<K>) => R };
type Table2<A, R> = { readonly [K in PlanKind]: (n: NodeOf<K>, a: A) => R };

const dispatch = <R>(t: Table<R>, p: LogicalPlan): R => (t[p.kind] as (n: LogicalPlan) => R)(p);
const dispatch2 = <A, R>(t: Table2<A, R>, p: LogicalPlan, a: A): R =>
  (t[p.kind] as (n: LogicalPlan, a: A) => R)(p, a);

const none = (): readonly LogicalPlan[] => [];
const input = (n: { readonly input: LogicalPlan }): readonly LogicalPlan[] => [n.input];

const childTable: Table<readonly LogicalPlan[]> = {
  scan: none,
  'system-scan': none,
  values: none,
  'work-table-scan': none,
  call: none,
  'table-function': (n) => (n.input ? [n.input] : []),
  filter: input,
  project: input,
  aggregate: input,
  sort: input,
  limit: input,
  'top-n': input,
  window: input,
  insert: input,
  delete: input,
  update: input,
  merge: input,
  join: (n) => [n.left, n.right],
  'set-op': (n) => n.inputs,
  'recursive-cte': (n) => [n.anchor, n.recursive],
};

export function children(plan: LogicalPlan): readonly LogicalPlan[] {
  return dispatch(childTable, plan);
}

type Kids = readonly LogicalPlan[];
const first = (k: Kids): LogicalPlan => k[0] as LogicalPlan;
const same = <N>(n: N): N => n;
/** Nodes whose columns are, by definition, their input's. */
const passThrough = <N extends { readonly input: LogicalPlan }>(n: N, k: Kids): N => ({
  ...n,
  input: first(k),
  columns: first(k).columns,
});
const keepColumns = <N extends { readonly input: LogicalPlan }>(n: N, k: Kids): N => ({
  ...n,
  input: first(k),
});

const withChildrenTable: Table2<Kids, LogicalPlan> = {
  scan: same,
  'system-scan': same,
  values: same,
  'work-table-scan': same,
  call: same,
  'table-function': (n, k) => ({ ...n, input: k[0] ?? null }),
  filter: passThrough,
  sort: passThrough,
  limit: passThrough,
  'top-n': passThrough,
  project: keepColumns,
  aggregate: keepColumns,
  insert: keepColumns,
  delete: keepColumns,
  update: keepColumns,
  merge: keepColumns,
  window: (n, k) => ({
    ...n,
    input: first(k),
    columns: [...first(k).columns, ...n.columns.slice(n.columns.length - n.calls.length)],
  }),
  join: (n, k) => {
    const left = first(k);
    const right = k[1] as LogicalPlan;
    const own = n.columns.filter((c) => c.id === n.markId);
    return { ...n, left, right, columns: joinColumns(n.joinType, left, right, own) };
  },
  'set-op': (n, k) => ({ ...n, inputs: k }),
  'recursive-cte': (n, k) => ({ ...n, anchor: first(k), recursive: k[1] as LogicalPlan }),
};

/** The join's output columns from its inputs (mark: the left's plus the mark column). */
export function joinColumns(
  joinType: NodeOf<'join'>['joinType'],
  left: LogicalPlan,
  right: LogicalPlan,
  markColumn: readonly PlanColumn[],
): readonly PlanColumn[] {
  if (joinType === 'semi' || joinType === 'anti') return left.columns;
  if (joinType === 'mark') return [...left.columns, ...markColumn];
  return [...left.columns, ...right.columns];
}

/**
 * The node over new children. Filter, sort, limit, top-n, window and join recompute
 * their columns from the children; project, aggregate and set-op keep theirs.
 */
export function withChildren(plan: LogicalPlan, kids: readonly LogicalPlan[]): LogicalPlan {
  const old = children(plan);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return plan;
  return dispatch2(withChildrenTable, plan, kids);
}

// ------------------------------------------------------------------ expressions of a node

type F = (e: BoundExpr) => BoundExpr;
const mapKey = (k: SortKey, f: F): SortKey => ({ ...k, expr: f(k.expr) });
const mapBound = (b: FrameBound, f: F): FrameBound =>
  b.kind === 'preceding' || b.kind === 'following' ? { ...b, offset: f(b.offset) } : b;
const mapAgg = (a: AggregateCall, f: F): AggregateCall => ({
  ...a,
  args: a.args.map(f),
  filter: a.filter && f(a.filter),
  orderBy: a.orderBy.map((k) => mapKey(k, f)),
});
const mapWindow = (c: WindowCall, f: F): WindowCall => ({
  ...c,
  args: c.args.map(f),
  filter: c.filter && f(c.filter),
  partitionBy: c.partitionBy.map(f),
  orderBy: c.orderBy.map((k) => mapKey(k, f)),
  frame: c.frame && {
    ...c.frame,
    start: mapBound(c.frame.start, f),
    end: mapBound(c.frame.end, f),
  },
});
const assign = (as: NodeOf<'update'>['assignments'], f: F): NodeOf<'update'>['assignments'] =>
  as.map((a) => ({ ...a, value: f(a.value) }));

const exprTable: Table2<F, LogicalPlan> = {
  scan: (n, f) => ({ ...n, filters: n.filters.map(f) }),
  'system-scan': same,
  values: (n, f) => ({ ...n, rows: n.rows.map((r) => r.map(f)) }),
  'table-function': (n, f) => ({ ...n, args: n.args.map(f) }),
  'work-table-scan': same,
  filter: (n, f) => ({ ...n, predicate: f(n.predicate) }),
  project: (n, f) => ({ ...n, exprs: n.exprs.map(f) }),
  aggregate: (n, f) => ({
    ...n,
    keys: n.keys.map(f),
    aggregates: n.aggregates.map((a) => mapAgg(a, f)),
  }),
  join: (n, f) => ({ ...n, condition: n.condition && f(n.condition) }),
  sort: (n, f) => ({ ...n, keys: n.keys.map((k) => mapKey(k, f)) }),
  limit: (n, f) => ({ ...n, limit: n.limit && f(n.limit), offset: n.offset && f(n.offset) }),
  'top-n': (n, f) => ({
    ...n,
    keys: n.keys.map((k) => mapKey(k, f)),
    limit: f(n.limit),
    offset: n.offset && f(n.offset),
  }),
  'set-op': same,
  window: (n, f) => ({ ...n, calls: n.calls.map((c) => mapWindow(c, f)) }),
  'recursive-cte': same,
  insert: same,
  delete: same,
  update: (n, f) => ({ ...n, assignments: assign(n.assignments, f) }),
  merge: (n, f) => ({
    ...n,
    actions: n.actions.map((a) => ({
      ...a,
      condition: a.condition && f(a.condition),
      assignments: assign(a.assignments, f),
    })),
  }),
  call: same,
};

/** The node with `f` applied to each expression it holds (in nodeExprs order). */
export function mapExprs(plan: LogicalPlan, f: (e: BoundExpr) => BoundExpr): LogicalPlan {
  let changed = false;
  const out = dispatch2(exprTable, plan, (e: BoundExpr) => {
    const n = f(e);
    if (n !== e) changed = true;
    return n;
  });
  return changed ? out : plan;
}

/** Every expression a node holds (not its children's), in a fixed order. */
export function nodeExprs(plan: LogicalPlan): BoundExpr[] {
  const out: BoundExpr[] = [];
  dispatch2(exprTable, plan, (e: BoundExpr) => {
    out.push(e);
    return e;
  });
  return out;
}

/** The node with its expressions replaced, in nodeExprs order. */
export function withExprs(plan: LogicalPlan, exprs: readonly BoundExpr[]): LogicalPlan {
  let i = 0;
  return mapExprs(plan, (e) => exprs[i++] ?? e);
}

// ------------------------------------------------------------------ rewrites

/** Bottom-up: children first, then `f` (a replacement, or undefined to keep the node). */
export function transformUp(
  plan: LogicalPlan,
  f: (p: LogicalPlan) => LogicalPlan | undefined,
): LogicalPlan {
  const node = withChildren(
    plan,
    children(plan).map((c) => transformUp(c, f)),
  );
  return f(node) ?? node;
}

/** Top-down: `f` first, then the children of what it returned. */
export function transformDown(
  plan: LogicalPlan,
  f: (p: LogicalPlan) => LogicalPlan | undefined,
): LogicalPlan {
  const node = f(plan) ?? plan;
  return withChildren(
    node,
    children(node).map((c) => transformDown(c, f)),
  );
}

/** Pre-order visit of every node (not into subquery plans). */
export function forEachNode(plan: LogicalPlan, visit: (p: LogicalPlan) => void): void {
  visit(plan);
  for (const c of children(plan)) forEachNode(c, visit);
}

/** The subqueries in a node's own expressions (not nested inside another subquery's plan). */
export function nodeSubqueries(plan: LogicalPlan): BoundSubquery[] {
  const out: BoundSubquery[] = [];
  for (const e of nodeExprs(plan)) {
    anyExpr(e, (x) => {
      if (x.kind === 'subquery') out.push(x);
      return false;
    });
  }
  return out;
}

// ------------------------------------------------------------------ column ids

/** The ids a node makes available above it: its columns and a mark join's mark. */
function produced(plan: LogicalPlan, into: Set<ColumnId>): void {
  for (const c of plan.columns) into.add(c.id);
  if (plan.kind === 'join' && plan.markId !== null) into.add(plan.markId);
}

/**
 * Column ids the plan reads but does not produce: a correlated subquery's outer
 * references. Ids are statement-unique, so "produced anywhere inside" suffices.
 */
export function freeRefs(plan: LogicalPlan): Set<ColumnId> {
  const made = new Set<ColumnId>();
  const used = new Set<ColumnId>();
  forEachNode(plan, (p) => {
    produced(p, made);
    for (const e of nodeExprs(p)) refsOf(e, used);
  });
  for (const id of made) used.delete(id);
  return used;
}

/** One past the largest column id anywhere in the plan, subqueries included: a fresh id. */
export function nextColumnId(plan: LogicalPlan): ColumnId {
  let max = -1;
  const seeExpr = (e: BoundExpr): boolean => {
    if (e.kind === 'ref') max = Math.max(max, e.id);
    if (e.kind === 'subquery') max = Math.max(max, nextColumnId(e.plan) - 1);
    return false;
  };
  forEachNode(plan, (p) => {
    for (const c of p.columns) max = Math.max(max, c.id);
    if (p.kind === 'join' && p.markId !== null) max = Math.max(max, p.markId);
    for (const e of nodeExprs(p)) anyExpr(e, seeExpr);
  });
  return max + 1;
}
