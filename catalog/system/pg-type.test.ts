import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestSession, type TestSession } from '../../src/engine/engine-test-harness.js';

let t: TestSession;
before(async () => (t = await openTestSession()));
after(() => t.close());

test("psqlODBC's connect-time query: pg_type has no 'lo' and answers with two oid columns", async () => {
  const r = await t.run("select oid, typbasetype from pg_type where typname = 'lo'");
  assert.equal(r.tag, 'SELECT 0');
  assert.deepEqual(
    r.columns?.map((c) => [c.name, c.type.kind]),
    [
      ['oid', 'oid'],
      ['typbasetype', 'oid'],
    ],
  );
});

test('pg_catalog.pg_type describes base and array types as PostgreSQL does', async () => {
  const r = await t.run(
    "SELECT oid, typname, typlen, typbyval, typtype, typcategory, typelem, typarray FROM pg_catalog.pg_type WHERE typname IN ('int4', '_text', 'numeric', 'timestamptz') ORDER BY oid",
  );
  // Values as a real PostgreSQL 15 prints them for the same query.
  assert.deepEqual(r.rows, [
    ['23', 'int4', '4', 't', 'b', 'N', '0', '1007'],
    ['1009', '_text', '-1', 'f', 'b', 'A', '25', '0'],
    ['1184', 'timestamptz', '8', 't', 'b', 'D', '0', '1185'],
    ['1700', 'numeric', '-1', 'f', 'b', 'N', '0', '1231'],
  ]);
});

test('a table named like a system relation in a schema is not shadowed when qualified', async () => {
  await assert.rejects(t.run('SELECT * FROM public.pg_type'), {
    sqlstate: '42P01',
  });
});
