import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { refsOfAll } from '../plan/expr-visit.js';
import type { LogicalPlan, PlanKind } from '../plan/logical-plan.js';
import { project, projectIds } from '../plan/plan-factories.js';
import { children, freeRefs, nodeExprs, withChildren } from '../plan/plan-visit.js';

/**
 * Projection pushdown: each node is told which of its columns anyone above reads,
 * drops what it computes for nobody (project outputs, aggregates, window calls,
 * union-all positions) and asks its inputs for only what it still needs, down to
 * ScanNode.columns, so the Parquet reader decodes only those. The root keeps all
 * its columns (the client sees them); a pruned node may still return extra columns,
 * never fewer than required.
 */
export function pruneColumns(plan: LogicalPlan): LogicalPlan {
  return prune(plan, idsOf(plan));
}

type Ids = ReadonlySet<ColumnId>;
type NodeOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;
type Pruners = { readonly [K in PlanKind]: (n: NodeOf<K>, required: Ids) => LogicalPlan };

function prune(plan: LogicalPlan, required: Ids): LogicalPlan {
  return (pruners[plan.kind] as (n: LogicalPlan, r: Ids) => LogicalPlan)(plan, required);
}

const idsOf = (plan: LogicalPlan): Set<ColumnId> => new Set(plan.columns.map((c) => c.id));

/** `required` plus whatever the node's own expressions read. */
const plusOwn = (n: LogicalPlan, required: Ids): Set<ColumnId> =>
  refsOfAll(nodeExprs(n), new Set(required));

/** Nodes that pass their input's columns through: require what they read themselves too. */
const passThrough = (n: LogicalPlan, required: Ids): LogicalPlan => {
  const need = plusOwn(n, required);
  return withChildren(
    n,
    children(n).map((c) => prune(c, need)),
  );
};

/** Nodes that need every column of every input. */
const keepAll = (n: LogicalPlan): LogicalPlan =>
  withChildren(
    n,
    children(n).map((c) => prune(c, idsOf(c))),
  );

/** Indexes of the kept positions; `undefined` when all are kept. */
function keptPositions(
  ids: readonly ColumnId[],
  keep: (id: ColumnId, i: number) => boolean,
): number[] | undefined {
  const kept = ids.flatMap((id, i) => (keep(id, i) ? [i] : []));
  return kept.length === ids.length ? undefined : kept;
}

const pick = <T>(xs: readonly T[], at: readonly number[]): T[] => at.map((i) => xs[i] as T);

const isRef = (e: BoundExpr): boolean => e.kind === 'ref';

/** A projection passing some of its own input's columns through, under their ids. */
function picksOwnInput(p: NodeOf<'project'>): boolean {
  const own = idsOf(p.input);
  return p.exprs.every((e, i) => e.kind === 'ref' && own.has(e.id) && p.columns[i]?.id === e.id);
}

const pruners: Pruners = {
  scan: (n, required) => {
    const filterIds = refsOfAll(n.filters);
    const at = keptPositions(
      n.columns.map((c) => c.id),
      (id) => required.has(id) || filterIds.has(id),
    );
    const scan = at
      ? { ...n, columns: pick(n.columns, at), tableColumns: pick(n.tableColumns, at) }
      : n;
    // Columns only the pushed filters read (TPC-H Q13's o_comment) are dropped by a
    // projection right above the scan, which the executor runs in the workers with the
    // scan: they never cross to the main thread.
    const out = scan.columns.filter((c) => required.has(c.id));
    if (out.length === 0 || out.length === scan.columns.length) return scan;
    return project(
      scan,
      out.map((c): BoundExpr => ({ kind: 'ref', type: c.type, id: c.id })),
    );
  },
  'system-scan': (n, required) => {
    const at = keptPositions(
      n.columns.map((c) => c.id),
      (id) => required.has(id),
    );
    return at
      ? { ...n, columns: pick(n.columns, at), relationColumns: pick(n.relationColumns, at) }
      : n;
  },
  values: (n, required) => {
    const at = keptPositions(
      n.columns.map((c) => c.id),
      (id) => required.has(id),
    );
    return at ? { ...n, columns: pick(n.columns, at), rows: n.rows.map((r) => pick(r, at)) } : n;
  },
  'table-function': keepAll,
  'work-table-scan': (n) => n,
  filter: passThrough,
  sort: passThrough,
  limit: passThrough,
  'top-n': passThrough,
  // A LATERAL right side reads left columns nobody above may need.
  join: (n, required) =>
    passThrough(n, n.lateral ? new Set([...required, ...freeRefs(n.right)]) : required),
  project: (n, required) => {
    const at =
      keptPositions(
        n.columns.map((c) => c.id),
        (id) => required.has(id),
      ) ?? n.exprs.map((_e, i) => i);
    const exprs = pick(n.exprs, at);
    let input = prune(n.input, refsOfAll(exprs));
    // A column-picking projection over another one (the scan's, above) needs only the
    // inner's input, unless the inner one renames or picks outer values.
    if (exprs.every(isRef) && input.kind === 'project' && picksOwnInput(input)) input = input.input;
    return { ...n, exprs, columns: pick(n.columns, at), input };
  },
  aggregate: (n, required) => {
    const first = n.keys.length;
    const last = first + n.aggregates.length;
    // Keys define the groups and the grouping id their sets: only aggregates may go.
    const at =
      keptPositions(
        n.columns.map((c) => c.id),
        (id, i) => i < first || i >= last || required.has(id),
      ) ?? n.columns.map((_c, i) => i);
    const aggregates = at
      .filter((i) => i >= first && i < last)
      .map((i) => n.aggregates[i - first]!);
    const kept = { ...n, aggregates, columns: pick(n.columns, at) };
    return { ...kept, input: prune(n.input, refsOfAll(nodeExprs(kept))) };
  },
  'set-op': (n, required) => {
    const at =
      n.op === 'union' && n.all
        ? keptPositions(
            n.columns.map((c) => c.id),
            (id) => required.has(id),
          )
        : undefined;
    if (!at) return keepAll(n);
    const inputs = n.inputs.map((input) => {
      const wanted = pick(input.columns, at).map((c) => c.id);
      const pruned = prune(input, new Set(wanted));
      const exact =
        pruned.columns.length === wanted.length &&
        pruned.columns.every((c, i) => c.id === wanted[i]);
      return exact ? pruned : projectIds(pruned, wanted);
    });
    return { ...n, inputs, columns: pick(n.columns, at) };
  },
  window: (n, required) => {
    const base = n.columns.length - n.calls.length;
    const callIds = n.columns.slice(base).map((c) => c.id);
    const calls = n.calls.filter((_c, i) => required.has(callIds[i]!));
    const ownCols = n.columns.slice(base).filter((c) => required.has(c.id));
    const need = refsOfAll(nodeExprs({ ...n, calls }), new Set(required));
    const input = prune(n.input, need);
    if (calls.length === 0) return input;
    return { ...n, input, calls, columns: [...input.columns, ...ownCols] };
  },
  'recursive-cte': keepAll,
  insert: keepAll,
  delete: keepAll,
  update: keepAll,
  merge: keepAll,
  call: (n) => n,
};
