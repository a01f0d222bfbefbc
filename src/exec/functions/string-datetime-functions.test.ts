import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestSession, type TestSession } from '../../engine/engine-test-harness.js';

/** Expected rows are what PostgreSQL 15 printed for the same statements (checked with psql). */
let t: TestSession;
before(async () => (t = await openTestSession()));
after(() => t.close());

test('string functions', async () => {
  const r = await t.run(
    "SELECT position('l' in 'hello'), strpos('hello','lo'), left('hello', 2), right('hello', -2), reverse('abc'), repeat('ab', 3), starts_with('hello','he'), split_part('a,b,c', ',', -1), initcap('hello wORLD-foo'), lpad('7', 3, '0'), rpad('ab', 5, 'xy'), lpad('hello', 2)",
  );
  assert.deepEqual(r.rows, [
    ['3', '4', 'he', 'llo', 'cba', 'ababab', 't', 'c', 'Hello World-Foo', '007', 'abxyx', 'he'],
  ]);
  await assert.rejects(t.run("SELECT split_part('a', ',', 0)"), { sqlstate: '22023' });
});

test('extract and date_part of dates and timestamps', async () => {
  let r = await t.run(
    "SELECT extract(year from date '2024-05-06'), extract(dow from date '2024-05-06'), extract(week from date '2024-12-30'), extract(isoyear from date '2024-12-30'), extract(doy from date '2024-03-01'), extract(quarter from date '2024-05-06'), extract(century from date '2000-01-01'), extract(epoch from date '2024-01-01')",
  );
  assert.deepEqual(r.rows, [['2024', '1', '1', '2025', '61', '2', '20', '1704067200']]);
  r = await t.run(
    "SELECT extract(second from timestamp '2024-01-01 10:00:05.25'), extract(milliseconds from timestamp '2024-01-01 10:00:05.25'), extract(hour from timestamptz '2024-01-01 10:00:05+00'), extract(epoch from timestamptz '2024-01-01 10:00:05+00'), date_part('month', timestamp '2024-07-09 01:02:03')",
  );
  assert.deepEqual(r.rows, [['5.250000', '5250.000', '10', '1704103205.000000', '7']]);
  await assert.rejects(t.run("SELECT extract(hour from date '2024-01-01')"), {
    sqlstate: '0A000',
    message: 'unit "hour" not supported for type date',
  });
  await assert.rejects(t.run("SELECT extract(fortnight from timestamp '2024-01-01')"), {
    sqlstate: '22023',
  });
});

test('date_trunc in the session time zone, across a DST change', async () => {
  await t.run("SET TimeZone = 'America/New_York'");
  const r = await t.run(
    "SELECT date_trunc('month', timestamp '2024-07-09 01:02:03'), date_trunc('week', timestamp '2024-07-09 01:02:03'), date_trunc('day', timestamptz '2024-03-10 12:00:00+00'), date_trunc('quarter', date '2024-05-06'), date_trunc('hour', timestamptz '2024-11-03 06:30:00+00'), extract(hour from timestamptz '2024-01-01 10:00:05+00')",
  );
  assert.deepEqual(r.rows, [
    [
      '2024-07-01 00:00:00',
      '2024-07-08 00:00:00',
      '2024-03-10 00:00:00-05',
      '2024-04-01 00:00:00-04',
      '2024-11-03 01:00:00-05',
      '5',
    ],
  ]);
});
