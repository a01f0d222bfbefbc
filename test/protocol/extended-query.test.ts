/**
 * Extended query protocol conformance (PostgreSQL docs §55.2.3 "Extended Query", §55.2.4
 * "Pipelining"): Parse/Bind/Describe/Execute/Sync/Close/Flush, statements and portals, row
 * limits with PortalSuspended, and discard-until-Sync after an error.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import {
  commandTag,
  dataRowText,
  errorOf,
  names,
  parameterDescription,
  readyStatus,
  rowDescription,
} from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { sessionPerTest, simpleQuery } from '../support/session.js';

const S = serialize;
const INT4 = 23;
const INT8 = 20;
const TEXT = 25;

function columns(frame: Frame): [string, number, string][] {
  return rowDescription(frame).fields.map((f) => [f.name, f.dataTypeID, f.format]);
}

forEachTarget('extended query', ({ target }) => {
  const live = sessionPerTest(target);
  const { exchange } = live;

  it('Parse, Describe S, Bind, Describe P, Execute, Sync on the unnamed statement', async () => {
    const frames = await exchange(
      S.parse({ text: 'SELECT $1::int4 + 1' }),
      S.describe({ type: 'S' }),
      S.bind({ values: ['41'] }),
      S.describe({ type: 'P' }),
      S.execute(),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'parameterDescription',
      'rowDescription',
      'bindComplete',
      'rowDescription',
      'dataRow',
      'commandComplete',
      'readyForQuery',
    ]);
    assert.deepEqual(parameterDescription(frames[1]!).dataTypeIDs, [INT4]);
    assert.deepEqual(columns(frames[2]!), [['?column?', INT4, 'text']]);
    assert.deepEqual(columns(frames[4]!), [['?column?', INT4, 'text']]);
    assert.deepEqual(dataRowText(frames[5]!), ['42']);
    assert.equal(commandTag(frames[6]!), 'SELECT 1');
    assert.equal(readyStatus(frames[7]!), 'I');
  });

  it('ParameterDescription: inferred from casts, and as declared in Parse', async () => {
    const frames = await exchange(
      S.parse({ name: 'pd1', text: 'SELECT $1::text, $2::int8' }),
      S.describe({ type: 'S', name: 'pd1' }),
      S.parse({ name: 'pd2', text: 'SELECT $1', types: [INT8] }),
      S.describe({ type: 'S', name: 'pd2' }),
      S.close({ type: 'S', name: 'pd1' }),
      S.close({ type: 'S', name: 'pd2' }),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'parameterDescription',
      'rowDescription',
      'parseComplete',
      'parameterDescription',
      'rowDescription',
      'closeComplete',
      'closeComplete',
      'readyForQuery',
    ]);
    assert.deepEqual(parameterDescription(frames[1]!).dataTypeIDs, [TEXT, INT8]);
    assert.deepEqual(columns(frames[2]!), [
      ['text', TEXT, 'text'],
      ['int8', INT8, 'text'],
    ]);
    assert.deepEqual(parameterDescription(frames[4]!).dataTypeIDs, [INT8]);
    assert.deepEqual(
      columns(frames[5]!).map((c) => c[1]),
      [INT8],
    );
  });

  it('named and unnamed statements and portals, several open at once', async () => {
    let frames = await exchange(
      S.parse({ name: 's1', text: 'SELECT $1::int4 * 2' }),
      S.parse({ name: 's2', text: 'SELECT $1::text' }),
      S.parse({ text: 'SELECT 3' }),
      S.bind({ statement: 's1', portal: 'p1', values: ['21'] }),
      S.bind({ statement: 's2', portal: 'p2', values: ['x'] }),
      S.bind({}),
      S.execute({ portal: 'p2' }),
      S.execute({}),
      S.execute({ portal: 'p1' }),
      S.sync(),
    );
    const complete = ['parseComplete', 'parseComplete', 'parseComplete'];
    const bound = ['bindComplete', 'bindComplete', 'bindComplete'];
    const row = ['dataRow', 'commandComplete'];
    assert.deepEqual(names(frames), [
      ...complete,
      ...bound,
      ...row,
      ...row,
      ...row,
      'readyForQuery',
    ]);
    assert.deepEqual(
      [6, 8, 10].map((i) => dataRowText(frames[i]!)),
      [['x'], ['3'], ['42']],
    );

    // Named statements outlive Sync; portals end with the implicit transaction.
    frames = await exchange(
      S.bind({ statement: 's1', portal: 'p3', values: ['5'] }),
      S.execute({ portal: 'p3' }),
      S.sync(),
    );
    assert.deepEqual(names(frames), ['bindComplete', ...row, 'readyForQuery']);
    assert.deepEqual(dataRowText(frames[1]!), ['10']);
    frames = await exchange(S.execute({ portal: 'p1' }), S.sync());
    assert.deepEqual(names(frames), ['error', 'readyForQuery']);
    assert.deepEqual(
      [errorOf(frames[0]!).code, errorOf(frames[0]!).message],
      ['34000', 'portal "p1" does not exist'],
    );
    await exchange(
      S.close({ type: 'S', name: 's1' }),
      S.close({ type: 'S', name: 's2' }),
      S.sync(),
    );
  });

  it('after an error, everything up to Sync is skipped; the next pipeline runs', async () => {
    let frames = await exchange(
      S.parse({ name: 'ok', text: 'SELECT 1' }),
      S.bind({ statement: 'ok' }),
      S.execute({}),
      S.parse({ text: 'SELEC 2' }),
      S.bind({ statement: 'ok' }),
      S.execute({}),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'dataRow',
      'commandComplete',
      'error',
      'readyForQuery',
    ]);
    assert.equal(errorOf(frames[4]!).code, '42601');
    assert.equal(readyStatus(frames.at(-1)!), 'I');
    frames = await exchange(S.bind({ statement: 'ok' }), S.execute({}), S.sync());
    assert.deepEqual(names(frames), [
      'bindComplete',
      'dataRow',
      'commandComplete',
      'readyForQuery',
    ]);
    await exchange(S.close({ type: 'S', name: 'ok' }), S.sync());
  });

  it('Close statement and portal answer CloseComplete, also for names that do not exist', async () => {
    const frames = await exchange(
      S.parse({ name: 'a', text: 'SELECT 1' }),
      S.bind({ statement: 'a', portal: 'p' }),
      S.close({ type: 'P', name: 'p' }),
      S.close({ type: 'S', name: 'a' }),
      S.close({ type: 'S', name: 'never_prepared' }),
      S.close({ type: 'P', name: 'never_bound' }),
      S.execute({ portal: 'p' }),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'closeComplete',
      'closeComplete',
      'closeComplete',
      'closeComplete',
      'error',
      'readyForQuery',
    ]);
    assert.deepEqual(
      [errorOf(frames[6]!).code, errorOf(frames[6]!).message],
      ['34000', 'portal "p" does not exist'],
    );
  });

  it('Flush delivers pending results without ending the pipeline', async () => {
    live.session.conn.send(S.parse({ text: 'SELECT 7' }), S.flush());
    assert.equal((await live.session.conn.next()).name, 'parseComplete');
    live.session.conn.send(S.bind({}), S.execute({}), S.flush());
    assert.deepEqual(names(await live.session.conn.until('commandComplete')), [
      'bindComplete',
      'dataRow',
      'commandComplete',
    ]);
    live.session.conn.send(S.sync());
    assert.deepEqual(names(await live.session.conn.readyForQuery()), ['readyForQuery']);
  });

  it('Describe of a portal without rows answers NoData; an empty query answers EmptyQueryResponse', async () => {
    let frames = await exchange(
      S.parse({ text: 'BEGIN' }),
      S.bind({}),
      S.describe({ type: 'P' }),
      S.execute({}),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'noData',
      'commandComplete',
      'readyForQuery',
    ]);
    assert.deepEqual([commandTag(frames[3]!), readyStatus(frames[4]!)], ['BEGIN', 'T']);
    await simpleQuery(live.session.conn, 'ROLLBACK');
    frames = await exchange(
      S.parse({ text: '' }),
      S.bind({}),
      S.describe({ type: 'P' }),
      S.execute({}),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'noData',
      'emptyQuery',
      'readyForQuery',
    ]);
  });

  it('SQL DEALLOCATE and DISCARD ALL drop protocol-level prepared statements', async () => {
    await exchange(
      S.parse({ name: 's1', text: 'SELECT 1' }),
      S.parse({ name: 's2', text: 'SELECT 2' }),
      S.sync(),
    );
    let frames = await simpleQuery(live.session.conn, 'DEALLOCATE s1');
    assert.equal(commandTag(frames[0]!), 'DEALLOCATE');
    frames = await exchange(S.describe({ type: 'S', name: 's1' }), S.sync());
    assert.deepEqual(
      [errorOf(frames[0]!).code, errorOf(frames[0]!).message],
      ['26000', 'prepared statement "s1" does not exist'],
    );
    frames = await simpleQuery(live.session.conn, 'DEALLOCATE nope');
    assert.deepEqual(
      [errorOf(frames[0]!).code, errorOf(frames[0]!).message],
      ['26000', 'prepared statement "nope" does not exist'],
    );
    frames = await simpleQuery(live.session.conn, 'DISCARD ALL');
    assert.equal(commandTag(frames[0]!), 'DISCARD ALL');
    frames = await exchange(S.describe({ type: 'S', name: 's2' }), S.sync());
    assert.equal(errorOf(frames[0]!).code, '26000');
    // pgjdbc re-prepares after DISCARD ALL: the name must be free again.
    frames = await exchange(S.parse({ name: 's2', text: 'SELECT 2' }), S.sync());
    assert.deepEqual(names(frames), ['parseComplete', 'readyForQuery']);
  });
});
