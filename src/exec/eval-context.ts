import type { ColumnId } from '../../planner/plan/bound-expr.js';
import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import type { SqlValue } from '../common/sql-value.js';
import type { ColumnBatch } from './column-batch.js';

/**
 * What expression evaluation needs from the running statement: parameters, the
 * session functions' hooks (implemented by src/engine), and cancellation.
 */
export interface EvalContext {
  readonly params: readonly SqlValue[];
  /** TimeZone and extra_float_digits, for casts to text. */
  readonly timeZone: string;
  readonly extraFloatDigits: number;
  /** The statement's start, microseconds since the epoch (now(), current_timestamp). */
  readonly statementStartMicros: bigint;
  readonly session: SessionHooks;
  /** Throws 57014 when the statement was canceled or timed out. */
  checkCanceled(): void;
  readonly signal: AbortSignal;
  /**
   * A correlated subquery's outer values, by column id: what a `ref` that is not among
   * an operator's inputs reads (lower-expr.ts leaves such refs in place).
   */
  readonly outer?: ReadonlyMap<ColumnId, SqlValue>;
  /** Runs a subquery's plan to completion under `ctx` (set by the runtime that owns this context). */
  readonly runSubquery?: (plan: LogicalPlan, ctx: EvalContext) => Promise<ColumnBatch[]>;
}

/** Session facts and actions the session functions (current_user, set_config, ...) reach. */
export interface SessionHooks {
  readonly user: string;
  readonly database: string;
  readonly backendPid: number;
  /** SELECT version()'s text. */
  readonly version: string;
  currentSchema(): string | null;
  currentSetting(name: string, missingOk: boolean): string | null;
  setConfig(name: string, value: string, isLocal: boolean): string;
  cancelBackend(pid: number): boolean;
}
