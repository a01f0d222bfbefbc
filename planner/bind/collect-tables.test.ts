import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LakeError } from '../../src/common/errors.js';
import type { Query } from '../../src/sql/ast.js';
import { parseSql } from '../../src/sql/parse.js';
import { lookup } from './bind-fixtures.js';
import { collectTables } from './collect-tables.js';

function query(sql: string): Query {
  const s = parseSql(sql)[0]?.statement;
  assert.equal(s?.kind, 'query');
  return s;
}

const names = async (sql: string): Promise<string[]> =>
  [...(await collectTables(query(sql), lookup, sql)).values()].map((r) =>
    r.kind === 'lake'
      ? `${r.table.catalog}.${r.table.ident.namespace}.${r.table.ident.name}`
      : r.relation.name,
  );

test('loads tables everywhere in a query: CTEs, FROM subqueries, joins, expressions, set operations', async () => {
  assert.deepEqual(
    await names(
      'with w as (select * from t) select * from w join (select * from u) s on true ' +
        'where exists (select 1 from v) union all select * from lake.db.arr, pg_type',
    ),
    ['lake.db.t', 'lake.db.u', 'lake.db.v', 'lake.db.arr', 'pg_type'],
  );
});

test('CTE names shadow tables where they are visible, and only there', async () => {
  assert.deepEqual(await names('with t as (select 1) select * from t'), []);
  // A plain WITH member does not see itself: `t` inside is the table.
  assert.deepEqual(await names('with t as (select * from t) select * from t'), ['lake.db.t']);
  assert.deepEqual(
    await names('with recursive t as (select 1 union all select * from t) select * from t'),
    [],
  );
});

test('an unknown relation is 42P01 at its name', async () => {
  const sql = 'select * from t join db.nope on true';
  await assert.rejects(collectTables(query(sql), lookup, sql), (e: unknown) => {
    assert.ok(e instanceof LakeError);
    assert.equal(e.sqlstate, '42P01');
    assert.equal(e.message, 'relation "db.nope" does not exist');
    assert.equal(e.position, 22);
    return true;
  });
});
