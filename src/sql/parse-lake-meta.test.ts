import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Statement } from './ast.js';
import { parseSql } from './parse.js';
import { printExpr } from './print.js';

function one<K extends Statement['kind']>(sql: string, kind: K): Extract<Statement, { kind: K }> {
  const parsed = parseSql(sql);
  assert.equal(parsed.length, 1, sql);
  const s = parsed[0]?.statement;
  assert.equal(s?.kind, kind, sql);
  return s as Extract<Statement, { kind: K }>;
}

describe('DESCRIBE, SHOW and table maintenance', () => {
  it('parses DESCRIBE in its forms', () => {
    const d = (sql: string) => {
      const s = one(sql, 'describe');
      return [s.what, s.mode, s.target.parts.join('.'), s.column?.parts.join('.') ?? null];
    };
    assert.deepEqual(d('DESCRIBE db.t'), ['table', 'plain', 'db.t', null]);
    assert.deepEqual(d('DESC EXTENDED t'), ['table', 'extended', 't', null]);
    assert.deepEqual(d('DESCRIBE TABLE FORMATTED t'), ['table', 'formatted', 't', null]);
    assert.deepEqual(d('DESCRIBE t c'), ['table', 'plain', 't', 'c']);
    assert.deepEqual(d('DESCRIBE HISTORY t'), ['history', 'plain', 't', null]);
    assert.deepEqual(d('DESCRIBE DETAIL t'), ['detail', 'plain', 't', null]);
    assert.deepEqual(d('DESCRIBE DATABASE EXTENDED lab'), ['database', 'extended', 'lab', null]);
    // A table named like a key word is still a table.
    assert.deepEqual(d('DESCRIBE history'), ['table', 'plain', 'history', null]);
    const limited = one('DESCRIBE HISTORY t LIMIT 1', 'describe').limit;
    assert.equal(limited === null ? null : printExpr(limited), '1');
  });

  it('decides SHOW by the word after it', () => {
    assert.deepEqual(one('SHOW search_path', 'show').name, 'search_path');
    assert.deepEqual(one('SHOW ALL', 'show').name, 'all');
    assert.equal(one("SHOW CATALOGS LIKE 'l%'", 'show-catalogs').like, 'l%');
    const dbs = one('SHOW SCHEMAS IN lake', 'show-databases');
    assert.deepEqual([dbs.keyword, dbs.catalog?.parts], ['schemas', ['lake']]);
    const tables = one("SHOW TABLES FROM lake.lab LIKE 'e2e*'", 'show-tables');
    assert.deepEqual([tables.database?.parts, tables.like], [['lake', 'lab'], 'e2e*']);
    assert.equal(one('SHOW TABLES', 'show-tables').database, null);
    assert.deepEqual(one('SHOW CREATE TABLE db.t', 'show-create-table').table.parts, ['db', 't']);
    assert.deepEqual(one('SHOW COLUMNS FROM t IN db', 'show-columns').table.parts, ['db', 't']);
    assert.equal(
      one("SHOW PARTITIONS t PARTITION (dt = '1')", 'show-partitions').partition.length,
      1,
    );
    assert.equal(
      one("SHOW TBLPROPERTIES t ('format-version')", 'show-tblproperties').key,
      'format-version',
    );
  });

  it('parses MSCK, RESTORE, VACUUM, OPTIMIZE and TRUNCATE', () => {
    assert.equal(one('MSCK REPAIR TABLE t', 'msck-repair').mode, null);
    assert.equal(one('MSCK REPAIR TABLE t SYNC PARTITIONS', 'msck-repair').mode, 'sync');
    const r = one("RESTORE t TO TIMESTAMP AS OF '2024-01-01'", 'restore-table');
    assert.deepEqual([r.to.by, printExpr(r.to.value)], ['timestamp', "'2024-01-01'"]);
    assert.equal(one('RESTORE TABLE t TO VERSION AS OF 3', 'restore-table').to.by, 'version');
    const v = one('VACUUM delta.`/data/t` RETAIN 168 HOURS DRY RUN', 'vacuum');
    assert.deepEqual(
      [v.table.parts, v.retainHours?.kind, v.dryRun],
      [['delta', '/data/t'], 'literal', true],
    );
    const o = one("OPTIMIZE t WHERE d >= '2024-01-01' ZORDER BY (a, b)", 'optimize');
    assert.deepEqual([o.where?.kind, o.zorderBy.length, o.rewriteUsing], ['binary', 2, null]);
    assert.equal(
      one('OPTIMIZE t REWRITE DATA USING BIN_PACK', 'optimize').rewriteUsing,
      'bin_pack',
    );
    assert.equal(one("TRUNCATE TABLE t PARTITION (p = 'x')", 'truncate').partition.length, 1);
    assert.deepEqual(one('TRUNCATE t', 'truncate').table.parts, ['t']);
  });

  it('parses time travel, metadata table names, subscripts and Spark types', () => {
    const q = one(
      "SELECT summary['added-data-files'], a[1][2] FROM \"t$snapshots\", db.t.snapshots, u FOR SYSTEM_TIME AS OF '2024-01-01'",
      'query',
    );
    assert.ok(q.body.kind === 'select');
    const [names, nested] = q.body.items.map((i) => i.expr);
    assert.equal(names?.kind, 'subscript');
    assert.ok(nested?.kind === 'subscript' && nested.operand.kind === 'subscript');
    const from = q.body.from.map((f) =>
      f.kind === 'table-ref' ? [f.name.parts, f.timeTravel?.by ?? null] : null,
    );
    assert.deepEqual(from, [
      [['t$snapshots'], null],
      [['db', 't', 'snapshots'], null],
      [['u'], 'timestamp'],
    ]);
    const t = one(
      'CREATE TABLE t (a STRUCT<x: INT, y STRING>, m MAP<STRING, ARRAY<BIGINT>>, d DECIMAL(38,9))',
      'create-table',
    );
    assert.deepEqual(
      t.columns.map((c) => [
        c.type.name,
        c.type.typeArgs.length,
        c.type.fieldNames,
        c.type.modifiers,
      ]),
      [
        ['struct', 2, ['x', 'y'], []],
        ['map', 2, [], []],
        ['decimal', 0, [], [38, 9]],
      ],
    );
  });

  it("accepts Hive's default database unquoted", () => {
    assert.deepEqual(one('USE default', 'use').name.parts, ['default']);
    const q = one('SELECT * FROM default.t', 'query');
    assert.ok(q.body.kind === 'select' && q.body.from[0]?.kind === 'table-ref');
  });
});
