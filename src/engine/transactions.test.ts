import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LakeError } from '../common/errors.js';
import { openTestSession, type TestSession } from './engine-test-harness.js';

/** Tags, notices and states as PostgreSQL 15 reports them (checked against a real server). */
const sessions: TestSession[] = [];
after(async () => Promise.all(sessions.map((s) => s.close())));
async function open(): Promise<TestSession> {
  const t = await openTestSession();
  sessions.push(t);
  return t;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof LakeError);
    return `${e.sqlstate} ${e.message}`;
  }
}

test('BEGIN / COMMIT / ROLLBACK tags, warnings and status', async () => {
  const t = await open();
  assert.equal((await t.run('commit')).tag, 'COMMIT');
  assert.equal(t.notices.at(-1)?.message, 'there is no transaction in progress');
  assert.equal(t.notices.at(-1)?.sqlstate, '25P01');
  assert.equal((await t.run('begin')).tag, 'BEGIN');
  assert.equal(t.session.transactionStatus(), 'in-transaction');
  assert.equal((await t.run('start transaction')).tag, 'START TRANSACTION');
  assert.equal(t.notices.at(-1)?.message, 'there is already a transaction in progress');
  assert.equal(t.notices.at(-1)?.sqlstate, '25001');
  assert.equal((await t.run('end')).tag, 'COMMIT');
  assert.equal(t.session.transactionStatus(), 'idle');
});

test('a failed block refuses statements until ROLLBACK; COMMIT reports ROLLBACK', async () => {
  const t = await open();
  await t.run('begin');
  assert.equal(await code(t.run('select 1/0')), '22012 division by zero');
  assert.equal(t.session.transactionStatus(), 'failed');
  assert.equal(
    await code(t.run('select 1')),
    '25P02 current transaction is aborted, commands ignored until end of transaction block',
  );
  assert.equal((await t.run('commit')).tag, 'ROLLBACK');
  assert.equal(t.session.transactionStatus(), 'idle');
});

test('savepoints', async () => {
  const t = await open();
  assert.equal(
    await code(t.run('savepoint x')),
    '25P01 SAVEPOINT can only be used in transaction blocks',
  );
  assert.equal(
    await code(t.run('rollback to x')),
    '25P01 ROLLBACK TO SAVEPOINT can only be used in transaction blocks',
  );
  assert.equal(
    await code(t.run('release x')),
    '25P01 RELEASE SAVEPOINT can only be used in transaction blocks',
  );
  await t.run('begin');
  assert.equal((await t.run('savepoint a')).tag, 'SAVEPOINT');
  assert.equal((await t.run('release a')).tag, 'RELEASE');
  assert.equal(await code(t.run('release b')), '3B001 savepoint "b" does not exist');
  await t.run('rollback');
  await t.run('begin; savepoint s');
  await code(t.run('select 1/0'));
  assert.equal((await t.run('rollback to s')).tag, 'ROLLBACK');
  assert.equal(t.session.transactionStatus(), 'in-transaction');
  assert.deepEqual((await t.run('select 1')).rows, [['1']]);
  await t.run('rollback');
});

test('cursors', async () => {
  const t = await open();
  assert.equal(
    await code(t.run('declare c cursor for select 1')),
    '25P01 DECLARE CURSOR can only be used in transaction blocks',
  );
  await t.run('begin');
  assert.equal((await t.run('declare c cursor for select 1 as x')).tag, 'DECLARE CURSOR');
  const f = await t.run('fetch 2 from c');
  assert.equal(f.tag, 'FETCH 1');
  assert.deepEqual(f.rows, [['1']]);
  assert.equal((await t.run('fetch c')).tag, 'FETCH 0');
  assert.equal((await t.run('move 1 in c')).tag, 'MOVE 0');
  assert.equal((await t.run('close c')).tag, 'CLOSE CURSOR');
  assert.equal(await code(t.run('close c')), '34000 cursor "c" does not exist');
  await t.run('rollback');
  await t.run('declare h cursor with hold for select 2');
  await t.run('begin; declare n cursor for select 3; commit');
  assert.deepEqual((await t.run('fetch all from h')).rows, [['2']]);
  assert.equal(await code(t.run('fetch n')), '34000 cursor "n" does not exist');
  assert.equal((await t.run('close all')).tag, 'CLOSE CURSOR ALL');
});

test('DISCARD ALL, DEALLOCATE, COPY and EXPLAIN', async () => {
  const t = await open();
  await t.run("set application_name = 'x'");
  assert.equal((await t.run('discard all')).tag, 'DISCARD ALL');
  assert.deepEqual((await t.run('show application_name')).rows, [['']]);
  await t.run('begin');
  assert.equal(
    await code(t.run('discard all')),
    '25001 DISCARD ALL cannot run inside a transaction block',
  );
  await t.run('rollback');
  assert.equal((await t.run('deallocate all')).tag, 'DEALLOCATE ALL');
  const [parsed] = t.session.parse('copy (select 1) to stdout with (format csv, header)');
  const exec = await t.session.execute(
    await t.session.prepare(parsed!, []),
    [],
    new AbortController().signal,
  );
  assert.deepEqual(exec.copyOut, {
    format: 'csv',
    header: true,
    delimiter: ',',
    nullString: '',
    quote: '"',
    escape: '"',
  });
  let rows = 0;
  for await (const b of exec.batches) rows += b.numRows;
  assert.equal(exec.commandTag(rows), 'COPY 1');
  const plan = await t.run('explain select 1');
  assert.deepEqual(
    plan.columns?.map((c) => c.name),
    ['QUERY PLAN'],
  );
  assert.ok(plan.rows.length >= 1);
});

test('pg_sleep honours cancellation and statement_timeout; statements are logged', async () => {
  const t = await open();
  const [parsed] = t.session.parse('select pg_sleep(5)');
  const prepared = await t.session.prepare(parsed!, []);
  const ac = new AbortController();
  const exec = await t.session.execute(prepared, [], ac.signal);
  setTimeout(() => ac.abort(), 20);
  assert.equal(
    await code(
      (async () => {
        for await (const _ of exec.batches);
      })(),
    ),
    '57014 canceling statement due to user request',
  );
  await t.run("set statement_timeout = '30ms'");
  assert.equal(
    await code(t.run('select pg_sleep(5)')),
    '57014 canceling statement due to statement timeout',
  );
  const last = t.log.at(-1);
  assert.equal(last?.error?.sqlstate, '57014');
  assert.equal(last?.sql, 'select pg_sleep(5)');
});

test('unknown database is 3D000', async () => {
  const { LocalQueryEngine } = await import('./local-query-engine.js');
  const t = await open();
  const engine = new LocalQueryEngine({
    catalogs: new Map(),
    io: undefined as never,
    scanPool: undefined as never,
    defaultCatalog: 'x',
    limits: { statementTimeoutMs: 0, memoryBytes: 1 },
  });
  void t;
  await assert.rejects(
    engine.openSession(
      {
        user: 'u',
        database: 'nope',
        parameters: new Map(),
        backendPid: 1,
        cancelBackend: () => false,
      },
      { notice: () => {}, parameterStatus: () => {}, deallocate: () => true },
    ),
    (e: unknown) =>
      e instanceof LakeError &&
      e.sqlstate === '3D000' &&
      e.message === 'database "nope" does not exist',
  );
});
