import type { ColumnId } from '../planner/plan/bound-expr.js';
import type { LogicalPlan, ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlValue } from '../src/common/sql-value.js';
import type { KeySet } from '../src/exec/operators/operator.js';

/**
 * The plan a worker runs over its scan task (DESIGN.md §3, "Parallelism"): the scan
 * node itself, or a subtree whose one leaf is that scan (filter, project, partial
 * aggregate), with what evaluating expressions needs. Plain data, structured-cloned.
 */
export interface FragmentSpec {
  readonly root: LogicalPlan;
  readonly scan: ScanNode;
  readonly context: FragmentContext;
  readonly memoryBytes: number;
  /** Dynamic filters: the keys a join above lets through, by scan column (key-filters.ts). */
  readonly keySets?: readonly KeySet[];
}

/** The statement facts expressions may read inside a worker (no session actions there). */
export interface FragmentContext {
  readonly params: readonly SqlValue[];
  readonly timeZone: string;
  readonly extraFloatDigits: number;
  readonly statementStartMicros: bigint;
  readonly user: string;
  readonly database: string;
  readonly backendPid: number;
  readonly version: string;
  readonly currentSchema: string | null;
  /** A correlated subquery's outer values (pushed filters may read them). */
  readonly outer: ReadonlyMap<ColumnId, SqlValue> | undefined;
}
