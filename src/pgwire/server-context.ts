import type { SecureContext } from 'node:tls';
import type { Logger } from '../common/logger.js';
import type { QueryEngine } from '../engine/query-engine.js';
import type { UserEntry } from './auth/authenticator.js';
import type { Connection } from './connection.js';

/** What every connection shares with its server. */
export interface ServerContext {
  readonly engine: QueryEngine;
  /** null: no users configured, trust on loopback only. */
  readonly users: ReadonlyMap<string, UserEntry> | null;
  readonly tls: SecureContext | null;
  /** tls-server-end-point channel binding data (RFC 5929) for SCRAM-SHA-256-PLUS. */
  readonly channelBinding: Buffer | null;
  readonly logger: Logger;
  readonly maxMessageLength: number;
  /** CancelRequest: cancels the backend's statement if pid and secret match; silent otherwise. */
  cancelBackend(pid: number, secret: number): void;
  /** pg_cancel_backend(pid). */
  cancelBackendByPid(pid: number): boolean;
  forget(connection: Connection): void;
}
