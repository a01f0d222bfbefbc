/**
 * Startup phase conformance (PostgreSQL docs §55.2.1 "Start-up", §55.7 StartupMessage,
 * SSLRequest, GSSENCRequest, NegotiateProtocolVersion, CancelRequest, Terminate).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import {
  backendKeyData,
  errorOf,
  names,
  negotiateProtocolVersion,
  parameterStatus,
  readyStatus,
  ONE_ROW_ANSWER,
} from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { gssEncRequest, startupPacket } from '../support/frontend-message.js';
import {
  applicationName,
  assertServerHealthy,
  closeSession,
  openConnection,
  openSession,
  simpleQuery,
  standardStartup,
} from '../support/session.js';
import type { TestTarget } from '../support/test-target.js';
import { WireConnection } from '../support/wire-connection.js';

/** The GUC_REPORT parameters PostgreSQL 15 sends after AuthenticationOk, in its order. */
const reportedParameters = [
  'application_name',
  'client_encoding',
  'DateStyle',
  'default_transaction_read_only',
  'in_hot_standby',
  'integer_datetimes',
  'IntervalStyle',
  'is_superuser',
  'server_encoding',
  'server_version',
  'session_authorization',
  'standard_conforming_strings',
  'TimeZone',
];

const startupNames = [
  'authenticationOk',
  ...reportedParameters.map(() => 'parameterStatus'),
  'backendKeyData',
  'readyForQuery',
];

/** Checks one complete start-up sequence: names, order, fixed values, key data, status I. */
function assertStartupSequence(
  frames: readonly Frame[],
  target: TestTarget,
  appName: string,
): void {
  assert.deepEqual(names(frames), startupNames);
  const statuses = frames.filter((f) => f.name === 'parameterStatus').map(parameterStatus);
  assert.deepEqual(
    statuses.map((s) => s.parameterName),
    reportedParameters,
  );
  const value = new Map(statuses.map((s) => [s.parameterName, s.parameterValue]));
  assert.equal(value.get('application_name'), appName);
  assert.equal(value.get('client_encoding'), 'UTF8');
  assert.equal(value.get('DateStyle'), 'ISO, MDY');
  assert.equal(value.get('default_transaction_read_only'), 'off');
  assert.equal(value.get('in_hot_standby'), 'off');
  assert.equal(value.get('integer_datetimes'), 'on');
  assert.equal(value.get('IntervalStyle'), 'postgres');
  assert.match(value.get('is_superuser') ?? '', /^(on|off)$/);
  assert.equal(value.get('server_encoding'), 'UTF8');
  // Deliberately a shape: lakegate reports its own suffix; drivers parse the leading numbers.
  assert.match(value.get('server_version') ?? '', /^\d+\.\d+( \(.+\))?$/);
  assert.equal(value.get('session_authorization'), target.user);
  assert.equal(value.get('standard_conforming_strings'), 'on');
  assert.ok((value.get('TimeZone') ?? '').length > 0, 'TimeZone is empty');
  const key = backendKeyData(frames.at(-2)!);
  assert.ok(Number.isInteger(key.processID) && Number.isInteger(key.secretKey));
  assert.equal(readyStatus(frames.at(-1)!), 'I');
}

function fatalOf(frame: Frame): { code: string | undefined; message: string | undefined } {
  const error = errorOf(frame);
  assert.equal(error.severity, 'FATAL');
  return { code: error.code, message: error.message };
}

forEachTarget('startup', ({ target }) => {
  it('protocol 3.0: AuthenticationOk, the ParameterStatus set in order, BackendKeyData, ReadyForQuery I', async () => {
    const session = await openSession(target());
    try {
      assertStartupSequence(session.startupFrames, target(), applicationName);
    } finally {
      closeSession(session);
    }
  });

  it('protocol 3.1 with _pq_ options: NegotiateProtocolVersion(3.0, options), then a normal start-up', async () => {
    const conn = await openConnection(target());
    try {
      const params = {
        user: target().user,
        database: target().database,
        '_pq_.x': 'on',
        '_pq_.zz': '1',
      };
      conn.send(startupPacket(3, 1, params));
      const frames = await conn.readyForQuery();
      assert.deepEqual(negotiateProtocolVersion(frames[0]!), {
        major: 3,
        minor: 0,
        unrecognizedOptions: ['_pq_.x', '_pq_.zz'],
      });
      assertStartupSequence(frames.slice(1), target(), '');
      assert.deepEqual(names(await simpleQuery(conn, 'SELECT 1')), ONE_ROW_ANSWER);
    } finally {
      conn.destroy();
    }
  });

  it('protocol 3.0 with a _pq_ option: NegotiateProtocolVersion lists it', async () => {
    const conn = await openConnection(target());
    try {
      conn.send(
        startupPacket(3, 0, { user: target().user, database: target().database, '_pq_.x': 'y' }),
      );
      const frames = await conn.readyForQuery();
      assert.deepEqual(negotiateProtocolVersion(frames[0]!), {
        major: 3,
        minor: 0,
        unrecognizedOptions: ['_pq_.x'],
      });
      assertStartupSequence(frames.slice(1), target(), '');
    } finally {
      conn.destroy();
    }
  });

  it('protocol 2.0 is refused with a FATAL error and the connection closes', async () => {
    const conn = await openConnection(target());
    try {
      conn.send(startupPacket(2, 0, { user: target().user, database: target().database }));
      // PostgreSQL answers a 2.0 client in the 2.0 error format ('E' + text, no length).
      const raw = await conn.rawUntilClosed();
      assert.equal(raw.subarray(0, 1).toString('latin1'), 'E');
      assert.ok(raw.includes('unsupported frontend protocol 2.0'), raw.toString('latin1'));
    } finally {
      conn.destroy();
    }
  });

  /** Sends one startup packet and expects a lone FATAL before the server closes. */
  async function expectStartupFatal(packet: Buffer, code: string, message: string): Promise<void> {
    const conn = await openConnection(target());
    try {
      conn.send(packet);
      const frames = await conn.untilClosed();
      assert.deepEqual(names(frames), ['error']);
      assert.deepEqual(fatalOf(frames[0]!), { code, message });
    } finally {
      conn.destroy();
    }
  }

  it('protocol 4.0 is refused: FATAL 0A000 with PostgreSQL wording', () =>
    expectStartupFatal(
      startupPacket(4, 0, { user: target().user, database: target().database }),
      '0A000',
      'unsupported frontend protocol 4.0: server supports 3.0 to 3.0',
    ));

  it("SSLRequest without a certificate: 'N', then a normal start-up on the same socket", async () => {
    const conn = await openConnection(target());
    try {
      conn.send(serialize.requestSsl());
      assert.equal(await conn.nextByte(), 'N');
      conn.send(standardStartup(target()));
      assertStartupSequence(await conn.readyForQuery(), target(), applicationName);
    } finally {
      conn.destroy();
    }
  });

  it("GSSENCRequest: 'N', then a normal start-up on the same socket", async () => {
    const t = target();
    // Debian's PostgreSQL is built with GSSAPI and answers 'G' on TCP; on its unix socket it
    // answers 'N', the answer lakegate (no GSSAPI) gives everywhere.
    const conn = await WireConnection.open(t.unixSocket !== undefined ? { path: t.unixSocket } : t);
    try {
      conn.send(gssEncRequest());
      assert.equal(await conn.nextByte(), 'N');
      conn.send(standardStartup(t));
      assertStartupSequence(await conn.readyForQuery(), t, applicationName);
    } finally {
      conn.destroy();
    }
  });

  it('unknown database: FATAL 3D000 database "x" does not exist, then close', async () => {
    const conn = await openConnection(target());
    try {
      conn.send(startupPacket(3, 0, { user: target().user, database: 'no_such_db' }));
      const frames = await conn.untilClosed();
      // PostgreSQL authenticates before it looks the database up; either order is valid.
      const rest = frames[0]?.name === 'authenticationOk' ? frames.slice(1) : frames;
      assert.deepEqual(names(rest), ['error']);
      assert.deepEqual(fatalOf(rest[0]!), {
        code: '3D000',
        message: 'database "no_such_db" does not exist',
      });
    } finally {
      conn.destroy();
    }
  });

  it('no user in the startup packet: FATAL 28000', () =>
    expectStartupFatal(
      startupPacket(3, 0, { database: target().database }),
      '28000',
      'no PostgreSQL user name specified in startup packet',
    ));

  it('startup and a Query in one write: both are answered in order', async () => {
    const conn = await openConnection(target());
    try {
      conn.send(standardStartup(target()), serialize.query('SELECT 1'));
      assertStartupSequence(await conn.readyForQuery(), target(), applicationName);
      const frames = await conn.readyForQuery();
      assert.deepEqual(names(frames), ONE_ROW_ANSWER);
    } finally {
      conn.destroy();
    }
  });

  it('CancelRequest with a wrong key does nothing; the server closes the cancel connection silently', async () => {
    const session = await openSession(target());
    try {
      session.conn.send(serialize.query('SELECT pg_sleep(0.5)'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const cancel = await openConnection(target());
      cancel.send(serialize.cancel(session.processId, session.secretKey ^ 0x5a5a5a5a));
      assert.deepEqual(await cancel.untilClosed(), []);
      const frames = await session.conn.readyForQuery();
      assert.deepEqual(names(frames), ONE_ROW_ANSWER);
    } finally {
      closeSession(session);
    }
  });

  it('Terminate: the server closes the connection without a reply', async () => {
    const session = await openSession(target());
    session.conn.send(serialize.end());
    assert.deepEqual(await session.conn.untilClosed(), []);
    await assertServerHealthy(target());
  });
});
