/**
 * Query cancellation (PostgreSQL docs §55.2.7 "Canceling Requests in Progress"): a CancelRequest
 * with the BackendKeyData process id and secret key, sent on a new connection, cancels the
 * running statement with 57014; the cancel connection is closed without a reply.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import { errorOf, names, readyStatus, ONE_ROW_ANSWER } from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import {
  assertServerHealthy,
  closeSession,
  openConnection,
  openSession,
  simpleQuery,
} from '../support/session.js';
import type { Session } from '../support/session.js';
import type { TestTarget } from '../support/test-target.js';

const S = serialize;
const cancelDeadlineMs = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a CancelRequest on a new connection; the server must close it without a reply. */
async function sendCancel(target: TestTarget, processId: number, secretKey: number): Promise<void> {
  const conn = await openConnection(target);
  try {
    conn.send(S.cancel(processId, secretKey));
    assert.deepEqual(names(await conn.untilClosed()), []);
  } finally {
    conn.destroy();
  }
}

/** Cancels what `session` runs and returns its frames through ReadyForQuery, timed. */
async function cancelAndCollect(target: TestTarget, session: Session): Promise<Frame[]> {
  // Give the statement time to start; a cancel that arrives first would cancel nothing.
  await sleep(300);
  const started = Date.now();
  await sendCancel(target, session.processId, session.secretKey);
  const frames = await session.conn.readyForQuery(cancelDeadlineMs);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < cancelDeadlineMs, `cancel took ${elapsed} ms`);
  return frames;
}

function assertCanceled(error: Frame): void {
  const fields = errorOf(error);
  assert.deepEqual(
    [fields.severity, fields.code, fields.message],
    ['ERROR', '57014', 'canceling statement due to user request'],
  );
}

forEachTarget('cancel', ({ target }) => {
  it('cancels a running simple query with 57014 within a second', async () => {
    const session = await openSession(target());
    try {
      session.conn.send(S.query('SELECT pg_sleep(5)'));
      const frames = await cancelAndCollect(target(), session);
      // PostgreSQL sends RowDescription when the statement starts, before it fails.
      const rest = frames[0]?.name === 'rowDescription' ? frames.slice(1) : frames;
      assert.deepEqual(names(rest), ['error', 'readyForQuery']);
      assertCanceled(rest[0]!);
      assert.equal(readyStatus(rest[1]!), 'I');
      const after = await simpleQuery(session.conn, 'SELECT 1');
      assert.deepEqual(names(after), ONE_ROW_ANSWER);
    } finally {
      closeSession(session);
    }
  });

  it('cancels a running Execute; the error is followed by ReadyForQuery at Sync', async () => {
    const session = await openSession(target());
    try {
      session.conn.send(
        S.parse({ text: 'SELECT pg_sleep(5)' }),
        S.bind({}),
        S.execute({}),
        S.sync(),
      );
      const frames = await cancelAndCollect(target(), session);
      assert.deepEqual(names(frames), ['parseComplete', 'bindComplete', 'error', 'readyForQuery']);
      assertCanceled(frames[2]!);
      assert.equal(readyStatus(frames[3]!), 'I');
    } finally {
      closeSession(session);
    }
  });

  it('a CancelRequest for an unknown process is ignored', async () => {
    const session = await openSession(target());
    try {
      await sendCancel(target(), session.processId ^ 0x3c3c3c, session.secretKey);
      await sleep(100);
      const frames = await simpleQuery(session.conn, 'SELECT 1');
      assert.deepEqual(names(frames), ONE_ROW_ANSWER);
    } finally {
      closeSession(session);
    }
  });

  it('a CancelRequest while the session is idle does not cancel its next statement', async () => {
    const session = await openSession(target());
    try {
      await sendCancel(target(), session.processId, session.secretKey);
      await sleep(200);
      const frames = await simpleQuery(session.conn, 'SELECT pg_sleep(0.1)');
      assert.deepEqual(names(frames), ONE_ROW_ANSWER);
    } finally {
      closeSession(session);
    }
    await assertServerHealthy(target());
  });
});
