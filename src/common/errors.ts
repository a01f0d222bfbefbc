import { SqlState } from './sqlstate.js';

/** Broad classes of failure; the SQLSTATE carries the precise reason. */
export type ErrorKind =
  | 'syntax'
  | 'semantic'
  | 'data'
  | 'unsupported'
  | 'auth'
  | 'protocol'
  | 'transaction'
  | 'canceled'
  | 'resource'
  | 'io'
  | 'conflict'
  | 'internal';

export type Severity = 'ERROR' | 'FATAL' | 'PANIC';

export interface LakeErrorOptions {
  readonly kind?: ErrorKind;
  readonly severity?: Severity;
  /** 1-based character offset into the statement text, as PostgreSQL's ErrorResponse 'P' field. */
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
  readonly cause?: unknown;
  readonly retryable?: boolean;
}

/**
 * The one error type of lakegate (DESIGN.md §4.7). Everything a user can see is a
 * LakeError with a SQLSTATE; anything else reaching the protocol layer is our bug
 * and is reported as XX000.
 */
export class LakeError extends Error {
  readonly kind: ErrorKind;
  readonly sqlstate: string;
  readonly severity: Severity;
  readonly position: number | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly retryable: boolean;

  constructor(sqlstate: string, message: string, options: LakeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LakeError';
    this.sqlstate = sqlstate;
    this.kind = options.kind ?? kindOf(sqlstate);
    this.severity = options.severity ?? 'ERROR';
    this.position = options.position;
    this.detail = options.detail;
    this.hint = options.hint;
    this.retryable = options.retryable ?? sqlstate === SqlState.serializationFailure;
  }

  /** The same error pointing at a position in the statement text. */
  at(position: number | undefined): LakeError {
    if (position === undefined || this.position !== undefined) return this;
    return new LakeError(this.sqlstate, this.message, { ...this.options(), position });
  }

  private options(): LakeErrorOptions {
    const o: { -readonly [K in keyof LakeErrorOptions]: LakeErrorOptions[K] } = {
      kind: this.kind,
      severity: this.severity,
      retryable: this.retryable,
    };
    if (this.detail !== undefined) o.detail = this.detail;
    if (this.hint !== undefined) o.hint = this.hint;
    if (this.cause !== undefined) o.cause = this.cause;
    return o;
  }
}

function kindOf(sqlstate: string): ErrorKind {
  const cls = sqlstate.slice(0, 2);
  switch (cls) {
    case '42':
      return sqlstate === SqlState.syntaxError ? 'syntax' : 'semantic';
    case '22':
    case '21':
      return 'data';
    case '0A':
      return 'unsupported';
    case '28':
      return 'auth';
    case '08':
      return 'protocol';
    case '25':
      return 'transaction';
    case '57':
      return 'canceled';
    case '53':
    case '54':
      return 'resource';
    case '58':
      return 'io';
    case '40':
      return 'conflict';
    default:
      return 'internal';
  }
}

/** Any thrown value as a LakeError; unknown errors become XX000 (our bug, not the user's). */
export function toLakeError(err: unknown): LakeError {
  if (err instanceof LakeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new LakeError(SqlState.internalError, `internal error: ${message}`, {
    kind: 'internal',
    cause: err,
  });
}

/** Shorthands for the errors raised most often. */
export const syntaxError = (message: string, position?: number): LakeError =>
  new LakeError(SqlState.syntaxError, message, position === undefined ? {} : { position });

export const unsupported = (message: string, position?: number): LakeError =>
  new LakeError(SqlState.featureNotSupported, message, position === undefined ? {} : { position });

/** Errors cross worker threads as plain data (DESIGN.md §2, workers/). */
export interface SerializedError {
  readonly sqlstate: string;
  readonly message: string;
  readonly kind: ErrorKind;
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
}

export function serializeError(err: unknown): SerializedError {
  const e = toLakeError(err);
  return {
    sqlstate: e.sqlstate,
    message: e.message,
    kind: e.kind,
    ...(e.position === undefined ? {} : { position: e.position }),
    ...(e.detail === undefined ? {} : { detail: e.detail }),
    ...(e.hint === undefined ? {} : { hint: e.hint }),
  };
}

export function deserializeError(data: SerializedError): LakeError {
  return new LakeError(data.sqlstate, data.message, {
    kind: data.kind,
    ...(data.position === undefined ? {} : { position: data.position }),
    ...(data.detail === undefined ? {} : { detail: data.detail }),
    ...(data.hint === undefined ? {} : { hint: data.hint }),
  });
}
