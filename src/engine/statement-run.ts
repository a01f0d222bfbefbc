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
  private listening = false;
  readonly startedAt = Date.now();
  readonly startMicros = BigInt(this.startedAt) * 1000n;

  constructor(
    private readonly clientSignal: AbortSignal,
    timeoutMs: number,
  ) {
    if (clientSignal.aborted) this.abort('user');
    if (timeoutMs > 0) this.timer = setTimeout(() => this.abort('timeout'), timeoutMs);
  }

  /** The merged signal; the client's signal is only listened to once someone waits on this. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      this.pollClient();
      if (this.reason !== null) this.controller.abort(this.reason);
      else {
        this.clientSignal.addEventListener('abort', this.onAbort, { once: true });
        this.listening = true;
      }
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
    this.pollClient();
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
    if (this.listening) this.clientSignal.removeEventListener('abort', this.onAbort);
  }

  private pollClient(): void {
    if (this.reason === null && this.clientSignal.aborted) this.abort('user');
  }

  private abort(reason: 'user' | 'timeout'): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
