import type { TableRef } from '../../catalog/catalog.js';
import { assert } from '../../src/common/assert.js';
import { Types, type SqlType } from '../../src/common/sql-types.js';
import type { BoundExpr, ColumnId } from './bound-expr.js';
import type {
  AggregateCall,
  AggregateNode,
  FilterNode,
  JoinNode,
  JoinType,
  LimitNode,
  LogicalPlan,
  PlanColumn,
  ProjectNode,
  RecursiveCteNode,
  ScanNode,
  SetOpNode,
  SortKey,
  SortNode,
  SystemScanNode,
  TableFunctionName,
  TableFunctionNode,
  TimeTravelSpec,
  TopNNode,
  ValuesNode,
  WindowCall,
  WindowNode,
  WorkTableScanNode,
} from './logical-plan.js';
import { joinColumns } from './plan-visit.js';

/**
 * Small factories for the plan nodes (DESIGN.md §4.1): each fills the defaults and
 * computes `columns` where they follow from the inputs. Columns that a node makes
 * (project outputs, aggregates, window calls, set-op outputs) carry ids the caller
 * hands out, because ids are statement-unique (plan-visit.ts nextColumnId).
 */

export const planColumn = (id: ColumnId, name: string, type: SqlType): PlanColumn => ({
  id,
  name,
  type,
});

/** PostgreSQL's default: NULLS LAST ascending, NULLS FIRST descending. */
export const sortKey = (expr: BoundExpr, descending = false, nullsFirst = descending): SortKey => ({
  expr,
  descending,
  nullsFirst,
});

export function scan(
  table: TableRef,
  columns: readonly PlanColumn[],
  opts: {
    tableColumns?: readonly string[];
    filters?: readonly BoundExpr[];
    timeTravel?: TimeTravelSpec | null;
    limit?: number | null;
  } = {},
): ScanNode {
  return {
    kind: 'scan',
    table,
    columns,
    tableColumns: opts.tableColumns ?? columns.map((c) => c.name),
    filters: opts.filters ?? [],
    timeTravel: opts.timeTravel ?? null,
    limit: opts.limit ?? null,
  };
}

export const systemScan = (
  relation: string,
  columns: readonly PlanColumn[],
  relationColumns: readonly number[],
): SystemScanNode => ({ kind: 'system-scan', relation, columns, relationColumns });

export const values = (
  rows: readonly (readonly BoundExpr[])[],
  columns: readonly PlanColumn[],
): ValuesNode => ({
  kind: 'values',
  rows,
  columns,
});

/** An empty relation with these columns (what a false filter becomes). */
export const emptyValues = (columns: readonly PlanColumn[]): ValuesNode => values([], columns);

export const tableFunction = (
  fn: TableFunctionName,
  args: readonly BoundExpr[],
  columns: readonly PlanColumn[],
  opts: { input?: LogicalPlan | null; ordinality?: boolean } = {},
): TableFunctionNode => ({
  kind: 'table-function',
  fn,
  args,
  columns,
  input: opts.input ?? null,
  ordinality: opts.ordinality ?? false,
});

export const workTableScan = (
  cteId: number,
  columns: readonly PlanColumn[],
): WorkTableScanNode => ({
  kind: 'work-table-scan',
  cteId,
  columns,
});

export const filter = (input: LogicalPlan, predicate: BoundExpr): FilterNode => ({
  kind: 'filter',
  input,
  predicate,
  columns: input.columns,
});

/**
 * Project `exprs`; without `columns`, every expr must be a ref to an input column,
 * whose column (id, name, type) passes through.
 */
export function project(
  input: LogicalPlan,
  exprs: readonly BoundExpr[],
  columns?: readonly PlanColumn[],
): ProjectNode {
  const cols =
    columns ??
    exprs.map((e) => {
      const c = e.kind === 'ref' ? input.columns.find((x) => x.id === e.id) : undefined;
      assert(c !== undefined, 'project without columns needs refs to input columns');
      return c;
    });
  assert(cols.length === exprs.length, 'project: one column per expression');
  return { kind: 'project', input, exprs, columns: cols };
}

/** Keep just these input columns, in this order. */
export const projectIds = (input: LogicalPlan, ids: readonly ColumnId[]): ProjectNode =>
  project(
    input,
    ids.map((id) => {
      const c = input.columns.find((x) => x.id === id);
      assert(c !== undefined, `column #${id} is not an input column`);
      return { kind: 'ref', id, type: c.type };
    }),
  );

export const aggregateCall = (
  fn: string,
  args: readonly BoundExpr[],
  type: SqlType,
  opts: Partial<Pick<AggregateCall, 'distinct' | 'filter' | 'orderBy'>> = {},
): AggregateCall => ({
  fn,
  args,
  type,
  distinct: opts.distinct ?? false,
  filter: opts.filter ?? null,
  orderBy: opts.orderBy ?? [],
});

/** `columns`: one per key, then one per aggregate (then the grouping id with grouping sets). */
export function aggregate(
  input: LogicalPlan,
  keys: readonly BoundExpr[],
  aggregates: readonly AggregateCall[],
  columns: readonly PlanColumn[],
  opts: { groupingSets?: readonly (readonly number[])[] | null; partial?: boolean } = {},
): AggregateNode {
  const groupingSets = opts.groupingSets ?? null;
  const expected = keys.length + aggregates.length + (groupingSets ? 1 : 0);
  assert(columns.length === expected, 'aggregate: one column per key and aggregate');
  return {
    kind: 'aggregate',
    input,
    keys,
    aggregates,
    columns,
    groupingSets,
    partial: opts.partial ?? false,
  };
}

export function join(
  joinType: JoinType,
  left: LogicalPlan,
  right: LogicalPlan,
  condition: BoundExpr | null,
  opts: { nullAware?: boolean; mark?: PlanColumn; buildSide?: 'left' | 'right' } = {},
): JoinNode {
  assert(joinType !== 'mark' || opts.mark !== undefined, 'a mark join needs its mark column');
  const mark = opts.mark ? [opts.mark] : [];
  return {
    kind: 'join',
    joinType,
    left,
    right,
    condition,
    nullAware: opts.nullAware ?? false,
    markId: opts.mark?.id ?? null,
    buildSide: opts.buildSide ?? 'right',
    columns: joinColumns(joinType, left, right, mark),
  };
}

export const markColumn = (id: ColumnId, name = 'mark'): PlanColumn =>
  planColumn(id, name, Types.bool);

export const sort = (input: LogicalPlan, keys: readonly SortKey[]): SortNode => ({
  kind: 'sort',
  input,
  keys,
  columns: input.columns,
});

export const limit = (
  input: LogicalPlan,
  count: BoundExpr | null,
  offset: BoundExpr | null = null,
): LimitNode => ({
  kind: 'limit',
  input,
  limit: count,
  offset,
  columns: input.columns,
});

export const topN = (
  input: LogicalPlan,
  keys: readonly SortKey[],
  count: BoundExpr,
  offset: BoundExpr | null = null,
  withTies = false,
): TopNNode => ({
  kind: 'top-n',
  input,
  keys,
  limit: count,
  offset,
  ...(withTies ? { withTies } : {}),
  columns: input.columns,
});

/** Output columns need their own ids: branch i's column k feeds output column k. */
export function setOp(
  op: SetOpNode['op'],
  all: boolean,
  inputs: readonly LogicalPlan[],
  columns: readonly PlanColumn[],
): SetOpNode {
  assert(
    inputs.every((i) => i.columns.length === columns.length),
    'set-op inputs must have as many columns as the output',
  );
  return { kind: 'set-op', op, all, inputs, columns };
}

export const windowCall = (
  fn: string,
  args: readonly BoundExpr[],
  type: SqlType,
  opts: Partial<Omit<WindowCall, 'fn' | 'args' | 'type'>> = {},
): WindowCall => ({
  fn,
  args,
  type,
  distinct: opts.distinct ?? false,
  filter: opts.filter ?? null,
  partitionBy: opts.partitionBy ?? [],
  orderBy: opts.orderBy ?? [],
  frame: opts.frame ?? null,
  ignoreNulls: opts.ignoreNulls ?? false,
});

/** `callColumns`: one per call, appended to the input's columns. */
export function window(
  input: LogicalPlan,
  calls: readonly WindowCall[],
  callColumns: readonly PlanColumn[],
): WindowNode {
  assert(calls.length === callColumns.length, 'window: one column per call');
  return { kind: 'window', input, calls, columns: [...input.columns, ...callColumns] };
}

export const recursiveCte = (
  cteId: number,
  anchor: LogicalPlan,
  recursive: LogicalPlan,
  distinct: boolean,
  columns: readonly PlanColumn[],
): RecursiveCteNode => ({ kind: 'recursive-cte', cteId, anchor, recursive, distinct, columns });
