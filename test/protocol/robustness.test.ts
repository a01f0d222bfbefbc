/**
 * Malformed input: each case sends bad bytes, checks the server's answer against what
 * PostgreSQL 15 does (postgres.c SocketBackend, pqcomm.c pq_getmessage, postmaster.c
 * ProcessStartupPacket), and then proves a fresh connection still works. Every read has a
 * deadline, so a server that waits forever fails instead of hanging the suite.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import {
  describeFrame,
  errorOf,
  names,
  readyStatus,
  ONE_ROW_ANSWER,
} from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { startupPacket, typedMessage } from '../support/frontend-message.js';
import {
  assertServerHealthy,
  openConnection,
  openSession,
  simpleQuery,
} from '../support/session.js';
import type { TestTarget } from '../support/test-target.js';
import type { WireConnection } from '../support/wire-connection.js';

/** What the server must do with the bad input. */
type Outcome =
  /** Exactly one FATAL ErrorResponse with this code (and message), then close. */
  | { readonly kind: 'fatal'; readonly code: string; readonly message?: string }
  /** Close, optionally after one FATAL ErrorResponse with one of these codes. */
  | { readonly kind: 'close'; readonly fatalCodes: readonly string[] }
  /** ERROR + ReadyForQuery and the session goes on (PostgreSQL), or FATAL + close. */
  | { readonly kind: 'error-or-fatal'; readonly code: string }
  /** ERROR + ReadyForQuery I, and the same session still answers queries. */
  | { readonly kind: 'error-continue'; readonly code: string; readonly message: string };

interface Case {
  readonly name: string;
  /** `startup`: the bytes open a fresh connection; `session`: sent after a completed start-up. */
  readonly phase: 'startup' | 'session';
  readonly bytes: (target: TestTarget) => Buffer;
  /** Half-close after sending (for inputs that legitimately wait for more bytes). */
  readonly end: boolean;
  /** A one-byte answer (to SSLRequest) expected before the outcome. */
  readonly answerByte?: string;
  readonly outcome: Outcome;
}

/** A message header: type byte and an arbitrary Int32 length, no body. */
function header(code: string, length: number): Buffer {
  const buffer = Buffer.alloc(5);
  buffer.write(code, 0, 'latin1');
  buffer.writeInt32BE(length, 1);
  return buffer;
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

/** A start-up packet whose length covers everything but the terminating NUL. */
function startupWithoutTerminator(target: TestTarget): Buffer {
  const full = startupPacket(3, 0, { user: target.user, database: target.database });
  const body = full.subarray(4, full.length - 1);
  return Buffer.concat([int32(body.length + 4), body]);
}

const silentClose: Outcome = { kind: 'close', fatalCodes: ['08P01'] };
const invalidUtf8 = Buffer.from([...Buffer.from("SELECT '"), 0xff, 0xfe, ...Buffer.from("'"), 0]);

const cases: readonly Case[] = [
  {
    name: 'message length 3 (< 4)',
    phase: 'session',
    bytes: () => header('Q', 3),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'message length 0',
    phase: 'session',
    bytes: () => header('Q', 0),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'negative message length',
    phase: 'session',
    bytes: () => header('Q', -1),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'Query length 0x7fffffff (> 1 GB)',
    phase: 'session',
    bytes: () => header('Q', 0x7fffffff),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'Query length 1 GB + 1',
    phase: 'session',
    bytes: () => header('Q', 0x40000001),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'unknown message type byte 0xC8',
    phase: 'session',
    bytes: () => typedMessage('\xc8', Buffer.alloc(0)),
    end: false,
    outcome: { kind: 'fatal', code: '08P01', message: 'invalid frontend message type 200' },
  },
  {
    name: "unknown message type byte 'y'",
    phase: 'session',
    bytes: () => typedMessage('y', Buffer.from('abc')),
    end: false,
    outcome: { kind: 'fatal', code: '08P01', message: 'invalid frontend message type 121' },
  },
  {
    name: 'truncated Query, then close',
    phase: 'session',
    bytes: () => serialize.query('SELECT 1').subarray(0, 9),
    end: true,
    outcome: silentClose,
  },
  {
    name: 'truncated header, then close',
    phase: 'session',
    bytes: () => Buffer.from('Q\0\0'),
    end: true,
    outcome: silentClose,
  },
  {
    name: 'Query without its terminating NUL',
    phase: 'session',
    bytes: () => typedMessage('Q', Buffer.from('SELECT 1')),
    end: false,
    outcome: { kind: 'error-or-fatal', code: '08P01' },
  },
  {
    name: 'Query with bytes after its terminating NUL',
    phase: 'session',
    bytes: () => typedMessage('Q', Buffer.from('SELECT 1\0junk')),
    end: false,
    outcome: { kind: 'error-or-fatal', code: '08P01' },
  },
  {
    name: 'invalid UTF-8 in a Query',
    phase: 'session',
    bytes: () => typedMessage('Q', invalidUtf8),
    end: false,
    outcome: {
      kind: 'error-continue',
      code: '22021',
      message: 'invalid byte sequence for encoding "UTF8": 0xff',
    },
  },
  {
    name: 'startup packet length 0x7fffffff',
    phase: 'startup',
    bytes: () => Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 3, 0, 0]),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'startup packet length 4',
    phase: 'startup',
    bytes: () => int32(4),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'startup packet length 10100 (over the 10000-byte limit)',
    phase: 'startup',
    bytes: () => Buffer.concat([int32(10_100), int32(196_608)]),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'startup packet missing the terminating NUL',
    phase: 'startup',
    bytes: startupWithoutTerminator,
    end: false,
    outcome: {
      kind: 'fatal',
      code: '08P01',
      message: 'invalid startup packet layout: expected terminator as last byte',
    },
  },
  {
    name: 'truncated startup packet, then close',
    phase: 'startup',
    bytes: (t) => standardPrefix(t),
    end: true,
    outcome: silentClose,
  },
  {
    name: 'a Query before the startup packet',
    phase: 'startup',
    bytes: () => serialize.query('SELECT 1'),
    end: false,
    outcome: silentClose,
  },
  {
    name: 'SSLRequest twice',
    phase: 'startup',
    bytes: () => Buffer.concat([serialize.requestSsl(), serialize.requestSsl()]),
    end: false,
    answerByte: 'N',
    outcome: { kind: 'close', fatalCodes: ['08P01', '0A000'] },
  },
];

function standardPrefix(target: TestTarget): Buffer {
  const packet = startupPacket(3, 0, { user: target.user, database: target.database });
  return packet.subarray(0, packet.length - 5);
}

async function assertOutcome(conn: WireConnection, outcome: Outcome): Promise<void> {
  switch (outcome.kind) {
    case 'fatal': {
      const frames = await conn.untilClosed();
      assert.deepEqual(names(frames), ['error'], frames.map(describeFrame).join('; '));
      const error = errorOf(frames[0]!);
      assert.deepEqual([error.severity, error.code], ['FATAL', outcome.code]);
      if (outcome.message !== undefined) assert.equal(error.message, outcome.message);
      return;
    }
    case 'close': {
      const frames = await conn.untilClosed();
      assert.ok(frames.length <= 1, frames.map(describeFrame).join('; '));
      if (frames.length === 1) {
        const error = errorOf(frames[0]!);
        assert.equal(error.severity, 'FATAL');
        assert.ok(outcome.fatalCodes.includes(error.code ?? ''), `unexpected code ${error.code}`);
      }
      return;
    }
    case 'error-or-fatal':
      return assertErrorOrFatal(conn, outcome.code);
    case 'error-continue': {
      const frames = await conn.readyForQuery();
      assert.deepEqual(names(frames), ['error', 'readyForQuery']);
      const error = errorOf(frames[0]!);
      assert.deepEqual(
        [error.severity, error.code, error.message],
        ['ERROR', outcome.code, outcome.message],
      );
      assert.equal(readyStatus(frames[1]!), 'I');
      await assertSessionWorks(conn);
      return;
    }
  }
}

async function assertErrorOrFatal(conn: WireConnection, code: string): Promise<void> {
  const first = await conn.next();
  const error = errorOf(first);
  assert.equal(error.code, code);
  if (error.severity === 'FATAL') {
    assert.deepEqual(names(await conn.untilClosed()), []);
    return;
  }
  assert.equal(error.severity, 'ERROR');
  assert.deepEqual(names(await conn.readyForQuery()), ['readyForQuery']);
  await assertSessionWorks(conn);
}

async function assertSessionWorks(conn: WireConnection): Promise<void> {
  const frames = await simpleQuery(conn, 'SELECT 1');
  assert.deepEqual(names(frames), ONE_ROW_ANSWER);
}

async function runCase(target: TestTarget, c: Case): Promise<void> {
  const conn =
    c.phase === 'startup' ? await openConnection(target) : (await openSession(target)).conn;
  try {
    conn.send(c.bytes(target));
    if (c.end) conn.end();
    if (c.answerByte !== undefined) assert.equal(await conn.nextByte(), c.answerByte);
    await assertOutcome(conn, c.outcome);
  } finally {
    conn.destroy();
  }
  await assertServerHealthy(target);
}

forEachTarget('robustness', ({ target }) => {
  for (const c of cases) {
    it(`${c.name}: ${c.outcome.kind}, then a new connection works`, () => runCase(target(), c));
  }
});
