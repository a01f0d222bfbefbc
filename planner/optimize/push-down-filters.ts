import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import {
  andAll,
  conjuncts,
  hasSubquery,
  isVolatile,
  refsOf,
  substituteRefs,
} from '../plan/expr-visit.js';
import type { JoinNode, LogicalPlan, PlanKind } from '../plan/logical-plan.js';
import { filter } from '../plan/plan-factories.js';
import { children, withChildren } from '../plan/plan-visit.js';
import { rejectsNulls } from './null-rejecting.js';

/**
 * Predicate pushdown: each conjunct of a filter moves as far down as it keeps its
 * meaning, substituting through projections and aggregate keys, into join sides and
 * join conditions (so `FROM a, b WHERE a.x = b.x` becomes an inner join on
 * a.x = b.x), into set-op branches, and finally into ScanNode.filters where the
 * format prunes with it (planner/optimize/pruning.ts). Nothing crosses a LIMIT, and
 * a conjunct with a subquery or a volatile call does not cross a node that changes
 * how often it runs (projection, aggregate, window, set-op) or enter a scan.
 */
export function pushDownFilters(plan: LogicalPlan): LogicalPlan {
  return push(plan, []);
}

type Preds = readonly BoundExpr[];
type NodeOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;
type Pushers = { readonly [K in PlanKind]: (n: NodeOf<K>, preds: Preds) => LogicalPlan };

function push(plan: LogicalPlan, preds: Preds): LogicalPlan {
  return (pushers[plan.kind] as (n: LogicalPlan, p: Preds) => LogicalPlan)(plan, preds);
}

const wrap = (plan: LogicalPlan, preds: Preds): LogicalPlan => {
  const p = andAll(preds);
  return p ? filter(plan, p) : plan;
};

/** Nothing passes this node; its children still get their own filters pushed. */
const barrier = (n: LogicalPlan, preds: Preds): LogicalPlan =>
  wrap(
    withChildren(
      n,
      children(n).map((c) => push(c, [])),
    ),
    preds,
  );

const movable = (p: BoundExpr): boolean => !hasSubquery(p) && !isVolatile(p);
const within = (p: BoundExpr, ids: ReadonlySet<ColumnId>): boolean =>
  [...refsOf(p)].every((id) => ids.has(id));
const idsOf = (plan: LogicalPlan): Set<ColumnId> => new Set(plan.columns.map((c) => c.id));

/** Splits `preds` into those `down(p)` accepts and the rest. */
function split(preds: Preds, down: (p: BoundExpr) => boolean): [BoundExpr[], BoundExpr[]] {
  const yes: BoundExpr[] = [];
  const no: BoundExpr[] = [];
  for (const p of preds) (down(p) ? yes : no).push(p);
  return [yes, no];
}

const pushers: Pushers = {
  scan: (n, preds) => {
    const ids = idsOf(n);
    const [into, above] = split(preds, (p) => movable(p) && within(p, ids));
    return wrap(into.length ? { ...n, filters: [...n.filters, ...into] } : n, above);
  },
  'system-scan': barrier,
  values: barrier,
  'table-function': barrier,
  'work-table-scan': barrier,
  filter: (n, preds) => push(n.input, [...preds, ...conjuncts(n.predicate)]),
  project: (n, preds) => {
    const map = new Map<ColumnId, BoundExpr>();
    n.columns.forEach((c, i) => {
      const e = n.exprs[i];
      if (e && !(e.kind === 'ref' && e.id === c.id)) map.set(c.id, e);
    });
    // A ref to a computed output may be replaced by its expression, unless that would
    // run a subquery or a volatile call once more, or reach into a subquery's plan.
    const ok = (p: BoundExpr): boolean =>
      [...refsOf(p)].every((id) => {
        const e = map.get(id);
        return e === undefined || (movable(e) && !hasSubquery(p));
      });
    const [down, above] = split(preds, ok);
    return wrap(
      {
        ...n,
        input: push(
          n.input,
          down.map((p) => substituteRefs(p, map)),
        ),
      },
      above,
    );
  },
  aggregate: (n, preds) => {
    if (n.groupingSets !== null || n.keys.length === 0) return barrier(n, preds);
    const map = new Map<ColumnId, BoundExpr>();
    n.keys.forEach((k, i) => {
      const c = n.columns[i];
      if (c) map.set(c.id, k);
    });
    const aggIds = new Set(n.columns.slice(n.keys.length).map((c) => c.id));
    const [down, above] = split(
      preds,
      (p) => movable(p) && [...refsOf(p)].every((id) => !aggIds.has(id)),
    );
    return wrap(
      {
        ...n,
        input: push(
          n.input,
          down.map((p) => substituteRefs(p, map)),
        ),
      },
      above,
    );
  },
  join: (n, preds) => pushJoin(n, preds),
  sort: (n, preds) => ({ ...n, input: push(n.input, preds) }),
  limit: barrier,
  'top-n': barrier,
  'set-op': (n, preds) => {
    const [down, above] = split(preds, movable);
    if (down.length === 0) return barrier(n, preds);
    const inputs = n.inputs.map((input) => {
      const map = new Map<ColumnId, BoundExpr>();
      n.columns.forEach((c, k) => {
        const b = input.columns[k];
        if (b) map.set(c.id, { kind: 'ref', id: b.id, type: b.type });
      });
      return push(
        input,
        down.map((p) => substituteRefs(p, map)),
      );
    });
    return wrap({ ...n, inputs }, above);
  },
  window: (n, preds) => {
    // Only conjuncts over columns every call partitions by keep each partition whole.
    const keys = n.calls.map(
      (c) => new Set(c.partitionBy.flatMap((e) => (e.kind === 'ref' ? [e.id] : []))),
    );
    const inputIds = idsOf(n.input);
    const callIds = new Set(n.columns.filter((c) => !inputIds.has(c.id)).map((c) => c.id));
    const [down, above] = split(
      preds,
      (p) =>
        movable(p) &&
        [...refsOf(p)].every(
          (id) => !callIds.has(id) && (!inputIds.has(id) || keys.every((k) => k.has(id))),
        ),
    );
    return wrap({ ...n, input: push(n.input, down) }, above);
  },
  'recursive-cte': barrier,
  insert: barrier,
  delete: barrier,
  update: barrier,
  merge: barrier,
  call: barrier,
};

function pushJoin(n: JoinNode, preds: Preds): LogicalPlan {
  const leftIds = idsOf(n.left);
  const rightIds = idsOf(n.right);
  const local = (p: BoundExpr): ColumnId[] =>
    [...refsOf(p)].filter((id) => leftIds.has(id) || rightIds.has(id));
  const onlyLeft = (p: BoundExpr): boolean => local(p).every((id) => leftIds.has(id));
  const onlyRight = (p: BoundExpr): boolean => local(p).every((id) => rightIds.has(id));
  const cond = conjuncts(n.condition);
  const toLeft: BoundExpr[] = [];
  const toRight: BoundExpr[] = [];
  const keep: BoundExpr[] = [];
  let above: BoundExpr[] = [];
  const t = simplifiedType(n, preds, leftIds, rightIds);
  if (t === 'inner' || t === 'cross') {
    for (const p of [...preds, ...cond]) {
      if (onlyLeft(p)) toLeft.push(p);
      else if (onlyRight(p)) toRight.push(p);
      else keep.push(p);
    }
  } else if (t === 'full') {
    above = [...preds];
    keep.push(...cond);
  } else {
    // Outer rows of the preserved side survive a failing ON conjunct, so only the
    // WHERE may filter that side; the ON may filter the other (non-preserved) side.
    const preserved = t === 'right' ? onlyRight : onlyLeft;
    const other = t === 'right' ? onlyLeft : onlyRight;
    const markId = n.markId;
    for (const p of preds) {
      const readsMark = markId !== null && refsOf(p).has(markId);
      if (!readsMark && preserved(p)) (t === 'right' ? toRight : toLeft).push(p);
      else above.push(p);
    }
    // Null-aware anti and mark joins see NULL conditions: a right row's NULL matters.
    const exact = t === 'mark' || n.nullAware;
    for (const p of cond) {
      if (!exact && other(p)) (t === 'right' ? toLeft : toRight).push(p);
      else keep.push(p);
    }
  }
  const joined: JoinNode = {
    ...n,
    joinType: t === 'cross' && keep.length > 0 ? 'inner' : t,
    left: push(n.left, toLeft),
    right: push(n.right, toRight),
    condition: andAll(keep),
  };
  return wrap(joined, above);
}

/**
 * A left (right) join under a WHERE conjunct that no null-extended row passes is an
 * inner join (null-rejecting.ts), which pushes filters into both sides and lets join
 * ordering pick the build side.
 */
function simplifiedType(
  n: JoinNode,
  preds: Preds,
  leftIds: ReadonlySet<ColumnId>,
  rightIds: ReadonlySet<ColumnId>,
): JoinNode['joinType'] {
  const t = n.joinType;
  if (t !== 'left' && t !== 'right') return t;
  const nullable = t === 'left' ? rightIds : leftIds;
  return preds.some((p) => rejectsNulls(p, nullable)) ? 'inner' : t;
}
