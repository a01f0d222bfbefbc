import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import type { SqlValue } from '../common/sql-value.js';
import type { ColumnBatch } from '../exec/column-batch.js';
import type { EvalContext, SessionHooks } from '../exec/eval-context.js';
import type { StatementRun } from './statement-run.js';

/** Runs a subquery's plan under a context (run-plan.ts `runSubquery`, bound to the engine's services). */
export type SubqueryRunner = (plan: LogicalPlan, ctx: EvalContext) => Promise<ColumnBatch[]>;

/**
 * One statement's EvalContext. A class, not an object literal with a getter: every
 * statement makes one, so it must be cheap and keep one shape. `signal` stays a
 * getter because the run creates its AbortController only when someone waits on it.
 * Subqueries' contexts inherit from this one (evaluate-subquery.ts `Object.create`),
 * so `runSubquery` reaches them too.
 */
export class StatementContext implements EvalContext {
  readonly statementStartMicros: bigint;

  constructor(
    readonly params: readonly SqlValue[],
    readonly timeZone: string,
    readonly extraFloatDigits: number,
    readonly session: SessionHooks,
    readonly runSubquery: SubqueryRunner,
    private readonly run: StatementRun,
  ) {
    this.statementStartMicros = run.startMicros;
  }

  get signal(): AbortSignal {
    return this.run.signal;
  }

  checkCanceled(): void {
    this.run.check();
  }
}
