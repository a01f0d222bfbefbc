/**
 * Errors of the extended query protocol with PostgreSQL's SQLSTATEs and wording
 * (postgres.c exec_parse_message / exec_bind_message / exec_execute_message, prepare.c).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import { errorOf, names, readyStatus } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { bindMessage } from '../support/frontend-message.js';
import { sessionPerTest, simpleQuery } from '../support/session.js';

const S = serialize;

forEachTarget('extended query errors', ({ target }) => {
  const live = sessionPerTest(target);
  const { exchange } = live;
  /** Sends `messages` + Sync and expects exactly `prefix`, one ERROR, ReadyForQuery I. */
  const expectError = async (
    prefix: readonly string[],
    code: string,
    message: string,
    ...messages: Buffer[]
  ): Promise<void> => {
    const frames = await exchange(...messages, S.sync());
    assert.deepEqual(names(frames), [...prefix, 'error', 'readyForQuery']);
    const error = errorOf(frames[prefix.length]!);
    assert.deepEqual([error.severity, error.code, error.message], ['ERROR', code, message]);
    assert.equal(readyStatus(frames.at(-1)!), 'I');
  };

  it('Parse of two statements: 42601 cannot insert multiple commands into a prepared statement', async () => {
    await expectError(
      [],
      '42601',
      'cannot insert multiple commands into a prepared statement',
      S.parse({ text: 'SELECT 1; SELECT 2' }),
    );
  });

  it('Bind with the wrong parameter count: 08P01 with PostgreSQL wording', async () => {
    await expectError(
      ['parseComplete'],
      '08P01',
      'bind message supplies 1 parameters, but prepared statement "" requires 2',
      S.parse({ text: 'SELECT $1::int4 + $2::int4' }),
      bindMessage({ params: [{ format: 0, value: '1' }] }),
    );
  });

  it('Execute and Describe of an unknown portal: 34000', async () => {
    const message = 'portal "nope" does not exist';
    await expectError([], '34000', message, S.execute({ portal: 'nope' }));
    await expectError([], '34000', message, S.describe({ type: 'P', name: 'nope' }));
  });

  it('Bind and Describe of an unknown prepared statement: 26000', async () => {
    const message = 'prepared statement "nope" does not exist';
    await expectError([], '26000', message, S.bind({ statement: 'nope' }));
    await expectError([], '26000', message, S.describe({ type: 'S', name: 'nope' }));
  });

  it('Parse of an existing named statement: 42P05', async () => {
    await expectError(
      ['parseComplete'],
      '42P05',
      'prepared statement "dup" already exists',
      S.parse({ name: 'dup', text: 'SELECT 1' }),
      S.parse({ name: 'dup', text: 'SELECT 2' }),
    );
    await exchange(S.close({ type: 'S', name: 'dup' }), S.sync());
  });

  it('a binary parameter of the wrong size: 08P01, the connection stays usable', async () => {
    const frames = await exchange(
      S.parse({ text: 'SELECT $1::int4' }),
      bindMessage({ params: [{ format: 1, value: Buffer.from([0, 0, 7]) }] }),
      S.execute({}),
      S.sync(),
    );
    assert.deepEqual(names(frames), ['parseComplete', 'error', 'readyForQuery']);
    assert.equal(errorOf(frames[1]!).code, '08P01');
    assert.equal(readyStatus(frames.at(-1)!), 'I');
  });

  it('inside a failed transaction block: ReadyForQuery E and 25P02 until ROLLBACK', async () => {
    let frames = await exchange(S.parse({ text: 'BEGIN' }), S.bind({}), S.execute({}), S.sync());
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'commandComplete',
      'readyForQuery',
    ]);
    assert.equal(readyStatus(frames.at(-1)!), 'T');
    frames = await exchange(S.parse({ text: 'SELEC' }), S.sync());
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    assert.equal(readyStatus(frames.at(-1)!), 'E');
    frames = await exchange(S.parse({ text: 'SELECT 1' }), S.bind({}), S.execute({}), S.sync());
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    assert.equal(errorOf(frames[0]!).code, '25P02');
    assert.equal(
      errorOf(frames[0]!).message,
      'current transaction is aborted, commands ignored until end of transaction block',
    );
    assert.equal(readyStatus(frames.at(-1)!), 'E');
    assert.equal(readyStatus((await simpleQuery(live.session.conn, 'ROLLBACK')).at(-1)!), 'I');
  });
});
