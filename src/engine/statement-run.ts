import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';

/**
 * One statement's cancellation: the client's signal (CancelRequest, pg_cancel_backend)
 * and statement_timeout, merged into one AbortSignal, with PostgreSQL's two 57014
 * messages kept apart.
 */
export class StatementRun {
  /** Created on first use: most statements never wait on a signal, and controllers cost. */
  private controller: AbortController | null = null;
  private reason: 'user' | 'timeout' | null = null;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly onAbort = (): void => this.abort('user');
  readonly startedAt = Date.now();
  readonly startMicros = BigInt(Date.now()) * 1000n;

  constructor(
    private readonly clientSignal: AbortSignal,
    timeoutMs: number,
  ) {
    if (clientSignal.aborted) this.abort('user');
    else clientSignal.addEventListener('abort', this.onAbort, { once: true });
    if (timeoutMs > 0) this.timer = setTimeout(() => this.abort('timeout'), timeoutMs);
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason !== null) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Throws 57014 if the statement was canceled or timed out. */
  check(): void {
    const e = this.canceledError();
    if (e) throw e;
  }

  /** The 57014 error if canceled, else null (used to replace errors a canceled scan throws). */
  canceledError(): LakeError | null {
    if (this.reason === null) return null;
    const why = this.reason === 'user' ? 'user request' : 'statement timeout';
    return new LakeError(SqlState.queryCanceled, `canceling statement due to ${why}`);
  }

  /** A run for work outliving the statement (cursor reads): never times out, not canceled. */
  detached(): StatementRun {
    return new StatementRun(new AbortController().signal, 0);
  }

  finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.clientSignal.removeEventListener('abort', this.onAbort);
  }

  private abort(reason: 'user' | 'timeout'): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
