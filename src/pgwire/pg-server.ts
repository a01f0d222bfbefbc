import { createHash, randomInt, timingSafeEqual, X509Certificate } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { LakeError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { SqlState } from '../common/sqlstate.js';
import type { QueryEngine } from '../engine/query-engine.js';
import type { UserEntry } from './auth/authenticator.js';
import { Connection } from './connection.js';
import type { ServerContext } from './server-context.js';

export interface PgServerOptions {
  readonly engine: QueryEngine;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly users: ReadonlyMap<string, UserEntry> | null;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  readonly logger: Logger;
  readonly maxConnections?: number;
  /** Largest message accepted from a client; PostgreSQL's limit is 1 GB - 1. */
  readonly maxMessageLength?: number;
}

/** PostgreSQL's ceiling on any message (PQ_LARGE_MESSAGE_LIMIT). */
const DEFAULT_MAX_MESSAGE_LENGTH = 0x3fffffff - 1;

/**
 * The listening side of the wire protocol: accepts sockets, hands each to a
 * Connection, keeps the backend registry that CancelRequest and
 * pg_cancel_backend look up, and shuts down gracefully.
 */
export class PgServer implements ServerContext {
  readonly engine: QueryEngine;
  readonly users: ReadonlyMap<string, UserEntry> | null;
  readonly tls: SecureContext | null;
  readonly channelBinding: Buffer | null;
  readonly logger: Logger;
  readonly maxMessageLength: number;
  private readonly server: Server;
  private readonly backends = new Map<number, Connection>();
  private nextPid = 10_000 + (process.pid % 10_000);
  private accepting = true;

  constructor(private readonly options: PgServerOptions) {
    this.engine = options.engine;
    this.users = options.users;
    this.logger = options.logger;
    this.maxMessageLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    this.tls = options.tls ? createSecureContext(options.tls) : null;
    this.channelBinding = options.tls ? endPointHash(options.tls.cert) : null;
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Starts listening; resolves with the bound address. */
  async listen(): Promise<{ host: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no TCP address');
    return { host: this.options.host, port: address.port };
  }

  get connectionCount(): number {
    return this.backends.size;
  }

  /**
   * Stops accepting, lets running statements finish for up to `graceMs`, then ends
   * the remaining connections with FATAL 57P01 as PostgreSQL's fast shutdown does.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.accepting = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    while ([...this.backends.values()].some((c) => c.isBusy) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const shutdown = new LakeError(
      SqlState.adminShutdown,
      'terminating connection due to administrator command',
      { severity: 'FATAL' },
    );
    await Promise.all([...this.backends.values()].map((c) => c.terminate(shutdown)));
    await closed;
  }

  cancelBackend(pid: number, secret: number): void {
    const connection = this.backends.get(pid);
    if (!connection || !sameInt(connection.secret, secret)) return;
    this.logger.info({ pid }, 'cancel request');
    connection.cancel();
  }

  cancelBackendByPid(pid: number): boolean {
    const connection = this.backends.get(pid);
    if (!connection) return false;
    connection.cancel();
    return true;
  }

  forget(connection: Connection): void {
    if (this.backends.get(connection.pid) === connection) this.backends.delete(connection.pid);
  }

  private accept(socket: Socket): void {
    socket.on('error', () => undefined);
    if (!this.accepting) {
      socket.destroy();
      return;
    }
    const pid = this.allocatePid();
    const connection = new Connection(socket, this, { pid, secret: randomInt(1, 0x7fffffff) });
    this.logger.info({ pid, remote: socket.remoteAddress }, 'connection received');
    if (this.backends.size >= (this.options.maxConnections ?? 100)) {
      // Never registered, so it holds no slot and cannot be cancelled.
      void connection.terminate(
        new LakeError(SqlState.tooManyConnections, 'sorry, too many clients already', {
          severity: 'FATAL',
        }),
      );
      return;
    }
    this.backends.set(pid, connection);
    void connection.run();
  }

  private allocatePid(): number {
    do {
      this.nextPid = this.nextPid >= 0x3fffffff ? 10_000 : this.nextPid + 1;
    } while (this.backends.has(this.nextPid));
    return this.nextPid;
  }
}

function sameInt(a: number, b: number): boolean {
  const x = Buffer.alloc(4);
  const y = Buffer.alloc(4);
  x.writeInt32BE(a | 0);
  y.writeInt32BE(b | 0);
  return timingSafeEqual(x, y);
}

/** tls-server-end-point (RFC 5929 §4.1): SHA-256 of the certificate, for SCRAM-SHA-256-PLUS. */
function endPointHash(cert: string | Buffer): Buffer | null {
  try {
    return createHash('sha256').update(new X509Certificate(cert).raw).digest();
  } catch {
    return null;
  }
}
