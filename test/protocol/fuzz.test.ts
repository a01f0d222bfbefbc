/**
 * Seeded fuzzing of the wire: a few hundred connections each send garbage (before or after
 * start-up), half-close, and the server must answer only well-framed messages, stop after a
 * FATAL error, and close the connection within the read deadline. A fresh connection must
 * keep working throughout. Reproduce a failure with LAKEGATE_FUZZ_SEED=<seed from the message>.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import { describeFrame, errorFields } from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { startupPacket, typedMessage } from '../support/frontend-message.js';
import { SeededRandom } from '../support/seeded-random.js';
import { assertServerHealthy, openConnection, openSession } from '../support/session.js';
import type { TestTarget } from '../support/test-target.js';

const seed = Number(process.env['LAKEGATE_FUZZ_SEED'] ?? 20_240_601);
const caseCount = Number(process.env['LAKEGATE_FUZZ_CASES'] ?? 300);
const healthCheckEvery = 50;
/** Frontend message type bytes (§55.7), so many inputs reach the per-message parsers. */
const frontendCodes = ['B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'S', 'X', 'd', 'c', 'f', 'p'];

interface FuzzInput {
  readonly phase: 'startup' | 'session';
  readonly bytes: Buffer;
}

/** Garbage sent in place of the startup packet. */
function startupGarbage(random: SeededRandom, target: TestTarget): Buffer {
  const valid = startupPacket(3, 0, { user: target.user, database: target.database });
  switch (random.int(0, 3)) {
    case 0:
      return random.bytes(random.int(1, 64));
    case 1: {
      // A plausible length over a random body: random version codes and parameter bytes.
      const body = random.bytes(random.int(4, 120));
      const length = Buffer.alloc(4);
      length.writeInt32BE(body.length + 4);
      return Buffer.concat([length, body]);
    }
    case 2:
      return valid.subarray(0, random.int(1, valid.length - 1));
    default: {
      const mutated = Buffer.from(valid);
      mutated[random.int(0, mutated.length - 1)] = random.int(0, 255);
      return mutated;
    }
  }
}

/** Garbage sent after a completed start-up. */
function sessionGarbage(random: SeededRandom): Buffer {
  const code = random.pick(frontendCodes);
  switch (random.int(0, 3)) {
    case 0:
      return random.bytes(random.int(1, 64));
    case 1: {
      // A known type byte with a random length field and a short random body.
      const header = Buffer.alloc(5);
      header.write(code, 0, 'latin1');
      header.writeInt32BE(random.pick([random.int(-5, 12), random.int(0, 0x7fffffff)]), 1);
      return Buffer.concat([header, random.bytes(random.int(0, 32))]);
    }
    case 2:
      // Correct framing, random body: exercises every body parser.
      return typedMessage(code, random.bytes(random.int(0, 48)));
    default: {
      const valid = Buffer.concat([
        serialize.parse({ name: 'f', text: 'SELECT $1::int4' }),
        serialize.bind({ statement: 'f', values: ['1'] }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      return valid.subarray(0, random.int(1, valid.length - 1));
    }
  }
}

function fuzzInput(random: SeededRandom, target: TestTarget): FuzzInput {
  return random.next() < 0.5
    ? { phase: 'startup', bytes: startupGarbage(random, target) }
    : { phase: 'session', bytes: sessionGarbage(random) };
}

/** Invariants on everything the server sent: errors are complete, nothing follows a FATAL. */
function assertSaneReply(frames: readonly Frame[]): void {
  frames.forEach((frame, index) => {
    if (frame.code !== 'E') return;
    const fields = errorFields(frame);
    assert.match(fields.get('C') ?? '', /^[0-9A-Z]{5}$/, describeFrame(frame));
    assert.ok(fields.get('M') !== undefined, describeFrame(frame));
    if (fields.get('V') === 'FATAL')
      assert.equal(index, frames.length - 1, 'a message after FATAL');
  });
}

async function runInput(target: TestTarget, input: FuzzInput): Promise<void> {
  const conn =
    input.phase === 'startup' ? await openConnection(target) : (await openSession(target)).conn;
  try {
    conn.send(input.bytes);
    conn.end();
    assertSaneReply(await conn.untilClosed());
  } finally {
    conn.destroy();
  }
}

forEachTarget('fuzz', ({ target }) => {
  it(`${caseCount} seeded garbage inputs (seed ${seed}): well-framed replies, always closed`, async () => {
    const random = new SeededRandom(seed);
    for (let i = 0; i < caseCount; i++) {
      const input = fuzzInput(random, target());
      try {
        await runInput(target(), input);
        if ((i + 1) % healthCheckEvery === 0) await assertServerHealthy(target());
      } catch (error) {
        const hex = input.bytes.toString('hex').slice(0, 200);
        throw new Error(`fuzz case ${i} (seed ${seed}, ${input.phase}, bytes ${hex})`, {
          cause: error,
        });
      }
    }
    await assertServerHealthy(target());
  });
});
