import type { TableRef } from '../../catalog/catalog.js';
import type { SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import type { BoundExpr, ColumnId } from './bound-expr.js';

/**
 * The plan algebra (DESIGN.md §2, §4.1): immutable plain data with a literal `kind`,
 * built by the binder, rewritten by the optimizer's rules, printed by EXPLAIN and
 * lowered to operators by src/exec. Whole subtrees cross to the workers by
 * structured clone, so nothing here is a class instance or a closure.
 *
 * Every node lists its output `columns`. A column keeps its id from the node that
 * produces it all the way up (a filter or a join passes ids through), so rules
 * move expressions across nodes without renumbering. Physical choices (join
 * build side, partial aggregation in workers, top-N) are fields the rules set on
 * these same nodes; there is no second tree.
 */
export type LogicalPlan =
  | ScanNode
  | SystemScanNode
  | ValuesNode
  | TableFunctionNode
  | FilterNode
  | ProjectNode
  | AggregateNode
  | JoinNode
  | SortNode
  | LimitNode
  | TopNNode
  | SetOpNode
  | WindowNode
  | RecursiveCteNode
  | WorkTableScanNode
  | InsertNode
  | DeleteNode
  | UpdateNode
  | MergeNode
  | CallNode;

export type PlanKind = LogicalPlan['kind'];

/** One output column of a node. */
export interface PlanColumn {
  readonly id: ColumnId;
  /** The name a client sees (RowDescription) when this column reaches the top. */
  readonly name: string;
  readonly type: SqlType;
  /** For RowDescription: the source table's OID and attnum, when a plain column. */
  readonly tableOid?: number;
  readonly columnNumber?: number;
}

interface Node<K extends string> {
  readonly kind: K;
  readonly columns: readonly PlanColumn[];
}

/** An ordering key: by expression over the input's columns. */
export interface SortKey {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

// ------------------------------------------------------------------ leaves

/** `VERSION AS OF` / `TIMESTAMP AS OF`, validated by the binder; each format resolves it. */
export type TimeTravelSpec =
  | { readonly by: 'version'; readonly version: string | bigint }
  | { readonly by: 'timestamp'; readonly micros: bigint };

/**
 * A lake table read. `columns` are the projected table columns (projection pushdown
 * trims them); `filters` are conjuncts pushed down for pruning, which the scan also
 * applies exactly (they are not repeated in a Filter above).
 */
export interface ScanNode extends Node<'scan'> {
  readonly table: TableRef;
  /** The table column each output column reads, parallel to `columns`. */
  readonly tableColumns: readonly string[];
  readonly filters: readonly BoundExpr[];
  readonly timeTravel: TimeTravelSpec | null;
  /** Set by limit pushdown when no filter stands between: stop after this many rows. */
  readonly limit: number | null;
}

/** A pg_catalog / information_schema relation, looked up by name at execution. */
export interface SystemScanNode extends Node<'system-scan'> {
  readonly relation: string;
  /** The relation's column index each output column reads, parallel to `columns`. */
  readonly relationColumns: readonly number[];
}

/** `VALUES (...), (...)` and the one empty row a FROM-less SELECT reads. */
export interface ValuesNode extends Node<'values'> {
  readonly rows: readonly (readonly BoundExpr[])[];
}

/** A set-returning function in FROM or the select list: generate_series, range, unnest/explode. */
export interface TableFunctionNode extends Node<'table-function'> {
  readonly fn: TableFunctionName;
  readonly args: readonly BoundExpr[];
  /** When the function's arguments read columns of another relation (`unnest(t.arr)`, LATERAL). */
  readonly input: LogicalPlan | null;
  /** `WITH ORDINALITY` / posexplode: an extra int8 position column last. */
  readonly ordinality: boolean;
}

export type TableFunctionName = 'generate_series' | 'range' | 'unnest' | 'explode' | 'posexplode';

/** The rows the recursive part of a WITH RECURSIVE reads: the previous iteration's. */
export interface WorkTableScanNode extends Node<'work-table-scan'> {
  readonly cteId: number;
}

// ------------------------------------------------------------------ row operators

export interface FilterNode extends Node<'filter'> {
  readonly input: LogicalPlan;
  readonly predicate: BoundExpr;
}

/** Computes `exprs`; output column i is exprs[i] (a plain `ref` keeps its id). */
export interface ProjectNode extends Node<'project'> {
  readonly input: LogicalPlan;
  readonly exprs: readonly BoundExpr[];
}

/** One aggregate call. `fn` names an aggregate of the FunctionCatalog. */
export interface AggregateCall {
  readonly fn: string;
  readonly args: readonly BoundExpr[];
  readonly distinct: boolean;
  /** `agg(x) FILTER (WHERE ...)`. */
  readonly filter: BoundExpr | null;
  /** `array_agg(x ORDER BY y)`, `string_agg(x, ',' ORDER BY y)`. */
  readonly orderBy: readonly SortKey[];
  readonly type: SqlType;
}

/**
 * GROUP BY. Output: one column per key, then one per aggregate (then, with grouping
 * sets, an int8 `grouping id` bit set, PostgreSQL's GROUPING() order). No keys and no
 * grouping sets = exactly one row, even over no input.
 */
export interface AggregateNode extends Node<'aggregate'> {
  readonly input: LogicalPlan;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly AggregateCall[];
  /** ROLLUP/CUBE/GROUPING SETS: each set lists indexes into `keys`; null = plain GROUP BY. */
  readonly groupingSets: readonly (readonly number[])[] | null;
  /**
   * Set by the optimizer when the input is a scan fragment the workers run: each
   * worker aggregates its tasks' rows and the main thread merges the partial states.
   */
  readonly partial: boolean;
}

/**
 * `semi`/`anti`: output is the left's columns only. `anti` with `nullAware` is NOT IN
 * (no row when the right side has a NULL key, none for a NULL left key unless the
 * right side is empty). `single` is a left join that fails with 21000 on a second
 * match (decorrelated scalar subqueries). `mark` adds one boolean column, `markId`:
 * with `nullAware` true/false/NULL as `left IN (right)` would be (IN under OR), without
 * it plain true/false as EXISTS (EXISTS under OR, in a select list).
 */
export type JoinType =
  'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti' | 'single' | 'mark';

export interface JoinNode extends Node<'join'> {
  readonly joinType: JoinType;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** Over the left's and the right's columns; null = true. */
  readonly condition: BoundExpr | null;
  readonly nullAware: boolean;
  readonly markId: ColumnId | null;
  /** Set by join ordering from estimated sizes: which side the hash table is built on. */
  readonly buildSide: 'left' | 'right';
  /**
   * LATERAL (docs §7.2.1.5): the right side reads columns of the left (refs its own
   * inputs do not produce), so it is run per distinct tuple of those values, as a
   * correlated subquery is: a dependent join. Only inner, cross and left joins; join
   * ordering keeps it whole. Absent = false.
   */
  readonly lateral?: boolean;
}

export interface SortNode extends Node<'sort'> {
  readonly input: LogicalPlan;
  readonly keys: readonly SortKey[];
}

/** LIMIT/OFFSET with values fixed at bind time or `$n` parameters. */
export interface LimitNode extends Node<'limit'> {
  readonly input: LogicalPlan;
  readonly limit: BoundExpr | null;
  readonly offset: BoundExpr | null;
}

/**
 * Sort + limit fused by the top-N rule: keeps only limit + offset rows in a heap. The
 * binder makes one directly for `FETCH FIRST n ROWS WITH TIES`, since ties need the
 * sort keys: then rows tied with the last one on `keys` come too, and a NULL count is
 * 2201W (absent = false).
 */
export interface TopNNode extends Node<'top-n'> {
  readonly input: LogicalPlan;
  readonly keys: readonly SortKey[];
  readonly limit: BoundExpr;
  readonly offset: BoundExpr | null;
  readonly withTies?: boolean;
}

/**
 * UNION / INTERSECT / EXCEPT [ALL]; inputs' columns match by position and are already
 * cast to the output types. UNION ALL of many branches is one node with many inputs.
 */
export interface SetOpNode extends Node<'set-op'> {
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly inputs: readonly LogicalPlan[];
}

export interface WindowFrame {
  readonly unit: 'rows' | 'range' | 'groups';
  readonly start: FrameBound;
  readonly end: FrameBound;
  readonly exclude: 'no-others' | 'current-row' | 'group' | 'ties';
}

export type FrameBound =
  | { readonly kind: 'unbounded-preceding' }
  | { readonly kind: 'preceding'; readonly offset: BoundExpr }
  | { readonly kind: 'current-row' }
  | { readonly kind: 'following'; readonly offset: BoundExpr }
  | { readonly kind: 'unbounded-following' };

/** One window function call: `fn(args) OVER (PARTITION BY ... ORDER BY ... frame)`. */
export interface WindowCall {
  /** A window function (row_number, rank, lag, ...) or an aggregate of the FunctionCatalog. */
  readonly fn: string;
  readonly args: readonly BoundExpr[];
  readonly distinct: boolean;
  readonly filter: BoundExpr | null;
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
  /** null = the SQL default (RANGE UNBOUNDED PRECEDING to CURRENT ROW with ORDER BY, else whole partition). */
  readonly frame: WindowFrame | null;
  readonly ignoreNulls: boolean;
  readonly type: SqlType;
}

/** Output: the input's columns, then one per call. */
export interface WindowNode extends Node<'window'> {
  readonly input: LogicalPlan;
  readonly calls: readonly WindowCall[];
}

/** WITH RECURSIVE: anchor, then recursive term repeated over the work table until empty. */
export interface RecursiveCteNode extends Node<'recursive-cte'> {
  readonly cteId: number;
  readonly anchor: LogicalPlan;
  readonly recursive: LogicalPlan;
  /** UNION (true) removes duplicates across iterations; UNION ALL (false) keeps them. */
  readonly distinct: boolean;
}

// ------------------------------------------------------------------ writes (later issues run these)

/** Output of every write node: one int8 row count (the command tag's number). */
export interface InsertNode extends Node<'insert'> {
  readonly table: TableRef;
  readonly input: LogicalPlan;
  /** The table column each input column fills, parallel to input.columns. */
  readonly targetColumns: readonly string[];
  readonly overwrite: boolean;
  /** `PARTITION (p = 'v')` static values. */
  readonly staticPartition: Readonly<Record<string, SqlValue>>;
}

export interface DeleteNode extends Node<'delete'> {
  readonly table: TableRef;
  /** The scan of the target with the rows to delete after its filter. */
  readonly input: LogicalPlan;
}

export interface UpdateNode extends Node<'update'> {
  readonly table: TableRef;
  readonly input: LogicalPlan;
  /** Column name → new value over the input's columns. */
  readonly assignments: readonly { readonly column: string; readonly value: BoundExpr }[];
}

export interface MergeAction {
  readonly when: 'matched' | 'not-matched' | 'not-matched-by-source';
  readonly condition: BoundExpr | null;
  readonly action: 'update' | 'delete' | 'insert';
  readonly assignments: readonly { readonly column: string; readonly value: BoundExpr }[];
}

/** MERGE INTO: a full join of target and source classified by `actions` in order. */
export interface MergeNode extends Node<'merge'> {
  readonly table: TableRef;
  readonly input: LogicalPlan;
  readonly actions: readonly MergeAction[];
}

export interface CallNode extends Node<'call'> {
  readonly procedure: string;
  readonly args: readonly { readonly name: string | null; readonly value: SqlValue }[];
}
