/**
 * Execute with a row limit (PostgreSQL docs §55.2.3: "If the portal's execution is not
 * complete, PortalSuspended is sent"; the next Execute resumes it), including a named portal
 * kept open across Sync inside a transaction block, as pgjdbc's setFetchSize uses it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import { commandTag, dataRowText, names, readyStatus } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { sessionPerTest, simpleQuery } from '../support/session.js';
import type { TargetKind } from '../support/test-target.js';

const S = serialize;

/**
 * A query with more than six rows on each target. lakegate has no generate_series, so it reads
 * the demo table; the assertions only depend on the row count being above six.
 */
const manyRows: Record<TargetKind, string> = {
  postgres: 'SELECT generate_series(1, 10)',
  lakegate: 'SELECT * FROM sample.orders',
};

forEachTarget('portal suspend', ({ kind, target }) => {
  const live = sessionPerTest(target);
  const { exchange } = live;

  it('Execute with a row limit: PortalSuspended, then resume to CommandComplete', async () => {
    const frames = await exchange(
      S.parse({ text: manyRows[kind] }),
      S.bind({}),
      S.execute({ rows: 3 }),
      S.execute({ rows: 3 }),
      S.execute({ rows: 0 }),
      S.sync(),
    );
    const threeRows = ['dataRow', 'dataRow', 'dataRow', 'portalSuspended'];
    assert.deepEqual(names(frames.slice(0, 10)), [
      'parseComplete',
      'bindComplete',
      ...threeRows,
      ...threeRows,
    ]);
    const rest = frames.slice(10, -2);
    assert.ok(rest.length > 0 && rest.every((f) => f.name === 'dataRow'), names(rest).join());
    // The tag counts the rows of the last Execute only, as PostgreSQL does.
    assert.equal(commandTag(frames.at(-2)!), `SELECT ${rest.length}`);
    assert.equal(readyStatus(frames.at(-1)!), 'I');
    if (kind === 'postgres') {
      assert.deepEqual(
        frames.filter((f) => f.name === 'dataRow').map((f) => dataRowText(f)[0]),
        ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      );
    }
  });

  it('a named portal survives Sync inside BEGIN and resumes after it (fetch size)', async () => {
    assert.equal(readyStatus((await simpleQuery(live.session.conn, 'BEGIN')).at(-1)!), 'T');
    let frames = await exchange(
      S.parse({ name: 'cur', text: manyRows[kind] }),
      S.bind({ statement: 'cur', portal: 'c' }),
      S.execute({ portal: 'c', rows: 2 }),
      S.sync(),
    );
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'dataRow',
      'dataRow',
      'portalSuspended',
      'readyForQuery',
    ]);
    assert.equal(readyStatus(frames.at(-1)!), 'T');
    frames = await exchange(S.execute({ portal: 'c', rows: 2 }), S.sync());
    assert.deepEqual(names(frames), ['dataRow', 'dataRow', 'portalSuspended', 'readyForQuery']);
    frames = await exchange(
      S.close({ type: 'P', name: 'c' }),
      S.close({ type: 'S', name: 'cur' }),
      S.sync(),
    );
    assert.deepEqual(names(frames), ['closeComplete', 'closeComplete', 'readyForQuery']);
    assert.equal(readyStatus((await simpleQuery(live.session.conn, 'COMMIT')).at(-1)!), 'I');
  });
});
