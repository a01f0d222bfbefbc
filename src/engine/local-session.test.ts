import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { LakeError } from '../common/errors.js';
import { Types } from '../common/sql-types.js';
import { openTestSession, type TestSession } from './engine-test-harness.js';

/** Expected values below were taken from a PostgreSQL 15 server running the same SQL. */

async function fails(
  t: TestSession,
  sql: string,
  sqlstate: string,
  message: string,
  position?: number,
): Promise<void> {
  await assert.rejects(t.run(sql), (e: unknown) => {
    assert.ok(e instanceof LakeError, String(e));
    assert.equal(e.sqlstate, sqlstate, `${sql}: ${e.message}`);
    assert.equal(e.message, message);
    if (position !== undefined) assert.equal(e.position, position);
    return true;
  });
}

const sessions: TestSession[] = [];
async function open(parameters: Record<string, string> = {}): Promise<TestSession> {
  const t = await openTestSession({ parameters });
  sessions.push(t);
  return t;
}
after(async () => Promise.all(sessions.map((s) => s.close())));

describe('expressions', () => {
  test('literal typing and arithmetic', async () => {
    const t = await open();
    const r = await t.run(
      "select 1, 2147483648, 99999999999999999999, 1.5, 'x', 7/2, 7.0/2, 1.0/3, -7 % 3, 10::numeric/4",
    );
    assert.deepEqual(
      r.columns?.map((c) => c.type.kind),
      [
        'int4',
        'int8',
        'numeric',
        'numeric',
        'text',
        'int4',
        'numeric',
        'numeric',
        'int4',
        'numeric',
      ],
    );
    assert.deepEqual(r.rows, [
      [
        '1',
        '2147483648',
        '99999999999999999999',
        '1.5',
        'x',
        '3',
        '3.5000000000000000',
        '0.33333333333333333333',
        '-1',
        '2.5000000000000000',
      ],
    ]);
    const types = await t.run(
      "select pg_typeof(1), pg_typeof(3000000000), pg_typeof(1.5), pg_typeof('x'), pg_typeof(1 + 1.5), pg_typeof(1::int2 + 1), pg_typeof(1.5::float4 + 1)",
    );
    assert.deepEqual(types.rows, [
      ['integer', 'bigint', 'numeric', 'unknown', 'numeric', 'integer', 'double precision'],
    ]);
  });

  test('three-valued logic, predicates and conditionals', async () => {
    const t = await open();
    const r = await t.run(
      "select 1 < 2 and null, null or true, false and null, 3 between 1 and 5, 2 in (1, null), 1 in (1, null), 'abc' like 'a%', 'ABC' ilike 'a_c', null is distinct from 1, 1 is not distinct from 1",
    );
    assert.deepEqual(r.rows, [[null, 't', 'f', 't', null, 't', 't', 't', 't', 't']]);
    const c = await t.run(
      "select case when 1 = 0 then 1/0 else 2 end, case 2 when 1 then 'a' when 2 then 'b' end, coalesce(null, 3), nullif(1, 1), greatest(1, 2.5), least('b', 'a'), 'a' || 1 || null",
    );
    assert.deepEqual(c.rows, [['2', 'b', '3', null, '2.5', 'a', null]]);
  });

  test('functions', async () => {
    const t = await open();
    const r = await t.run(
      "select upper('abc'), length('héllo'), substr('hello', 2, 3), trim('  x  '), replace('aaa', 'a', 'b'), abs(-5), round(2.5), round(2.567, 2), floor(-1.5), ceil(1.2), concat('a', 1, null, true)",
    );
    assert.deepEqual(r.rows, [['ABC', '5', 'ell', 'x', 'bbb', '5', '3', '2.57', '-2', '2', 'a1t']]);
    const s = await t.run(
      'select current_user, session_user, current_database(), current_catalog, pg_backend_pid(), pg_cancel_backend(1)',
    );
    assert.deepEqual(s.rows, [['alice', 'alice', 'lake', 'lake', '4242', 'f']]);
    const v = await t.run('select version()');
    assert.match(v.rows[0]![0]!, /^PostgreSQL 15\.\d+ \(lakegate /);
  });

  test('aggregates without a table', async () => {
    const t = await open();
    const r = await t.run('select count(*), sum(1), max(2), avg(2)');
    assert.deepEqual(r.rows, [['1', '1', '2', '2.0000000000000000']]);
  });

  test('errors carry SQLSTATE and position', async () => {
    const t = await open();
    await fails(t, 'select 2147483647 + 1', '22003', 'integer out of range');
    await fails(t, 'select 9223372036854775807 + 1', '22003', 'bigint out of range');
    await fails(t, 'select 1/0', '22012', 'division by zero');
    await fails(t, 'select 1.0/0', '22012', 'division by zero');
    await fails(t, "select 'a' + 1", '22P02', 'invalid input syntax for type integer: "a"', 8);
    await fails(t, "select 1 + 'a'", '22P02', 'invalid input syntax for type integer: "a"', 12);
    await fails(t, "select 'a'::text + 1", '42883', 'operator does not exist: text + integer', 18);
    await fails(t, 'select foo(1)', '42883', 'function foo(integer) does not exist', 8);
    await fails(t, 'select upper(1)', '42883', 'function upper(integer) does not exist', 8);
    await fails(t, 'select nosuch', '42703', 'column "nosuch" does not exist', 8);
    await fails(t, 'select * from nosuch.tbl', '42P01', 'relation "nosuch.tbl" does not exist', 15);
    await fails(t, 'select 1 +', '42601', 'syntax error at end of input');
  });

  test('parameter types are inferred from context', async () => {
    const t = await open();
    const r = await t.run('select $1::int4, $2 + 1, $3', [5, 6, 'x']);
    assert.deepEqual(
      r.paramTypes.map((p) => p.kind),
      ['int4', 'int4', 'text'],
    );
    assert.deepEqual(r.rows, [['5', '7', 'x']]);
    const given = await t.run('select $1', [10n], [Types.int8]);
    assert.deepEqual(given.paramTypes, [Types.int8]);
  });

  test('ORDER BY, LIMIT and OFFSET', async () => {
    const t = await open();
    const r = await t.run('select 1 as a, 2 as b order by b desc, 1 limit 1 offset 0');
    assert.deepEqual(r.rows, [['1', '2']]);
    assert.equal((await t.run('select 1 limit 0')).tag, 'SELECT 0');
  });
});

describe('settings', () => {
  test('SET / SHOW / RESET with display forms', async () => {
    const t = await open({ application_name: 'psql' });
    await t.run("set datestyle = 'ymd'");
    assert.deepEqual((await t.run('show datestyle')).rows, [['ISO, YMD']]);
    await t.run('set statement_timeout = 5000');
    assert.deepEqual((await t.run('show statement_timeout')).rows, [['5s']]);
    await t.run("set statement_timeout = '1min'");
    assert.deepEqual((await t.run('show statement_timeout')).rows, [['1min']]);
    await t.run('set search_path = a, "B", c');
    assert.deepEqual((await t.run('show search_path')).rows, [['a, "B", c']]);
    await t.run("set application_name = 'x'");
    await t.run('reset application_name');
    assert.deepEqual((await t.run('show application_name')).rows, [['psql']]);
    await t.run('set foo.bar = 1');
    assert.deepEqual((await t.run('show foo.bar')).rows, [['1']]);
    assert.deepEqual((await t.run('show transaction isolation level')).rows, [['read committed']]);
  });

  test('invalid values use PostgreSQL errors', async () => {
    const t = await open();
    await fails(
      t,
      "set timezone = 'Foo/Bar'",
      '22023',
      'invalid value for parameter "TimeZone": "Foo/Bar"',
    );
    await fails(
      t,
      'set extra_float_digits = 5',
      '22023',
      '5 is outside the valid range for parameter "extra_float_digits" (-15 .. 3)',
    );
    await fails(
      t,
      "set statement_timeout = 'abc'",
      '22023',
      'invalid value for parameter "statement_timeout": "abc"',
    );
    await fails(
      t,
      "set client_encoding = 'foo'",
      '22023',
      'invalid value for parameter "client_encoding": "foo"',
    );
    await fails(
      t,
      "set client_encoding = 'latin1'",
      '0A000',
      'conversion between LATIN1 and UTF8 is not supported',
    );
    await fails(t, "set datestyle = 'German'", '0A000', 'DateStyle "German" is not supported');
    await fails(
      t,
      'set integer_datetimes = off',
      '55P02',
      'parameter "integer_datetimes" cannot be changed',
    );
    await fails(t, 'set foo = 1', '42704', 'unrecognized configuration parameter "foo"');
    await fails(t, 'show foo.baz', '42704', 'unrecognized configuration parameter "foo.baz"');
    await t.run("set client_encoding = 'utf-8'");
    assert.deepEqual((await t.run('show client_encoding')).rows, [['UTF8']]);
  });

  test('SET inside a block is undone by ROLLBACK; SET LOCAL ends with the block', async () => {
    const t = await open();
    await t.run("begin; set application_name = 'a'; set local timezone = 'Europe/Paris'");
    assert.deepEqual((await t.run('show timezone')).rows, [['Europe/Paris']]);
    await t.run('rollback');
    assert.deepEqual((await t.run('show application_name')).rows, [['']]);
    await t.run("begin; set application_name = 'b'; set local timezone = 'Europe/Paris'; commit");
    assert.deepEqual((await t.run('show application_name')).rows, [['b']]);
    assert.deepEqual((await t.run('show timezone')).rows, [['UTC']]);
    assert.deepEqual(t.statuses, [
      ['application_name', 'a'],
      ['TimeZone', 'Europe/Paris'],
      ['application_name', ''],
      ['TimeZone', 'UTC'],
      ['application_name', 'b'],
      ['TimeZone', 'Europe/Paris'],
      ['TimeZone', 'UTC'],
    ]);
  });

  test('ROLLBACK TO a savepoint undoes later SETs', async () => {
    const t = await open();
    await t.run(
      "begin; set application_name = 'one'; savepoint s; set application_name = 'two'; rollback to s",
    );
    assert.deepEqual((await t.run('show application_name')).rows, [['one']]);
    await t.run('commit');
    assert.deepEqual((await t.run('show application_name')).rows, [['one']]);
  });

  test('SET LOCAL outside a block warns and has no effect', async () => {
    const t = await open();
    await t.run("set local application_name = 'q'");
    assert.deepEqual(
      t.notices.map((n) => [n.severity, n.sqlstate, n.message]),
      [['WARNING', '25P01', 'SET LOCAL can only be used in transaction blocks']],
    );
    assert.deepEqual((await t.run('show application_name')).rows, [['']]);
  });

  test('startup parameters and options become starting values', async () => {
    const t = await open({
      application_name: 'app',
      TimeZone: 'Europe/Berlin',
      options: '-c extra_float_digits=2 --search_path=sales',
    });
    const reported = new Map(t.session.reportedParameters());
    assert.equal(reported.get('application_name'), 'app');
    assert.equal(reported.get('TimeZone'), 'Europe/Berlin');
    assert.equal(reported.get('server_version'), '15.8 (lakegate 0.1.0)');
    assert.deepEqual([...reported.keys()].slice(0, 3), [
      'application_name',
      'client_encoding',
      'DateStyle',
    ]);
    assert.deepEqual((await t.run('show extra_float_digits')).rows, [['2']]);
    assert.deepEqual((await t.run('select current_schema()')).rows, [['sales']]);
  });
});
