import type { LogicalPlan, PlanKind } from '../../../planner/plan/logical-plan.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';

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
  /** The statement's memory limit for buffered rows (RowBufferLimit, 53200). */
  readonly memoryBytes: number;
  /** Builds the operator of a child plan (the builders' table in build-operator.ts). */
  build(plan: LogicalPlan): Operator;
  /** Table scans: planned by the format and run in the worker pool (the engine wires this). */
  readonly scans: ScanRunner;
  /** pg_catalog relations by name, as rows. */
  systemRows(relation: string): readonly (readonly SqlValue[])[];
}

/** Runs a scan node (with any fragment the optimizer placed in the workers). */
export interface ScanRunner {
  open(plan: LogicalPlan & { readonly kind: 'scan' }, stats: OperatorStats): AsyncIterable<ColumnBatch>;
}

/** Builds one kind of operator; each operator file exports one. */
export type OperatorBuilder<K extends PlanKind> = (
  plan: LogicalPlan & { readonly kind: K },
  rt: ExecRuntime,
) => Operator;
