import { once } from 'node:events';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { LakeError, toLakeError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { SqlState } from '../common/sqlstate.js';
import type { Session } from '../engine/query-engine.js';
import { createAuthExchange } from './auth/authenticator.js';
import {
  backendKeyData,
  errorResponse,
  negotiateProtocolVersion,
  noticeResponse,
  parameterStatus,
  readyForQuery,
} from './backend-messages.js';
import { decodeFrontendMessage, type FrontendMessage } from './frontend-messages.js';
import { MessageReader } from './message-reader.js';
import { isExtendedMessageType, QueryProtocol } from './query-protocol.js';
import type { EncodeOptions } from './row-encoder.js';
import type { ServerContext } from './server-context.js';
import { decodeStartupPacket, type StartupPacket } from './startup-packet.js';
import { WireBuffer } from './wire-buffer.js';

type Startup = Extract<StartupPacket, { kind: 'startup' }>;

/** Flush to the socket once this much output is buffered, even mid-result. */
const FLUSH_THRESHOLD = 64 * 1024;

/**
 * One client connection: the startup and authentication phase, then the message
 * loop handing queries to the QueryProtocol (protocol docs §55.2). Any failure here
 * ends this connection only; nothing a client sends can reach the process.
 */
export class Connection {
  readonly pid: number;
  readonly secret: number;
  private stream: Duplex;
  private readonly reader: MessageReader;
  private readonly out = new WireBuffer();
  private session: Session | null = null;
  private running: AbortController | null = null;
  private idleController: AbortController | null = null;
  private closed = false;
  private readonly log: Logger;
  private readonly pendingStatus = new Map<string, string>();
  private protocol: QueryProtocol | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly server: ServerContext,
    ids: { pid: number; secret: number },
  ) {
    this.pid = ids.pid;
    this.secret = ids.secret;
    this.stream = socket;
    this.reader = new MessageReader(server.maxMessageLength);
    this.reader.attach(socket);
    this.log = server.logger.child({ pid: this.pid, remote: socket.remoteAddress });
    socket.on('close', () => this.onClosed());
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
  }

  get isBusy(): boolean {
    return this.running !== null;
  }

  /** Runs the connection to its end; never rejects. */
  async run(): Promise<void> {
    try {
      const startup = await this.negotiate();
      if (!startup) return;
      if (!(await this.authenticate(startup))) return;
      await this.messageLoop();
    } catch (err) {
      await this.fail(err);
    } finally {
      await this.close();
    }
  }

  /** Aborts the statement in progress (CancelRequest, pg_cancel_backend, shutdown). */
  cancel(reason: LakeError = canceledByUser()): boolean {
    const running = this.running;
    if (!running) return false;
    running.abort(reason);
    return true;
  }

  /** Ends the connection from the server side with a FATAL message (shutdown). */
  async terminate(error: LakeError): Promise<void> {
    this.cancel(error);
    if (this.closed) return;
    errorResponse(this.out, error);
    await this.flush().catch(() => undefined);
    this.stream.destroy();
  }

  private async negotiate(): Promise<Startup | null> {
    const answered = new Set<string>();
    for (;;) {
      const body = await this.reader.readStartupPacket();
      if (!body) return null;
      const packet = decodeStartupPacket(body);
      if (answered.has(packet.kind)) {
        // Asked twice: PostgreSQL reads it as a StartupMessage of protocol 1234.5679.
        throw fatal(
          SqlState.featureNotSupported,
          'unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0',
        );
      }
      answered.add(packet.kind);
      switch (packet.kind) {
        case 'ssl-request':
          await this.answerSslRequest();
          break;
        case 'gssenc-request':
          this.socket.write('N');
          break;
        case 'cancel':
          this.server.cancelBackend(packet.pid, packet.secret);
          return null;
        case 'startup':
          return packet;
      }
    }
  }

  private async answerSslRequest(): Promise<void> {
    const context = this.server.tls;
    if (!context || this.stream instanceof TLSSocket) {
      this.socket.write('N');
      return;
    }
    if (this.reader.buffered > 0) {
      // CVE-2021-23214: bytes sent before the handshake must not be read as if encrypted.
      throw fatal(SqlState.protocolViolation, 'received unencrypted data after SSL request');
    }
    this.reader.detach();
    this.socket.write('S');
    const tlsSocket = new TLSSocket(this.socket, { isServer: true, secureContext: context });
    tlsSocket.on('error', () => undefined);
    this.stream = tlsSocket;
    this.reader.attach(tlsSocket);
    await once(tlsSocket, 'secure').catch((err: unknown) => {
      // A client's failed handshake is its problem, not our bug: PostgreSQL's wording, not XX000.
      const reason = (err as { reason?: string }).reason ?? (err as Error).message;
      throw fatal(SqlState.protocolViolation, `could not accept SSL connection: ${reason}`);
    });
  }

  private async authenticate(startup: Startup): Promise<boolean> {
    if (startup.minor > 0 || startup.protocolOptions.length > 0) {
      // The newest version we speak is 3.0, sent as the whole version word (3 << 16 | 0).
      negotiateProtocolVersion(this.out, 3 << 16, startup.protocolOptions);
    }
    const user = startup.parameters.get('user');
    if (!user) {
      throw fatal(
        SqlState.invalidAuthorizationSpecification,
        'no PostgreSQL user name specified in startup packet',
      );
    }
    const database = startup.parameters.get('database') || user;
    const exchange = createAuthExchange(user, this.server.users, {
      remoteAddress: this.socket.remoteAddress ?? '',
      isLoopback: isLoopback(this.socket.remoteAddress),
      tls: this.stream instanceof TLSSocket,
      database,
      ...(this.server.channelBinding ? { channelBinding: this.server.channelBinding } : {}),
    });
    let step = exchange.start();
    while (step.kind === 'continue') {
      for (const m of step.messages) this.out.raw(m);
      await this.flush();
      const raw = await this.reader.readMessage();
      if (!raw) return false;
      const message = decodeFrontendMessage(raw);
      if (message.kind !== 'password') {
        throw fatal(
          SqlState.protocolViolation,
          `expected password response, got message type ${raw.type}`,
        );
      }
      step = exchange.step(message.body);
    }
    if (step.kind === 'fail') {
      this.log.warn({ user, database }, 'authentication failed');
      throw step.error;
    }
    for (const m of step.messages) this.out.raw(m);
    this.session = await this.openSession(user, database, startup);
    this.log.info(
      { user, database, tls: this.stream instanceof TLSSocket },
      'connection authorized',
    );
    for (const [name, value] of this.session.reportedParameters())
      parameterStatus(this.out, name, value);
    backendKeyData(this.out, this.pid, this.secret);
    readyForQuery(this.out, 'idle');
    await this.flush();
    return true;
  }

  private async openSession(user: string, database: string, startup: Startup): Promise<Session> {
    const parameters = new Map(startup.parameters);
    parameters.delete('user');
    parameters.delete('database');
    const session = await this.server.engine
      .openSession(
        {
          user,
          database,
          parameters,
          backendPid: this.pid,
          cancelBackend: (pid) => this.server.cancelBackendByPid(pid),
        },
        {
          notice: (n) => noticeResponse(this.out, n),
          parameterStatus: (name, value) => this.pendingStatus.set(name, value),
          deallocate: (name) => this.protocol?.deallocate(name) ?? false,
        },
      )
      .catch((err: unknown) => {
        const e = toLakeError(err);
        throw new LakeError(e.sqlstate, e.message, { severity: 'FATAL' });
      });
    return session;
  }

  private async messageLoop(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const protocol = (this.protocol = new QueryProtocol(session, {
      out: this.out,
      drainIfFull: () => (this.out.length >= FLUSH_THRESHOLD ? this.flush() : Promise.resolve()),
      encodeOptions: () => this.encodeOptions(session),
      flush: () => this.flush(),
      readyForQuery: () => this.readyForQuery(session),
      startStatement: () => this.startStatement(),
      endStatement: () => (this.running = null),
      log: this.log,
    }));
    for (;;) {
      const raw = this.reader.bufferedMessage() ?? (await this.reader.readMessage());
      if (!raw) return;
      let message: FrontendMessage;
      try {
        message = decodeFrontendMessage(raw);
      } catch (err) {
        const e = toLakeError(err);
        if (e.severity === 'FATAL') throw e;
        await protocol.reportError(e, isExtendedMessageType(raw.type));
        continue;
      }
      if (message.kind === 'terminate') return;
      await protocol.handle(message);
    }
  }

  private startStatement(): AbortSignal {
    // One controller serves statement after statement until a cancel uses it up.
    const controller =
      this.idleController && !this.idleController.signal.aborted
        ? this.idleController
        : new AbortController();
    this.idleController = controller;
    this.running = controller;
    if (this.closed)
      controller.abort(fatal(SqlState.connectionFailure, 'connection to client lost'));
    return controller.signal;
  }

  private readyForQuery(session: Session): void {
    for (const [name, value] of this.pendingStatus) parameterStatus(this.out, name, value);
    this.pendingStatus.clear();
    readyForQuery(this.out, session.transactionStatus());
  }

  private encodeOptions(session: Session): EncodeOptions {
    return {
      timeZone: session.setting('TimeZone') ?? 'UTC',
      extraFloatDigits: Number(session.setting('extra_float_digits') ?? '1'),
    };
  }

  /** Writes buffered output; waits for the socket to drain so a slow client slows us down. */
  private async flush(): Promise<void> {
    // A producer streaming to a client that has gone must stop, not fill memory.
    if (this.closed) throw fatal(SqlState.connectionFailure, 'connection to client lost');
    if (this.out.length === 0) return;
    const ok = this.stream.write(this.out.take());
    if (ok) return;
    const stream = this.stream;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }

  private async fail(err: unknown): Promise<void> {
    const e = toLakeError(err);
    if (e.sqlstate === SqlState.internalError) this.log.error({ err }, 'connection failed');
    else this.log.info({ sqlstate: e.sqlstate, message: e.message }, 'connection ended with error');
    if (this.closed) return;
    errorResponse(
      this.out,
      e.severity === 'FATAL' ? e : new LakeError(e.sqlstate, e.message, { severity: 'FATAL' }),
    );
    await this.flush().catch(() => undefined);
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancel(fatal(SqlState.connectionFailure, 'connection to client lost'));
  }

  private async close(): Promise<void> {
    this.onClosed();
    const stream = this.stream;
    stream.end(() => stream.destroy());
    await this.session?.close().catch(() => undefined);
    this.session = null;
    this.server.forget(this);
    this.log.info({}, 'disconnected');
  }
}

function fatal(sqlstate: string, message: string): LakeError {
  return new LakeError(sqlstate, message, { severity: 'FATAL' });
}

export function canceledByUser(): LakeError {
  return new LakeError(SqlState.queryCanceled, 'canceling statement due to user request');
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
