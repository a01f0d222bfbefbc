import type { LogicalPlan, PlanKind, ScanNode } from '../../../planner/plan/logical-plan.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import type { VecBatch } from '../vector/vec-batch.js';
import type { KeyFilters } from './key-filters.js';
import type { KeyMembership } from './key-membership.js';

/**
 * A running plan node: pull-based, a batch at a time (DESIGN.md §4.3). `next()`
 * resolves to null once the input is exhausted; `close()` releases what the operator
 * holds (open scans stop their worker tasks) and is safe to call at any point.
 * Operators never see `ref` expressions: their builder lowers them to input
 * positions first (lower-expr.ts).
 */
export interface Operator {
  next(): Promise<ColumnBatch | null>;
  close(): void;
  /** What EXPLAIN ANALYZE prints for this node; updated as batches flow. */
  readonly stats: OperatorStats;
  readonly children: readonly Operator[];
}

export interface OperatorStats {
  /** Rows this operator produced. */
  rows: number;
  /** Wall time spent inside next(), children included, in nanoseconds. */
  nanos: number;
  /** Operator-specific figures (scan: files, row groups, bytes read and pruned; join: build rows). */
  readonly extra: Record<string, number>;
}

export const newStats = (): OperatorStats => ({ rows: 0, nanos: 0, extra: {} });

/** What every operator may use besides its plan node. */
export interface ExecRuntime {
  readonly ctx: EvalContext;
  /**
   * Where this tree runs. A partial aggregate (AggregateNode.partial) on the main thread
   * ships itself with its input to the workers and merges their states; inside a
   * worker it computes those states.
   */
  readonly placement: 'main' | 'worker';
  /** Joins' dynamic filters for the scans they probe (key-filters.ts); main thread only. */
  readonly keyFilters?: KeyFilters;
  /** The statement's memory limit for buffered rows (RowBufferLimit, 53200). */
  readonly memoryBytes: number;
  /** Builds the operator of a child plan (the builders' table in build-operator.ts). */
  build(plan: LogicalPlan): Operator;
  /** Table scans: planned by the format and run in the worker pool (the engine wires this). */
  readonly scans: ScanRunner;
  /** WITH RECURSIVE: the rows of the previous iteration, by cteId (recursive-cte.ts). */
  readonly workTables: Map<number, readonly ColumnBatch[]>;
  /** pg_catalog relations by name, as rows. */
  systemRows(relation: string): readonly (readonly SqlValue[])[];
}

/**
 * Runs table scans. On the main thread the engine's runner plans the scan through
 * the table's format and runs its tasks in the worker pool; inside a worker the
 * runner decodes the worker's own task. With a `fragment` (a plan subtree whose one
 * leaf is `scan`, e.g. a partial aggregate over a filter), each worker runs the
 * fragment over its tasks and the batches returned are the fragment's output.
 */
export interface ScanRunner {
  open(
    scan: ScanNode,
    stats: OperatorStats,
    fragment?: LogicalPlan,
    keySets?: readonly KeySet[],
  ): AsyncIterable<ColumnBatch>;
  /**
   * The scan's batches with lazy, typed columns (src/exec/vector), where the runner
   * holds the decoded Arrow data itself: inside a worker. Partial aggregates read these.
   */
  openVec?(scan: ScanNode): AsyncIterable<VecBatch>;
}

/** Builds one kind of operator; each operator file exports one. */
export type OperatorBuilder<K extends PlanKind> = (
  plan: LogicalPlan & { readonly kind: K },
  rt: ExecRuntime,
) => Operator;

/** An operator's non-empty batches to the end; the operator is closed however the loop ends. */
export async function* batchesOf(op: Operator): AsyncGenerator<ColumnBatch> {
  try {
    for (let b = await op.next(); b; b = await op.next()) if (b.rowCount > 0) yield b;
  } finally {
    op.close();
  }
}

/** The keys a dynamic filter lets through for the scan column at `index`. */
export interface KeySet {
  readonly index: number;
  readonly keys: KeyMembership;
}
