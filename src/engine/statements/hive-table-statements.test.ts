import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tableFromArrays } from 'apache-arrow';
import { LakeError } from '../../common/errors.js';
import { writeParquetBytes } from '../../storage/parquet-writer.js';
import { closeSharedPool, openTestSession, type TestSession } from '../engine-test-harness.js';

/** DDL, INSERT, CTAS and the SHOW/DESCRIBE forms over plain Parquet tables (Spark/Hive semantics). */
let t: TestSession;

before(async () => {
  t = await openTestSession({ scan: true });
  await t.run('create schema s');
});

after(async () => {
  await t.close();
  await closeSharedPool();
});

function parquetFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.parquet'),
  );
}

async function fails(sql: string, sqlstate: string, message?: RegExp): Promise<void> {
  await assert.rejects(t.run(sql), (e: unknown) => {
    assert.ok(e instanceof LakeError, String(e));
    assert.equal(e.sqlstate, sqlstate, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

test('CREATE TABLE USING parquet PARTITIONED BY, INSERT, SELECT', async () => {
  const created = await t.run(
    'create table s.t (id int, name string, amount decimal(10,2), p string) using parquet partitioned by (p)',
  );
  assert.equal(created.tag, 'CREATE TABLE');
  const ins = await t.run(
    "insert into s.t values (1, 'a', 1.5, 'x'), (2, 'b', 2, 'y'), (3, null, null, 'x')",
  );
  assert.equal(ins.tag, 'INSERT 0 3');
  const st = await t.run("insert into table s.t partition (p='z') select 4, 'd', 4.25");
  assert.equal(st.tag, 'INSERT 0 1');
  await t.run("insert into s.t (name, id) values ('e', 5)");
  const r = await t.run('select id, name, amount, p from s.t order by id');
  assert.deepEqual(r.rows, [
    ['1', 'a', '1.50', 'x'],
    ['2', 'b', '2.00', 'y'],
    ['3', null, null, 'x'],
    ['4', 'd', '4.25', 'z'],
    ['5', 'e', null, null],
  ]);
  // Partition directories as Hive lays them out; NULL goes to the default partition.
  const location = join(t.warehouse, 's.db', 't');
  assert.ok(existsSync(join(location, 'p=x')));
  assert.ok(existsSync(join(location, 'p=__HIVE_DEFAULT_PARTITION__')));
  const parts = await t.run('show partitions s.t');
  assert.deepEqual(parts.rows, [['p=__HIVE_DEFAULT_PARTITION__'], ['p=x'], ['p=y'], ['p=z']]);
  assert.deepEqual((await t.run("show partitions s.t partition (p='y')")).rows, [['p=y']]);
  assert.deepEqual((await t.run('select id from s.t where p is null')).rows, [['5']]);
});

test('DESCRIBE, SHOW COLUMNS, SHOW CREATE TABLE, SHOW TABLES, SHOW DATABASES', async () => {
  await t.run(
    "create table s.d (a bigint, b string, q date) using parquet partitioned by (q) tblproperties ('owner' = 'me')",
  );
  const d = await t.run('describe s.d');
  assert.deepEqual(
    d.columns?.map((c) => c.name),
    ['col_name', 'data_type', 'comment'],
  );
  assert.deepEqual(d.rows, [
    ['a', 'bigint', null],
    ['b', 'string', null],
    ['q', 'date', null],
    ['# Partition Information', '', ''],
    ['# col_name', 'data_type', 'comment'],
    ['q', 'date', null],
  ]);
  const ext = await t.run('describe extended s.d');
  assert.ok(ext.rows.some((r) => r[0] === 'Type' && r[1] === 'MANAGED'));
  assert.deepEqual((await t.run('describe s.d b')).rows, [
    ['col_name', 'b'],
    ['data_type', 'string'],
    ['comment', 'NULL'],
  ]);
  assert.deepEqual((await t.run('show columns in s.d')).rows, [['a'], ['b'], ['q']]);
  const ddl = (await t.run('show create table s.d')).rows[0]?.[0] ?? '';
  assert.match(
    ddl,
    /^CREATE TABLE lake\.s\.d \(\n {2}a BIGINT,\n {2}b STRING,\n {2}q DATE\)\nUSING parquet\nPARTITIONED BY \(q\)\n/,
  );
  assert.match(ddl, /'owner' = 'me'/);
  assert.deepEqual((await t.run('show tblproperties s.d')).rows, [['owner', 'me']]);
  assert.deepEqual((await t.run("show tblproperties s.d ('nope')")).rows, [
    ['nope', 'Table s.d does not have property: nope'],
  ]);
  const tables = await t.run("show tables in s like 'd|t*'");
  assert.deepEqual(tables.rows, [
    ['s', 'd', 'false'],
    ['s', 't', 'false'],
  ]);
  assert.ok((await t.run('show databases')).rows.some((r) => r[0] === 's'));
  assert.deepEqual((await t.run("show schemas like 'nothing*'")).rows, []);
});

test('CTAS writes the query rows; DROP TABLE removes a managed table and its files', async () => {
  const r = await t.run(
    "create table s.c using parquet partitioned by (k) as select id * 2 as d, case when id % 2 = 0 then 'even' else 'odd' end as k from s.t where id <= 4",
  );
  assert.equal(r.tag, 'SELECT 4');
  assert.deepEqual((await t.run('select d, k from s.c order by d')).rows, [
    ['2', 'odd'],
    ['4', 'even'],
    ['6', 'odd'],
    ['8', 'even'],
  ]);
  assert.deepEqual((await t.run('describe s.c')).rows.slice(0, 2), [
    ['d', 'int', null],
    ['k', 'string', null],
  ]);
  const location = join(t.warehouse, 's.db', 'c');
  assert.ok(existsSync(join(location, 'k=even')));
  assert.equal((await t.run('drop table s.c')).tag, 'DROP TABLE');
  assert.deepEqual(parquetFiles(location), []);
  await fails('select * from s.c', '42P01');
  await fails('drop table s.c', '42P01', /^table "c" does not exist$/);
  assert.equal((await t.run('drop table if exists s.c')).tag, 'DROP TABLE');
  assert.match(t.notices.at(-1)?.message ?? '', /table "c" does not exist, skipping/);
});

test('CREATE EXTERNAL TABLE infers columns; MSCK REPAIR registers and drops partitions', async () => {
  const location = join(t.warehouse, 'outside', 'events');
  const write = (dir: string, ids: number[]): void => {
    mkdirSync(join(location, dir), { recursive: true });
    const table = tableFromArrays({ id: Int32Array.from(ids), v: ids.map((i) => `v${i}`) });
    writeFileSync(join(location, dir, 'part-0.parquet'), writeParquetBytes(table));
  };
  write('dt=2024-01-01', [1, 2]);
  write('dt=2024-01-02', [3]);
  await t.run(
    `create external table s.e partitioned by (dt string) stored as parquet location '${location}'`,
  );
  assert.deepEqual((await t.run('describe s.e')).rows.slice(0, 3), [
    ['id', 'int', null],
    ['v', 'string', null],
    ['dt', 'string', null],
  ]);
  // Hive semantics: directories are invisible until registered.
  assert.deepEqual((await t.run('select count(*) from s.e')).rows, [['0']]);
  assert.equal((await t.run('msck repair table s.e')).tag, 'MSCK REPAIR TABLE');
  assert.deepEqual((await t.run('select id, v, dt from s.e order by id')).rows, [
    ['1', 'v1', '2024-01-01'],
    ['2', 'v2', '2024-01-01'],
    ['3', 'v3', '2024-01-02'],
  ]);
  rmSync(join(location, 'dt=2024-01-02'), { recursive: true });
  await t.run('msck repair table s.e sync partitions');
  assert.deepEqual((await t.run('show partitions s.e')).rows, [['dt=2024-01-01']]);
  await t.run('drop table s.e');
  assert.ok(existsSync(join(location, 'dt=2024-01-01', 'part-0.parquet')), 'external files stay');
  await fails('msck repair table s.t2', '42P01');
});

test('errors: duplicate and unknown tables and schemas, assignment casts, counts', async () => {
  await fails('create table s.t (a int) using parquet', '42P07', /relation "t" already exists/);
  assert.equal(
    (await t.run('create table if not exists s.t (a int) using parquet')).tag,
    'CREATE TABLE',
  );
  assert.match(t.notices.at(-1)?.message ?? '', /already exists, skipping/);
  await fails('create table nope.x (a int) using parquet', '3F000');
  await fails('insert into s.missing values (1)', '42P01');
  await fails('create schema s', '42P06');
  await t.run('create schema if not exists s');
  await fails('drop schema s', '2BP01');
  await fails('drop schema nope', '3F000');
  await fails(
    "insert into s.t values (true, 'a', 1, 'x')",
    '42804',
    /column "id" is of type integer but expression is of type boolean/,
  );
  await fails("insert into s.t values ('zz', 'a', 1, 'x')", '22P02');
  // Quoted literals take the column's type, in VALUES and in a plain SELECT (PostgreSQL).
  await fails("insert into s.t (id) select 'x'::text", '42804');
  assert.equal((await t.run("insert into s.t (id, p) select '12', 'q'")).tag, 'INSERT 0 1');
  assert.deepEqual((await t.run("select id from s.t where p = 'q'")).rows, [['12']]);
  await t.run('create table s.ctas using parquet as select 1 as x');
  const skipped = await t.run('create table if not exists s.ctas using parquet as select 1 as x');
  assert.equal(skipped.tag, 'CREATE TABLE AS');
  await fails('create table s.dup using parquet as select 1, 2', '42701');
  await fails(
    "insert into s.t values (1, 'a', 1, 'x', 5)",
    '42601',
    /more expressions than target columns/,
  );
  await fails(
    'insert into s.t (id, name) values (1)',
    '42601',
    /more target columns than expressions/,
  );
  await fails('insert into s.t (id, nope) values (1, 2)', '42703');
  await fails("show partitions s.d partition (zz='1')", '42703');
  await fails('create table s.bad (a int) using delta', '0A000');
});

test('typed partition columns (int, date) read as their type', async () => {
  await t.run('create table s.typed (v string, n int, d date) using parquet partitioned by (n, d)');
  await t.run("insert into s.typed values ('a', 1, date '2024-01-02'), ('b', 20, null)");
  assert.deepEqual((await t.run('select v, n, d from s.typed order by v')).rows, [
    ['a', '1', '2024-01-02'],
    ['b', '20', null],
  ]);
  assert.deepEqual((await t.run('select v from s.typed where n > 5')).rows, [['b']]);
  assert.deepEqual((await t.run('select max(n), min(d) from s.typed')).rows, [
    ['20', '2024-01-02'],
  ]);
});

test('USE selects the schema bare names are created in and read from', async () => {
  await t.run('use s');
  await t.run('create table bare (a int) using parquet');
  await t.run('insert into bare select 7');
  assert.deepEqual((await t.run('select a from bare')).rows, [['7']]);
  assert.ok((await t.run('show tables')).rows.some((r) => r[1] === 'bare'));
  await t.run('drop table bare');
  await t.run("set search_path = ''");
  await fails('create table bare (a int) using parquet', '3F000', /no schema has been selected/);
  await t.run('reset search_path');
});

test('DROP SCHEMA CASCADE drops its tables', async () => {
  await t.run('create schema gone');
  await t.run('create table gone.x (a int) using parquet');
  await t.run('insert into gone.x values (1)');
  assert.equal(parquetFiles(join(t.warehouse, 'gone.db', 'x')).length, 1);
  assert.equal((await t.run('drop schema gone cascade')).tag, 'DROP SCHEMA');
  assert.deepEqual(parquetFiles(join(t.warehouse, 'gone.db', 'x')), []);
  assert.ok(!(await t.run('show databases')).rows.some((r) => r[0] === 'gone'));
});
