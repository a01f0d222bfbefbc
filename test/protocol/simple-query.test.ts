/**
 * Simple query protocol conformance (PostgreSQL docs §55.2.2 "Simple Query", §55.2.2.1
 * "Multiple Statements in a Simple Query"): statement batches, EmptyQueryResponse, errors and
 * ReadyForQuery transaction status.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commandTag,
  dataRowText,
  dataRowValues,
  errorOf,
  names,
  readyStatus,
  rowDescription,
} from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { sessionPerTest, simpleQuery } from '../support/session.js';

const oneRow = ['rowDescription', 'dataRow', 'commandComplete'];

function lastStatus(frames: readonly Frame[]): string {
  return readyStatus(frames.at(-1)!);
}

/**
 * PostgreSQL folds `1/0` while planning, before RowDescription; a server that evaluates it while
 * producing rows sends RowDescription first; both are valid (§55.2.2: an ErrorResponse can end
 * a statement's response at any point). Dropping a RowDescription directly before an
 * ErrorResponse makes both orders compare equal.
 */
function withoutDescriptionBeforeError(frames: readonly Frame[]): Frame[] {
  return frames.filter((f, i) => !(f.name === 'rowDescription' && frames[i + 1]?.name === 'error'));
}

forEachTarget('simple query', ({ target }) => {
  const live = sessionPerTest(target);
  const run = (sql: string): Promise<Frame[]> => simpleQuery(live.session.conn, sql);

  it('runs every statement of a multi-statement Query, then one ReadyForQuery', async () => {
    const frames = await run('SELECT 1; SELECT 2');
    assert.deepEqual(names(frames), [...oneRow, ...oneRow, 'readyForQuery']);
    assert.deepEqual(dataRowText(frames[1]!), ['1']);
    assert.deepEqual(dataRowText(frames[4]!), ['2']);
    assert.equal(commandTag(frames[2]!), 'SELECT 1');
    assert.equal(commandTag(frames[5]!), 'SELECT 1');
    assert.equal(lastStatus(frames), 'I');
  });

  for (const sql of ['', ';', '-- c', '  \n\t ']) {
    it(`answers ${JSON.stringify(sql)} with EmptyQueryResponse`, async () => {
      const frames = await run(sql);
      assert.deepEqual(names(frames), ['emptyQuery', 'readyForQuery']);
      assert.equal(lastStatus(frames), 'I');
    });
  }

  it('a syntax error anywhere rejects the whole Query: 42601 with position, nothing runs', async () => {
    const frames = await run('SELECT 1; SELEC 2; SELECT 3');
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    const error = errorOf(frames[0]!);
    assert.equal(error.severity, 'ERROR');
    assert.equal(error.code, '42601');
    assert.equal(error.message, 'syntax error at or near "SELEC"');
    assert.equal(error.position, '11');
    assert.equal(lastStatus(frames), 'I');
  });

  it('a run-time error stops the rest of the Query; earlier results stay', async () => {
    const frames = withoutDescriptionBeforeError(await run('SELECT 1; SELECT 1/0; SELECT 3'));
    assert.deepEqual(names(frames), [...oneRow, 'error', 'readyForQuery']);
    const error = errorOf(frames[3]!);
    assert.deepEqual(
      [error.severity, error.code, error.message],
      ['ERROR', '22012', 'division by zero'],
    );
    assert.equal(lastStatus(frames), 'I');
  });

  it('an unknown table is 42P01 with the position of its name', async () => {
    const frames = await run('SELECT * FROM no_such_table');
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    const error = errorOf(frames[0]!);
    assert.equal(error.code, '42P01');
    assert.equal(error.message, 'relation "no_such_table" does not exist');
    assert.equal(error.position, '15');
  });

  it('ReadyForQuery reports I, T and E across BEGIN, an error, 25P02 and ROLLBACK', async () => {
    let frames = await run('BEGIN');
    assert.deepEqual(names(frames), ['commandComplete', 'readyForQuery']);
    assert.deepEqual([commandTag(frames[0]!), lastStatus(frames)], ['BEGIN', 'T']);

    frames = await run('SELECT 1');
    assert.deepEqual(names(frames), [...oneRow, 'readyForQuery']);
    assert.equal(lastStatus(frames), 'T');

    frames = withoutDescriptionBeforeError(await run('SELECT 1/0'));
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    assert.equal(lastStatus(frames), 'E');

    frames = await run('SELECT 1');
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    const error = errorOf(frames[0]!);
    assert.equal(error.code, '25P02');
    assert.equal(
      error.message,
      'current transaction is aborted, commands ignored until end of transaction block',
    );
    assert.equal(lastStatus(frames), 'E');

    frames = await run('ROLLBACK');
    assert.deepEqual(names(frames), ['commandComplete', 'readyForQuery']);
    assert.deepEqual([commandTag(frames[0]!), lastStatus(frames)], ['ROLLBACK', 'I']);
  });

  it('COMMIT of a failed transaction reports ROLLBACK', async () => {
    assert.equal(lastStatus(await run('BEGIN')), 'T');
    assert.equal(lastStatus(await run('SELEC')), 'E');
    const frames = await run('COMMIT');
    assert.deepEqual(names(frames), ['commandComplete', 'readyForQuery']);
    assert.deepEqual([commandTag(frames[0]!), lastStatus(frames)], ['ROLLBACK', 'I']);
  });

  it('BEGIN inside a multi-statement Query leaves the transaction open', async () => {
    let frames = await run('SELECT 1; BEGIN; SELECT 2');
    assert.deepEqual(names(frames), [...oneRow, 'commandComplete', ...oneRow, 'readyForQuery']);
    assert.equal(commandTag(frames[3]!), 'BEGIN');
    assert.equal(lastStatus(frames), 'T');
    frames = await run('COMMIT');
    assert.deepEqual([commandTag(frames[0]!), lastStatus(frames)], ['COMMIT', 'I']);
  });

  describe('several statements in one Query run as one implicit transaction (§55.2.2.1)', () => {
    const timeZone = async (): Promise<string> => {
      const frames = await run('SHOW TimeZone');
      return dataRowText(frames[1]!)[0] ?? '';
    };

    it('an error undoes the earlier statements of the message', async () => {
      const before = await timeZone();
      const frames = await run("SET TimeZone = 'Asia/Tokyo'; SELECT 1/0");
      assert.equal(errorOf(frames.find((f) => f.name === 'error')!).code, '22012');
      assert.equal(lastStatus(frames), 'I');
      assert.equal(await timeZone(), before);
    });

    it('without an error, the message commits', async () => {
      const frames = await run("SET TimeZone = 'Asia/Tokyo'; SELECT 1");
      assert.equal(lastStatus(frames), 'I');
      assert.equal(await timeZone(), 'Asia/Tokyo');
    });

    it('SET LOCAL and DECLARE work inside the message and end with it', async () => {
      const before = await timeZone();
      const frames = await run(
        "SET LOCAL TimeZone = 'Asia/Tokyo'; DECLARE c CURSOR FOR SELECT 7 AS x; FETCH c; SHOW TimeZone",
      );
      assert.deepEqual(
        frames.filter((f) => f.name === 'dataRow').map((f) => dataRowText(f)[0]),
        ['7', 'Asia/Tokyo'],
      );
      assert.equal(
        frames.find((f) => f.name === 'notice'),
        undefined,
      );
      assert.equal(lastStatus(frames), 'I');
      assert.equal(await timeZone(), before);
      const closed = await run('FETCH c');
      assert.equal(errorOf(closed[0]!).code, '34000');
    });

    it('COMMIT inside the message warns 25P01 and ends the implicit block', async () => {
      const frames = await run('SELECT 1; COMMIT; SELECT 2');
      const notice = frames.find((f) => f.name === 'notice');
      assert.ok(notice, 'a WARNING notice');
      assert.deepEqual(frames.filter((f) => f.name === 'commandComplete').map(commandTag), [
        'SELECT 1',
        'COMMIT',
        'SELECT 1',
      ]);
      assert.equal(lastStatus(frames), 'I');
    });

    it('BEGIN inside the message makes the block explicit', async () => {
      const frames = await run("BEGIN; SET TimeZone = 'Asia/Tokyo'");
      assert.equal(
        frames.find((f) => f.name === 'notice'),
        undefined,
      );
      assert.equal(lastStatus(frames), 'T');
      await run('ROLLBACK');
    });
  });

  it('FETCH from a BINARY cursor sends binary rows even over the simple protocol', async () => {
    await run('BEGIN');
    await run('DECLARE b BINARY CURSOR FOR SELECT 258::int4 AS n');
    const frames = await run('FETCH 1 FROM b');
    assert.deepEqual(names(frames), [...oneRow, 'readyForQuery']);
    assert.equal(rowDescription(frames[0]!).fields[0]?.format, 'binary');
    assert.deepEqual(dataRowValues(frames[1]!)[0], Buffer.from([0, 0, 1, 2]));
    await run('ROLLBACK');
  });

  it('client_min_messages filters notices', async () => {
    const notices = (frames: readonly Frame[]): number =>
      frames.filter((f) => f.name === 'notice').length;
    assert.equal(notices(await run('COMMIT')), 1);
    await run('SET client_min_messages = error');
    assert.equal(notices(await run('COMMIT')), 0);
    await run('RESET client_min_messages');
    assert.equal(notices(await run('COMMIT')), 1);
  });
});
