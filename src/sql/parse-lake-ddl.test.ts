import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlterAction, Statement } from './ast.js';
import { parseSql } from './parse.js';
import { printExpr } from './print.js';
import { printType } from './print-type.js';

function one<K extends Statement['kind']>(sql: string, kind: K): Extract<Statement, { kind: K }> {
  const parsed = parseSql(sql);
  assert.equal(parsed.length, 1, sql);
  const s = parsed[0]?.statement;
  assert.equal(s?.kind, kind, sql);
  return s as Extract<Statement, { kind: K }>;
}

function action<K extends AlterAction['kind']>(
  sql: string,
  kind: K,
): Extract<AlterAction, { kind: K }> {
  const a = one(`ALTER TABLE db.t ${sql}`, 'alter-table').action;
  assert.equal(a.kind, kind, sql);
  return a as Extract<AlterAction, { kind: K }>;
}

describe('CREATE, DROP and ALTER', () => {
  it('parses an Iceberg CREATE TABLE with transforms and properties', () => {
    const t = one(
      `CREATE TABLE IF NOT EXISTS demo.db.t (id BIGINT NOT NULL COMMENT 'key', amount DECIMAL(10,2), ts TIMESTAMP_NTZ)
       USING ICEBERG PARTITIONED BY (bucket(16, id), days(ts), id) LOCATION 's3://b/t'
       TBLPROPERTIES ('format-version' = '2', write.format.default = 'parquet') COMMENT 'orders'`,
      'create-table',
    );
    assert.deepEqual(
      [t.ifNotExists, t.orReplace, t.external, t.using],
      [true, false, false, 'iceberg'],
    );
    assert.deepEqual(
      t.columns.map((c) => [c.name, printType(c.type), c.notNull, c.comment]),
      [
        ['id', 'bigint', true, 'key'],
        ['amount', 'decimal(10, 2)', false, null],
        ['ts', 'timestamp_ntz', false, null],
      ],
    );
    assert.deepEqual(
      t.partitionedBy.map((p) => printExpr(p.expr)),
      ['bucket(16, id)', 'days(ts)', 'id'],
    );
    assert.deepEqual([t.location, t.comment], ['s3://b/t', 'orders']);
    assert.deepEqual(
      t.properties.map((p) => [p.key, printExpr(p.value)]),
      [
        ['format-version', "'2'"],
        ['write.format.default', "'parquet'"],
      ],
    );
    assert.equal(t.query, null);
  });

  it('parses Hive external tables and CTAS', () => {
    const t = one(
      "CREATE EXTERNAL TABLE s (id BIGINT) PARTITIONED BY (dt STRING) STORED AS PARQUET LOCATION 'file:///d'",
      'create-table',
    );
    assert.deepEqual([t.external, t.storedAs, t.location], [true, 'parquet', 'file:///d']);
    assert.deepEqual(
      t.partitionedBy.map((p) => [printExpr(p.expr), p.type === null ? null : printType(p.type)]),
      [['dt', 'string']],
    );
    const ctas = one(
      'CREATE OR REPLACE TABLE c USING parquet PARTITIONED BY (p) AS SELECT 1 AS p',
      'create-table',
    );
    assert.deepEqual([ctas.orReplace, ctas.columns.length, ctas.query?.kind], [true, 0, 'query']);
    const serde = one(
      "CREATE EXTERNAL TABLE x (a int) ROW FORMAT SERDE 'S' WITH SERDEPROPERTIES ('k' = 'v') STORED AS INPUTFORMAT 'I' OUTPUTFORMAT 'O'",
      'create-table',
    );
    assert.deepEqual(
      [
        serde.rowFormat?.serde,
        serde.rowFormat?.serdeProperties.length,
        serde.inputFormat,
        serde.outputFormat,
      ],
      ['S', 1, 'I', 'O'],
    );
    const trino = one(
      "CREATE TABLE t (a int) WITH (format = 'PARQUET', partitioning = ARRAY['a'])",
      'create-table',
    );
    assert.deepEqual(
      trino.withOptions.map((p) => p.key),
      ['format', 'partitioning'],
    );
  });

  it('parses DROP TABLE and the database statements', () => {
    const drop = one('DROP TABLE IF EXISTS db.t PURGE', 'drop-table');
    assert.deepEqual([drop.ifExists, drop.purge, drop.name.parts], [true, true, ['db', 't']]);
    const db = one(
      "CREATE SCHEMA IF NOT EXISTS lake.lab LOCATION 's3://b/lab' COMMENT 'c'",
      'create-database',
    );
    assert.deepEqual(
      [db.keyword, db.ifNotExists, db.location, db.comment],
      ['schema', true, 's3://b/lab', 'c'],
    );
    const dropDb = one('DROP DATABASE IF EXISTS lab CASCADE', 'drop-database');
    assert.deepEqual([dropDb.keyword, dropDb.ifExists, dropDb.cascade], ['database', true, true]);
  });

  it('parses column changes', () => {
    const add = action(
      "ADD COLUMNS (a int COMMENT 'x', p.z double FIRST, b string AFTER a)",
      'add-columns',
    );
    assert.deepEqual(
      add.columns.map((c) => [c.name.parts.join('.'), c.comment, c.position]),
      [
        ['a', 'x', null],
        ['p.z', null, { after: null }],
        ['b', null, { after: 'a' }],
      ],
    );
    assert.equal(action('ADD COLUMN region STRING', 'add-columns').columns.length, 1);
    assert.deepEqual(action('DROP COLUMN IF EXISTS a', 'drop-columns').ifExists, true);
    assert.deepEqual(action('DROP COLUMNS (a, b)', 'drop-columns').names.length, 2);
    assert.equal(action('RENAME COLUMN a TO b', 'rename-column').to, 'b');
    const alter = action("ALTER COLUMN m TYPE double COMMENT 'bytes'", 'alter-column');
    assert.deepEqual([alter.type?.name, alter.comment, alter.notNull], ['double', 'bytes', null]);
    assert.equal(action('ALTER COLUMN m DROP NOT NULL', 'alter-column').notNull, false);
  });

  it('parses Iceberg partition evolution, write order and refs', () => {
    const add = action('ADD PARTITION FIELD bucket(16, id) AS shard', 'add-partition-field');
    assert.deepEqual([printExpr(add.transform), add.name], ['bucket(16, id)', 'shard']);
    assert.equal(
      printExpr(action('DROP PARTITION FIELD shard', 'drop-partition-field').transform),
      'shard',
    );
    const rep = action(
      'REPLACE PARTITION FIELD ts_day WITH day(ts) AS d',
      'replace-partition-field',
    );
    assert.deepEqual(
      [printExpr(rep.from), printExpr(rep.to), rep.name],
      ['ts_day', 'day(ts)', 'd'],
    );
    const order = action('WRITE DISTRIBUTED BY PARTITION LOCALLY ORDERED BY a DESC', 'write-order');
    assert.deepEqual(
      [order.distributedByPartition, order.locally, order.orderBy.length],
      [true, true, 1],
    );
    assert.equal(action('WRITE UNORDERED', 'write-order').unordered, true);
    const branch = action(
      'CREATE BRANCH IF NOT EXISTS audit AS OF VERSION 12 RETAIN 7 DAYS',
      'create-ref',
    );
    assert.deepEqual(
      [branch.refType, branch.ifNotExists, branch.retain?.unit],
      ['branch', true, 'days'],
    );
    assert.equal(action('DROP TAG t1', 'drop-ref').refType, 'tag');
  });

  it('parses properties, renames, EXECUTE and Hive partitions', () => {
    assert.equal(
      action("SET TBLPROPERTIES ('a' = '1', 'b' = '2')", 'set-properties').properties.length,
      2,
    );
    assert.deepEqual(action("UNSET TBLPROPERTIES IF EXISTS ('a')", 'unset-properties').keys, ['a']);
    assert.deepEqual(action('RENAME TO db.u', 'rename-table').to.parts, ['db', 'u']);
    const ex = action(
      "EXECUTE expire_snapshots(retention_threshold => '7d') WHERE a = 1",
      'execute',
    );
    assert.deepEqual(
      [ex.procedure, ex.argNames, ex.where !== null],
      ['expire_snapshots', ['retention_threshold'], true],
    );
    assert.deepEqual(action('EXECUTE optimize', 'execute').args, []);
    const addP = action(
      "ADD IF NOT EXISTS PARTITION (dt = '1') LOCATION 's3://x' PARTITION (dt = '2')",
      'add-partitions',
    );
    assert.deepEqual(
      addP.partitions.map((p) => p.location),
      ['s3://x', null],
    );
    const dropP = action(
      "DROP PARTITION (dt = '1'), PARTITION (dt = '2') PURGE",
      'drop-partitions',
    );
    assert.deepEqual([dropP.partitions.length, dropP.purge], [2, true]);
  });
});
