import type { BoundExpr, BoundSubquery, ColumnId } from './bound-expr.js';
import { conjuncts, refsOf } from './expr-visit.js';
import type {
  AggregateCall,
  LogicalPlan,
  PlanColumn,
  PlanKind,
  WindowCall,
  WindowFrame,
  FrameBound,
} from './logical-plan.js';
import { children, forEachNode, nodeSubqueries } from './plan-visit.js';
import { printExpr, printSortKey, type ExprPrintContext } from './print-expr.js';

/**
 * EXPLAIN text for a plan: one line per node, children indented two spaces,
 * deterministic (no addresses, no hash order), so rule tests compare printed plans.
 * Subqueries inside expressions print as `(SubPlan n)`, their plans below the node
 * under a `SubPlan n` line, as PostgreSQL does.
 */
export interface PrintPlanOptions {
  /**
   * Extra text for a node's line (EXPLAIN ANALYZE: `rows=… time=… bytes=…`). `path`
   * is the child indexes from the root; a node's subplans follow its children
   * (index children.length + k).
   */
  readonly annotate?: (node: LogicalPlan, path: readonly number[]) => string;
  /** Append each node's output columns (EXPLAIN VERBOSE). */
  readonly columns?: boolean;
}

export function printPlan(plan: LogicalPlan, options: PrintPlanOptions = {}): string[] {
  const names = new Map<ColumnId, string>();
  collectNames(plan, names);
  const numbers = new Map<BoundSubquery, number>();
  const ctx: ExprPrintContext = {
    names,
    subPlan: (s) => {
      let n = numbers.get(s);
      if (n === undefined) numbers.set(s, (n = numbers.size + 1));
      return n;
    },
  };
  const lines: string[] = [];
  printNode(plan, 0, [], { ctx, options, lines });
  return lines;
}

interface State {
  readonly ctx: ExprPrintContext;
  readonly options: PrintPlanOptions;
  readonly lines: string[];
}

function printNode(plan: LogicalPlan, depth: number, path: readonly number[], st: State): void {
  const indent = '  '.repeat(depth);
  let line =
    indent + (heads[plan.kind] as (n: LogicalPlan, c: ExprPrintContext) => string)(plan, st.ctx);
  if (st.options.columns) line += ` => [${cols(plan.columns, st.ctx)}]`;
  const note = st.options.annotate?.(plan, path);
  if (note) line += `  ${note}`;
  st.lines.push(line);
  const kids = children(plan);
  kids.forEach((c, i) => printNode(c, depth + 1, [...path, i], st));
  nodeSubqueries(plan).forEach((s, k) => {
    st.lines.push(`${indent}  SubPlan ${st.ctx.subPlan(s)}`);
    printNode(s.plan, depth + 2, [...path, kids.length + k], st);
  });
}

function collectNames(plan: LogicalPlan, names: Map<ColumnId, string>): void {
  forEachNode(plan, (p) => {
    for (const c of p.columns) if (!names.has(c.id)) names.set(c.id, c.name);
    for (const s of nodeSubqueries(p)) collectNames(s.plan, names);
  });
}

type Ctx = ExprPrintContext;
type NodeOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;
type Heads = { readonly [K in PlanKind]: (n: NodeOf<K>, ctx: Ctx) => string };

const cols = (cs: readonly PlanColumn[], ctx: Ctx): string =>
  cs.map((c) => printExpr({ kind: 'ref', id: c.id, type: c.type }, ctx)).join(', ');
const list = (es: readonly BoundExpr[], ctx: Ctx): string =>
  es.map((e) => printExpr(e, ctx)).join(', ');
const and = (es: readonly BoundExpr[], ctx: Ctx): string =>
  es.length === 1 && es[0]
    ? printExpr(es[0], ctx)
    : printExpr({ kind: 'and', type: es[0]?.type ?? { kind: 'bool' }, args: es }, ctx);
/** An output computed from `e`: just `e` when it is the column itself, else `e AS col`. */
const named = (e: BoundExpr, c: PlanColumn | undefined, ctx: Ctx): string => {
  const text = printExpr(e, ctx);
  if (!c || (e.kind === 'ref' && e.id === c.id)) return text;
  return `${text} AS ${printExpr({ kind: 'ref', id: c.id, type: c.type }, ctx)}`;
};
const table = (t: { ident: { namespace: string; name: string } }): string =>
  `${t.ident.namespace}.${t.ident.name}`;

function printAgg(a: AggregateCall, ctx: Ctx): string {
  const args = a.args.length === 0 && a.fn === 'count' ? '*' : list(a.args, ctx);
  const order = a.orderBy.length
    ? ` ORDER BY ${a.orderBy.map((k) => printSortKey(k, ctx)).join(', ')}`
    : '';
  const filter = a.filter ? ` FILTER (WHERE ${printExpr(a.filter, ctx)})` : '';
  return `${a.fn}(${a.distinct ? 'DISTINCT ' : ''}${args}${order})${filter}`;
}

function printBound(b: FrameBound, ctx: Ctx): string {
  switch (b.kind) {
    case 'unbounded-preceding':
      return 'UNBOUNDED PRECEDING';
    case 'unbounded-following':
      return 'UNBOUNDED FOLLOWING';
    case 'current-row':
      return 'CURRENT ROW';
    case 'preceding':
      return `${printExpr(b.offset, ctx)} PRECEDING`;
    case 'following':
      return `${printExpr(b.offset, ctx)} FOLLOWING`;
  }
}

function printFrame(f: WindowFrame, ctx: Ctx): string {
  const exclude =
    f.exclude === 'no-others' ? '' : ` EXCLUDE ${f.exclude.replace('-', ' ').toUpperCase()}`;
  return `${f.unit.toUpperCase()} BETWEEN ${printBound(f.start, ctx)} AND ${printBound(f.end, ctx)}${exclude}`;
}

function printWindow(w: WindowCall, ctx: Ctx): string {
  const parts: string[] = [];
  if (w.partitionBy.length) parts.push(`PARTITION BY ${list(w.partitionBy, ctx)}`);
  if (w.orderBy.length)
    parts.push(`ORDER BY ${w.orderBy.map((k) => printSortKey(k, ctx)).join(', ')}`);
  if (w.frame) parts.push(printFrame(w.frame, ctx));
  const call = printAgg({ ...w, orderBy: [] }, ctx);
  return `${call}${w.ignoreNulls ? ' IGNORE NULLS' : ''} OVER (${parts.join(' ')})`;
}

/** Hash join when some conjunct equates an expression of each side; else nested loops. */
function joinAlgorithm(n: NodeOf<'join'>): string {
  if (n.joinType === 'cross' || n.condition === null) return 'NestedLoopJoin';
  const l = new Set(n.left.columns.map((c) => c.id));
  const r = new Set(n.right.columns.map((c) => c.id));
  const within = (e: BoundExpr, s: Set<ColumnId>): boolean => {
    const ids = refsOf(e);
    return ids.size > 0 && [...ids].every((id) => s.has(id));
  };
  const equi = conjuncts(n.condition).some((c) => {
    if (c.kind !== 'call' || c.fn !== '=' || c.args.length !== 2) return false;
    const [a, b] = c.args as [BoundExpr, BoundExpr];
    return (within(a, l) && within(b, r)) || (within(a, r) && within(b, l));
  });
  return equi ? 'HashJoin' : 'NestedLoopJoin';
}

const heads: Heads = {
  scan: (n, ctx) => {
    const cs = n.columns.map((c, i) => {
      const t = n.tableColumns[i];
      const own = printExpr({ kind: 'ref', id: c.id, type: c.type }, ctx);
      return t === undefined || t === c.name ? own : `${t} AS ${own}`;
    });
    const tt = n.timeTravel
      ? n.timeTravel.by === 'version'
        ? ` version as of ${String(n.timeTravel.version)}`
        : ` timestamp as of ${n.timeTravel.micros}`
      : '';
    const filters = n.filters.length ? ` filters: ${and(n.filters, ctx)}` : '';
    const limit = n.limit === null ? '' : ` limit: ${n.limit}`;
    return `Scan ${table(n.table)}${tt} [${cs.join(', ')}]${filters}${limit}`;
  },
  'system-scan': (n, ctx) => `SystemScan ${n.relation} [${cols(n.columns, ctx)}]`,
  values: (n, ctx) =>
    `Values (${n.rows.length} row${n.rows.length === 1 ? '' : 's'}) [${cols(n.columns, ctx)}]`,
  'table-function': (n, ctx) =>
    `TableFunction ${n.fn}(${list(n.args, ctx)})${n.ordinality ? ' WITH ORDINALITY' : ''} [${cols(n.columns, ctx)}]`,
  'work-table-scan': (n, ctx) => `WorkTableScan ${n.cteId} [${cols(n.columns, ctx)}]`,
  filter: (n, ctx) => `Filter ${printExpr(n.predicate, ctx)}`,
  project: (n, ctx) => `Project ${n.exprs.map((e, i) => named(e, n.columns[i], ctx)).join(', ')}`,
  aggregate: (n, ctx) => {
    const parts = [n.partial ? 'Aggregate partial' : 'Aggregate'];
    if (n.keys.length)
      parts.push(`keys: ${n.keys.map((k, i) => named(k, n.columns[i], ctx)).join(', ')}`);
    const aggs = n.aggregates.map((a, i) => {
      const c = n.columns[n.keys.length + i];
      return c ? `${printAgg(a, ctx)} AS ${cols([c], ctx)}` : printAgg(a, ctx);
    });
    if (aggs.length) parts.push(`aggs: ${aggs.join(', ')}`);
    if (n.groupingSets)
      parts.push(`sets: ${n.groupingSets.map((s) => `(${s.join(', ')})`).join(', ')}`);
    return parts.join(' ');
  },
  join: (n, ctx) => {
    const algo = n.lateral ? 'LateralJoin' : joinAlgorithm(n);
    const build = algo === 'HashJoin' ? ` (build ${n.buildSide})` : '';
    const aware = n.nullAware ? ' null-aware' : '';
    const mark =
      n.markId === null
        ? ''
        : ` mark: ${cols(
            n.columns.filter((c) => c.id === n.markId),
            ctx,
          )}`;
    const on = n.condition ? ` on ${printExpr(n.condition, ctx)}` : '';
    return `${algo} ${n.joinType}${aware}${build}${on}${mark}`;
  },
  sort: (n, ctx) => `Sort ${n.keys.map((k) => printSortKey(k, ctx)).join(', ')}`,
  limit: (n, ctx) =>
    `Limit ${n.limit ? printExpr(n.limit, ctx) : 'ALL'}${n.offset ? ` offset ${printExpr(n.offset, ctx)}` : ''}`,
  'top-n': (n, ctx) =>
    `TopN ${printExpr(n.limit, ctx)}${n.withTies ? ' with ties' : ''}${n.offset ? ` offset ${printExpr(n.offset, ctx)}` : ''} by ${n.keys
      .map((k) => printSortKey(k, ctx))
      .join(', ')}`,
  'set-op': (n, ctx) =>
    `${n.op[0]?.toUpperCase()}${n.op.slice(1)}${n.all ? ' all' : ''} [${cols(n.columns, ctx)}]`,
  window: (n, ctx) => {
    const own = n.columns.slice(n.columns.length - n.calls.length);
    return `Window ${n.calls.map((w, i) => `${printWindow(w, ctx)} AS ${cols(own.slice(i, i + 1), ctx)}`).join(', ')}`;
  },
  'recursive-cte': (n, ctx) =>
    `RecursiveCte ${n.cteId} ${n.distinct ? 'union' : 'union all'} [${cols(n.columns, ctx)}]`,
  insert: (n) =>
    `Insert${n.overwrite ? ' overwrite' : ''} into ${table(n.table)} (${n.targetColumns.join(', ')})`,
  delete: (n) => `Delete from ${table(n.table)}`,
  update: (n, ctx) =>
    `Update ${table(n.table)} set ${n.assignments.map((a) => `${a.column} = ${printExpr(a.value, ctx)}`).join(', ')}`,
  merge: (n, ctx) =>
    `Merge into ${table(n.table)} ${n.actions
      .map(
        (a) =>
          `when ${a.when}${a.condition ? ` and ${printExpr(a.condition, ctx)}` : ''} then ${a.action}`,
      )
      .join(', ')}`,
  call: (n) =>
    `Call ${n.procedure}(${n.args.map((a) => (a.name ? `${a.name} => ` : '') + JSON.stringify(a.value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).join(', ')})`,
};
