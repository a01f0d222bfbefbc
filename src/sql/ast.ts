/**
 * lakegate's own statement AST (DESIGN.md §4.8): immutable plain data with a literal
 * `kind` and a source span on every node, so the binder can point errors at the
 * text. node-sql-parser's AST never leaves src/sql.
 *
 * Spans are 0-based [start, end) offsets into the text given to `parse`; a
 * PostgreSQL error position is `span.start + 1`.
 */
import type {
  AlterTable,
  CreateDatabase,
  CreateTable,
  DropDatabase,
  DropTable,
} from './ast-ddl.js';
import type {
  CallStatement,
  DeleteStatement,
  InsertStatement,
  MergeStatement,
  UpdateStatement,
} from './ast-dml.js';
import type {
  Describe,
  MsckRepair,
  Optimize,
  RestoreTable,
  ShowCatalogs,
  ShowColumns,
  ShowCreateTable,
  ShowDatabases,
  ShowPartitions,
  ShowTables,
  ShowTblProperties,
  TruncateTable,
  Vacuum,
} from './ast-meta.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Node<K extends string> {
  readonly kind: K;
  readonly span: Span;
}

// ---------------------------------------------------------------- identifiers and types

/** A possibly qualified name; each part already case-folded unless it was quoted. */
export interface QualifiedName extends Node<'name'> {
  readonly parts: readonly string[];
}

/** A type as written: `integer`, `varchar(10)`, `numeric(10,2)[]`, Spark's `array<int>`. */
export interface TypeName extends Node<'type-name'> {
  /** Lower-cased, multi-word names joined by one space: 'double precision', 'timestamp with time zone'. */
  readonly name: string;
  readonly modifiers: readonly number[];
  /** Spark-style parameters: array<T>, map<K, V>, struct<name: T, ...>. */
  readonly typeArgs: readonly TypeName[];
  /** Field names for struct<...>, parallel to typeArgs. */
  readonly fieldNames: readonly string[];
  readonly arrayDims: number;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | Literal
  | TypedLiteral
  | ColumnRef
  | Star
  | Param
  | Unary
  | Binary
  | FunctionCall
  | Cast
  | Case
  | InList
  | Between
  | IsTest
  | Like
  | Subscript
  | ArrayLiteral
  | ScalarSubquery
  | Exists
  | InSubquery
  | Quantified
  | RowConstructor
  | GroupingSets;

export interface Literal extends Node<'literal'> {
  readonly value:
    | { readonly type: 'null' }
    | { readonly type: 'boolean'; readonly value: boolean }
    /** Numbers keep their text: 2^63 and 0.1 must not pass through a double. */
    | { readonly type: 'integer'; readonly text: string }
    | { readonly type: 'decimal'; readonly text: string }
    | { readonly type: 'string'; readonly value: string };
}

/** `date '2024-01-01'`, `timestamp '...'`, `interval '1 day'`. */
export interface TypedLiteral extends Node<'typed-literal'> {
  readonly type: TypeName;
  readonly value: string;
}

export interface ColumnRef extends Node<'column'> {
  readonly name: QualifiedName;
}

/** `*` or `t.*` in a select list or `count(*)`. */
export interface Star extends Node<'star'> {
  readonly qualifier: QualifiedName | null;
}

/** `$1`, `$2`, ... (1-based). */
export interface Param extends Node<'param'> {
  readonly index: number;
}

export type UnaryOp = 'not' | '-' | '+' | '~';
export interface Unary extends Node<'unary'> {
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export type BinaryOp =
  | 'or'
  | 'and'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '||'
  | '&'
  | '|'
  | '#'
  | '<<'
  | '>>';
export interface Binary extends Node<'binary'> {
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface FunctionCall extends Node<'function'> {
  readonly name: QualifiedName;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  /** Named arguments (`name => value`), for CALL and table functions. */
  readonly argNames: readonly (string | null)[];
  /** `agg(x ORDER BY y)` inside the parentheses (array_agg, string_agg); empty when not written. */
  readonly orderBy: readonly OrderItem[];
  /** `agg(x) FILTER (WHERE cond)`. */
  readonly filter: Expr | null;
  /** `IGNORE NULLS` / `RESPECT NULLS` (lag, lead, first_value, last_value); null when not written. */
  readonly nullTreatment: 'ignore' | 'respect' | null;
  /** `OVER (...)` or `OVER name`; null for a plain call. */
  readonly over: WindowSpec | null;
}

/**
 * A window: `OVER (PARTITION BY ... ORDER BY ... frame)`, `OVER w`, or `OVER (w ORDER BY ...)`
 * refining a named window of the SELECT's WINDOW clause.
 */
export interface WindowSpec extends Node<'window-spec'> {
  /** The named window this one refines or is; null when written inline only. */
  readonly base: string | null;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame: WindowFrame | null;
}

export interface WindowFrame extends Node<'window-frame'> {
  readonly unit: 'rows' | 'range' | 'groups';
  readonly start: FrameBound;
  /** `ROWS x` without BETWEEN ends at CURRENT ROW. */
  readonly end: FrameBound;
  readonly exclude: 'no-others' | 'current-row' | 'group' | 'ties';
}

export interface FrameBound {
  readonly kind:
    'unbounded-preceding' | 'preceding' | 'current-row' | 'following' | 'unbounded-following';
  /** For `n PRECEDING` / `n FOLLOWING`. */
  readonly offset: Expr | null;
}

/**
 * `ROLLUP (a, (b, c))`, `CUBE (...)`, `GROUPING SETS ((a), (a, b), ())`, only as a
 * GROUP BY element. For rollup and cube each entry of `sets` is one element (a
 * parenthesized list is several columns); for grouping sets each entry is one set.
 */
export interface GroupingSets extends Node<'grouping-sets'> {
  readonly type: 'rollup' | 'cube' | 'sets';
  readonly sets: readonly (readonly Expr[])[];
}

/** `x::t`, `CAST(x AS t)`, `TRY_CAST(x AS t)`. */
export interface Cast extends Node<'cast'> {
  readonly operand: Expr;
  readonly type: TypeName;
  readonly tryCast: boolean;
}

export interface Case extends Node<'case'> {
  /** `CASE x WHEN ...` has an operand; searched `CASE WHEN ...` does not. */
  readonly operand: Expr | null;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
}

export interface InList extends Node<'in-list'> {
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
}

export interface Between extends Node<'between'> {
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  /** `BETWEEN SYMMETRIC`: the bounds in either order (docs §9.2). */
  readonly symmetric: boolean;
}

/** `IS [NOT] NULL | TRUE | FALSE | UNKNOWN`, `IS [NOT] DISTINCT FROM x`. */
export interface IsTest extends Node<'is'> {
  readonly operand: Expr;
  readonly test: 'null' | 'true' | 'false' | 'unknown' | 'distinct-from';
  readonly other: Expr | null;
  readonly negated: boolean;
}

export interface Like extends Node<'like'> {
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | null;
  readonly caseInsensitive: boolean;
  readonly negated: boolean;
}

/** `a[1]`, `m['key']`. */
export interface Subscript extends Node<'subscript'> {
  readonly operand: Expr;
  readonly index: Expr;
}

/** `ARRAY[1, 2, 3]`. */
export interface ArrayLiteral extends Node<'array'> {
  readonly elements: readonly Expr[];
}

export interface ScalarSubquery extends Node<'scalar-subquery'> {
  readonly query: Query;
}

export interface Exists extends Node<'exists'> {
  readonly query: Query;
  readonly negated: boolean;
}

export interface InSubquery extends Node<'in-subquery'> {
  readonly operand: Expr;
  readonly query: Query;
  readonly negated: boolean;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/**
 * `x op ANY|SOME|ALL (subquery)` and `x op ANY|ALL (array)` (docs §9.23, §9.24); SOME
 * is ANY. Exactly one of `query` and `array` is set.
 */
export interface Quantified extends Node<'quantified'> {
  readonly operand: Expr;
  readonly op: ComparisonOp;
  readonly quantifier: 'any' | 'all';
  readonly query: Query | null;
  readonly array: Expr | null;
}

/** `ROW(a, b)`, `ROW()`, `(a, b)` (docs §4.2.13); `explicit` when ROW was written. */
export interface RowConstructor extends Node<'row'> {
  readonly items: readonly Expr[];
  readonly explicit: boolean;
}

// ---------------------------------------------------------------- queries

export interface SelectItem extends Node<'select-item'> {
  readonly expr: Expr;
  readonly alias: string | null;
}

/** Time travel on a table reference (`VERSION AS OF`, `FOR TIMESTAMP AS OF`, ...). */
export interface TimeTravel extends Node<'time-travel'> {
  readonly by: 'version' | 'timestamp';
  readonly value: Expr;
}

export type FromItem = TableRef | SubqueryRef | JoinRef | TableFunctionRef;

export interface TableRef extends Node<'table-ref'> {
  readonly name: QualifiedName;
  readonly alias: string | null;
  /** `t AS x (a, b)`: renames the table's first columns; empty when not written. */
  readonly columnAliases: readonly string[];
  readonly timeTravel: TimeTravel | null;
}

export interface SubqueryRef extends Node<'subquery-ref'> {
  readonly query: Query;
  /** `LATERAL (...)`: the subquery sees the columns of the FROM items before it. */
  readonly lateral: boolean;
  readonly alias: string | null;
  /** `(...) AS x (a, b)` (TPC-H Q13): renames the subquery's columns; empty when not written. */
  readonly columnAliases: readonly string[];
}

/**
 * A set-returning function in FROM: `[LATERAL] generate_series(1, 10) [WITH ORDINALITY]
 * [AS] g [(n)]`. PostgreSQL treats every function in FROM as LATERAL (docs §7.2.1.5), so
 * `lateral` only records that the key word was written.
 */
export interface TableFunctionRef extends Node<'table-function'> {
  readonly call: FunctionCall;
  readonly lateral: boolean;
  /** `WITH ORDINALITY`: an int8 position column after the function's own. */
  readonly ordinality: boolean;
  readonly alias: string | null;
  readonly columnAliases: readonly string[];
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';
export interface JoinRef extends Node<'join'> {
  readonly type: JoinType;
  readonly left: FromItem;
  readonly right: FromItem;
  readonly on: Expr | null;
  readonly using: readonly string[] | null;
  /** `NATURAL JOIN`: USING over the column names both sides have (on and using null). */
  readonly natural: boolean;
}

export interface OrderItem extends Node<'order-item'> {
  readonly expr: Expr;
  readonly descending: boolean;
  /** null = the default (NULLS LAST for ASC, NULLS FIRST for DESC, as PostgreSQL). */
  readonly nullsFirst: boolean | null;
}

export interface Select extends Node<'select'> {
  readonly distinct: boolean;
  /** `DISTINCT ON (a, b)`: one row per distinct value of these; empty otherwise. */
  readonly distinctOn: readonly Expr[];
  readonly items: readonly SelectItem[];
  readonly from: readonly FromItem[];
  readonly where: Expr | null;
  readonly groupBy: readonly Expr[];
  readonly having: Expr | null;
  /** `WINDOW w AS (...)`: named windows for `OVER w`. */
  readonly windows: readonly { readonly name: string; readonly spec: WindowSpec }[];
}

export interface Values extends Node<'values'> {
  readonly rows: readonly (readonly Expr[])[];
}

export interface SetOperation extends Node<'set-operation'> {
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

export type QueryBody = Select | Values | SetOperation | Query;

export interface CommonTableExpr extends Node<'cte'> {
  readonly name: string;
  /** Written in a `WITH RECURSIVE` list (every CTE of that list is marked). */
  readonly recursive: boolean;
  readonly columns: readonly string[];
  readonly query: Query;
}

/** A full query: WITH, body, ORDER BY, LIMIT/OFFSET. */
export interface Query extends Node<'query'> {
  readonly with: readonly CommonTableExpr[];
  readonly body: QueryBody;
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
  /** `FETCH FIRST n ROWS WITH TIES`: rows tied with the last one on ORDER BY come too. */
  readonly withTies: boolean;
}

// ---------------------------------------------------------------- statements

export type * from './ast-ddl.js';
export type * from './ast-dml.js';
export type * from './ast-meta.js';

export type Statement =
  | Query
  | SetStatement
  | ResetStatement
  | ShowStatement
  | TransactionStatement
  | DiscardStatement
  | DeallocateStatement
  | DeclareCursor
  | FetchStatement
  | CloseCursor
  | CopyTo
  | Explain
  | UseStatement
  | LakeStatement;

/** The lake statements of issue 3 §1 (ast-dml.ts, ast-ddl.ts, ast-meta.ts). */
export type LakeStatement =
  | InsertStatement
  | UpdateStatement
  | DeleteStatement
  | MergeStatement
  | CallStatement
  | CreateTable
  | DropTable
  | CreateDatabase
  | DropDatabase
  | AlterTable
  | Describe
  | ShowCatalogs
  | ShowDatabases
  | ShowTables
  | ShowCreateTable
  | ShowColumns
  | ShowPartitions
  | ShowTblProperties
  | MsckRepair
  | RestoreTable
  | Vacuum
  | Optimize
  | TruncateTable;

/** `SET [SESSION|LOCAL] name {TO|=} value [, ...] | DEFAULT`, `SET TIME ZONE ...`. */
export interface SetStatement extends Node<'set'> {
  readonly name: string;
  /** Each element is one item of the value list, as text; null means DEFAULT. */
  readonly value: readonly string[] | null;
  readonly local: boolean;
}

export interface ResetStatement extends Node<'reset'> {
  /** null = RESET ALL */
  readonly name: string | null;
}

export interface ShowStatement extends Node<'show'> {
  /** 'all' for SHOW ALL; 'transaction_isolation' for SHOW TRANSACTION ISOLATION LEVEL. */
  readonly name: string;
}

export type TransactionAction =
  'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollback-to';
export interface TransactionStatement extends Node<'transaction'> {
  readonly action: TransactionAction;
  readonly savepoint: string | null;
  /**
   * Which keyword the user wrote, lower case: 'begin', 'start transaction', 'commit',
   * 'end', 'rollback', 'abort', 'savepoint', 'release'; for the command tag.
   */
  readonly keyword: string;
  /** BEGIN / START TRANSACTION `ISOLATION LEVEL ...`, lower case ('repeatable read'); null if not written. */
  readonly isolationLevel: string | null;
  /** BEGIN / START TRANSACTION `READ ONLY` (true) or `READ WRITE` (false); null if not written. */
  readonly readOnly: boolean | null;
}

export interface DiscardStatement extends Node<'discard'> {
  readonly what: 'all' | 'plans' | 'sequences' | 'temp';
}

export interface DeallocateStatement extends Node<'deallocate'> {
  /** null = DEALLOCATE ALL */
  readonly name: string | null;
}

export interface DeclareCursor extends Node<'declare-cursor'> {
  readonly name: string;
  readonly binary: boolean;
  readonly scroll: boolean;
  readonly withHold: boolean;
  readonly query: Query;
}

/** `FETCH [FORWARD] [n | ALL | NEXT] [FROM | IN] name`; also `MOVE`. */
export interface FetchStatement extends Node<'fetch'> {
  readonly cursor: string;
  /** null = ALL */
  readonly count: number | null;
  readonly move: boolean;
}

export interface CloseCursor extends Node<'close-cursor'> {
  /** null = CLOSE ALL */
  readonly name: string | null;
}

/** `COPY (query) TO STDOUT [WITH] (FORMAT csv, HEADER, ...)` and the old `WITH CSV HEADER` form. */
export interface CopyTo extends Node<'copy-to'> {
  readonly query: Query;
  readonly options: readonly { readonly name: string; readonly value: string | null }[];
}

export interface Explain extends Node<'explain'> {
  readonly analyze: boolean;
  readonly verbose: boolean;
  readonly statement: Statement;
}

/** `USE [catalog.]db` (Spark, Trino). */
export interface UseStatement extends Node<'use'> {
  readonly name: QualifiedName;
}

/** The parts of a FunctionCall a plain `f(args)` leaves empty. */
export const PLAIN_CALL = {
  orderBy: [],
  filter: null,
  nullTreatment: null,
  over: null,
} as const satisfies Pick<FunctionCall, 'orderBy' | 'filter' | 'nullTreatment' | 'over'>;

export type StatementKind = Statement['kind'];
export type ExprKind = Expr['kind'];
