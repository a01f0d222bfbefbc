/**
 * Opening sessions and running simple queries over a WireConnection, shared by the protocol
 * suites. A session is a connection that completed startup (AuthenticationOk … ReadyForQuery).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { serialize } from 'pg-protocol';
import { backendKeyData, dataRowText, names, ONE_ROW_ANSWER } from './backend-message.js';
import type { Frame } from './backend-message.js';
import type { TestTarget } from './test-target.js';
import { WireConnection } from './wire-connection.js';

export const applicationName = 'lakegate-protocol-test';

export interface Session {
  readonly conn: WireConnection;
  /** Everything from AuthenticationOk to the first ReadyForQuery, inclusive. */
  readonly startupFrames: readonly Frame[];
  readonly processId: number;
  readonly secretKey: number;
}

export function openConnection(target: TestTarget): Promise<WireConnection> {
  return WireConnection.open(target);
}

/** The StartupMessage a driver sends: protocol 3.0, user, database, application_name. */
export function standardStartup(target: TestTarget, extra: Record<string, string> = {}): Buffer {
  return serialize.startup({
    user: target.user,
    database: target.database,
    application_name: applicationName,
    ...extra,
  });
}

/** Completes startup on an open connection and reads through the first ReadyForQuery. */
export async function completeStartup(conn: WireConnection, target: TestTarget): Promise<Session> {
  conn.send(standardStartup(target));
  const startupFrames = await conn.readyForQuery();
  const keyFrame = startupFrames.find((frame) => frame.name === 'backendKeyData');
  assert.ok(keyFrame, `no BackendKeyData in ${names(startupFrames).join(', ')}`);
  const key = backendKeyData(keyFrame);
  return { conn, startupFrames, processId: key.processID, secretKey: key.secretKey };
}

export async function openSession(target: TestTarget): Promise<Session> {
  return completeStartup(await openConnection(target), target);
}

/** Sends one Query message and returns every frame through its ReadyForQuery. */
export function simpleQuery(
  conn: WireConnection,
  sql: string,
  timeoutMs?: number,
): Promise<Frame[]> {
  conn.send(serialize.query(sql));
  return conn.readyForQuery(timeoutMs);
}

/** Closes a session politely (Terminate) and drops the socket. */
export function closeSession(session: Session): void {
  session.conn.send(serialize.end());
  session.conn.destroy();
}

/** Proves the server still serves new clients: a fresh connection answers `SELECT 1`. */
export async function assertServerHealthy(target: TestTarget): Promise<void> {
  const session = await openSession(target);
  try {
    const frames = await simpleQuery(session.conn, 'SELECT 1');
    assert.deepEqual(names(frames), ONE_ROW_ANSWER);
    assert.deepEqual(dataRowText(frames[1]!), ['1']);
  } finally {
    closeSession(session);
  }
}

/**
 * A fresh session for every test of the enclosing suite (opened in beforeEach, closed in
 * afterEach), and `exchange`: send messages, then read every frame through ReadyForQuery.
 */
export function sessionPerTest(target: () => TestTarget): {
  readonly session: Session;
  readonly exchange: (...messages: Buffer[]) => Promise<Frame[]>;
} {
  let current: Session | undefined;
  beforeEach(async () => (current = await openSession(target())));
  afterEach(() => current && closeSession(current));
  const live = {
    get session(): Session {
      if (!current) throw new Error('no session: use it inside a test');
      return current;
    },
    exchange: (...messages: Buffer[]): Promise<Frame[]> => {
      live.session.conn.send(...messages);
      return live.session.conn.readyForQuery();
    },
  };
  return live;
}
