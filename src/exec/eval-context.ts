import type { SqlValue } from '../common/sql-value.js';

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
