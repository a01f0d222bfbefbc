import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LakeError } from '../common/errors.js';
import {
  closeSharedPool,
  createSalesOrders,
  openTestSession,
  type TestSession,
} from './engine-test-harness.js';

/** A small Parquet table read through planParquetScan and the worker pool. */
let t: TestSession;

before(async () => {
  t = await openTestSession({ scan: true });
  await createSalesOrders(t);
});

after(async () => {
  await t.close();
  await closeSharedPool();
});

test('WHERE, ORDER BY and LIMIT over a scan', async () => {
  const r = await t.run(
    'select id, amount * 2 as doubled from sales.orders where amount > 15 order by id desc limit 2',
  );
  assert.deepEqual(
    r.columns?.map((c) => [c.name, c.type.kind]),
    [
      ['id', 'int4'],
      ['doubled', 'float8'],
    ],
  );
  assert.deepEqual(r.rows, [
    ['5', '100'],
    ['4', '80'],
  ]);
  assert.equal(r.tag, 'SELECT 2');
});

test('GROUP BY with aggregates, NULL group and ordering by an aggregate', async () => {
  const r = await t.run(
    'select region, count(*), sum(amount), max(id) from sales.orders group by region order by 2 desc, region nulls first',
  );
  assert.deepEqual(r.rows, [
    ['east', '2', '40', '3'],
    ['west', '2', '70.5', '5'],
    [null, '1', '40', '4'],
  ]);
});

test('search_path finds unqualified tables; USE sets it', async () => {
  await t.run('use sales');
  const r = await t.run('select count(*) from orders where region is null');
  assert.deepEqual(r.rows, [['1']]);
});

test('unknown columns and ungrouped columns', async () => {
  await assert.rejects(
    t.run('select nope from sales.orders'),
    (e: unknown) => e instanceof LakeError && e.sqlstate === '42703' && e.position === 8,
  );
  await assert.rejects(
    t.run('select id, count(*) from sales.orders'),
    (e: unknown) =>
      e instanceof LakeError &&
      e.sqlstate === '42803' &&
      e.message ===
        'column "orders.id" must appear in the GROUP BY clause or be used in an aggregate function',
  );
});

test('GROUP BY a select-list position or an output alias (values as PostgreSQL 15 prints)', async () => {
  const byPosition = await t.run(
    "select case when amount > 25 then 'big' else 'small' end, count(*) from sales.orders group by 1 order by 1",
  );
  assert.deepEqual(byPosition.rows, [
    ['big', '3'],
    ['small', '2'],
  ]);
  const byAlias = await t.run(
    'select id % 2 as parity, sum(amount) from sales.orders group by parity order by parity',
  );
  assert.deepEqual(byAlias.rows, [
    ['0', '60.5'],
    ['1', '90'],
  ]);
  await assert.rejects(t.run('select region, count(*) from sales.orders group by 3'), {
    sqlstate: '42P10',
    message: 'GROUP BY position 3 is not in select list',
  });
});

test('a join filters its probe scan by the keys it built (dynamic filtering)', async () => {
  await t.run(
    "create table sales.picked using parquet as select * from (values (2, 'b'), (5, 'e')) v(id, tag)",
  );
  const sql =
    'select o.id, o.amount, p.tag from sales.orders o join sales.picked p on o.id = p.id order by o.id';
  const r = await t.run(sql);
  assert.deepEqual(r.rows, [
    ['2', '20.5', 'b'],
    ['5', '50', 'e'],
  ]);
  const plan = (await t.run(`explain analyze ${sql}`)).rows?.map((row) => row[0]).join('\n') ?? '';
  // orders is probed: its scan got the filter and sent on only the two matching rows.
  assert.match(plan, /Scan sales\.orders .*actual rows=2 .*dynamic_filters=1/);
  // An outer join keeps unmatched probe rows: no filter there.
  const outer = await t.run(
    'select o.id, p.tag from sales.orders o left join sales.picked p on o.id = p.id order by o.id',
  );
  assert.equal(outer.rows?.length, 5);
});
