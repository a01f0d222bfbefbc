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

describe('INSERT, UPDATE, DELETE, MERGE and CALL', () => {
  it('parses INSERT INTO and INSERT OVERWRITE with partitions and columns', () => {
    const ins = one(
      "INSERT OVERWRITE TABLE db.t PARTITION (dt = '2024-01-01', hr) SELECT 1",
      'insert',
    );
    assert.equal(ins.overwrite, true);
    assert.deepEqual(ins.table.parts, ['db', 't']);
    assert.deepEqual(
      ins.partition.map((p) => [p.name, p.value === null ? null : printExpr(p.value)]),
      [
        ['dt', "'2024-01-01'"],
        ['hr', null],
      ],
    );
    const cols = one('INSERT INTO t (a, b) VALUES (1, 2), (3, 4)', 'insert');
    assert.deepEqual(cols.columns, ['a', 'b']);
    assert.equal(cols.source.body.kind, 'values');
    assert.equal(one('INSERT INTO TABLE t TABLE s', 'insert').source.body.kind, 'select');
    // A parenthesised query is the source, not a column list.
    assert.deepEqual(one('INSERT INTO t (SELECT 1)', 'insert').columns, []);
  });

  it('parses UPDATE and DELETE with aliases', () => {
    const up = one('UPDATE t AS x SET a = 1, x.b = b + 1 WHERE id = 2', 'update');
    assert.equal(up.alias, 'x');
    assert.deepEqual(
      up.assignments.map((a) => [a.target.parts, printExpr(a.value)]),
      [
        [['a'], '1'],
        [['x', 'b'], 'b + 1'],
      ],
    );
    assert.equal(up.where === null ? null : printExpr(up.where), 'id = 2');
    assert.equal(one('UPDATE t SET a = 1', 'update').alias, null);
    const del = one('DELETE FROM db.t o WHERE o.id IN (SELECT id FROM c)', 'delete');
    assert.deepEqual(
      [del.table.parts, del.alias, del.where?.kind],
      [['db', 't'], 'o', 'in-subquery'],
    );
    assert.equal(one('DELETE FROM t', 'delete').where, null);
  });

  it('parses MERGE with every WHEN form', () => {
    const m = one(
      `MERGE INTO t a USING (SELECT * FROM s) AS b ON a.id = b.id
       WHEN MATCHED AND b.op = 'D' THEN DELETE
       WHEN MATCHED THEN UPDATE SET *
       WHEN MATCHED THEN UPDATE SET a.v = b.v
       WHEN NOT MATCHED THEN INSERT *
       WHEN NOT MATCHED BY TARGET THEN INSERT (id, v) VALUES (b.id, b.v)
       WHEN NOT MATCHED BY SOURCE AND a.old THEN DELETE
       WHEN NOT MATCHED BY SOURCE THEN UPDATE SET v = 0`,
      'merge',
    );
    assert.equal(m.targetAlias, 'a');
    assert.equal(m.source.kind, 'subquery-ref');
    assert.deepEqual(
      m.clauses.map((c) => [c.match, c.condition !== null, c.action.kind]),
      [
        ['matched', true, 'merge-delete'],
        ['matched', false, 'merge-update'],
        ['matched', false, 'merge-update'],
        ['not-matched', false, 'merge-insert'],
        ['not-matched', false, 'merge-insert'],
        ['not-matched-by-source', true, 'merge-delete'],
        ['not-matched-by-source', false, 'merge-update'],
      ],
    );
    const [, star, set, insertStar, insert] = m.clauses.map((c) => c.action);
    assert.ok(star?.kind === 'merge-update' && star.star);
    assert.ok(set?.kind === 'merge-update' && !set.star && set.assignments.length === 1);
    assert.ok(insertStar?.kind === 'merge-insert' && insertStar.star);
    assert.ok(insert?.kind === 'merge-insert' && insert.columns.join() === 'id,v');
  });

  it('parses CALL with named and positional arguments', () => {
    const named = one(
      "CALL demo.system.expire_snapshots(table => 'db.t', retain_last => 2)",
      'call',
    );
    assert.deepEqual(named.procedure.parts, ['demo', 'system', 'expire_snapshots']);
    assert.deepEqual(named.argNames, ['table', 'retain_last']);
    const positional = one("CALL cat.system.rollback_to_snapshot('db.t', 1)", 'call');
    assert.deepEqual(positional.argNames, [null, null]);
    assert.deepEqual(one('CALL p()', 'call').args, []);
  });

  it('wraps any statement in EXPLAIN', () => {
    const e = one('EXPLAIN ANALYZE DELETE FROM t WHERE a = 1', 'explain');
    assert.equal(e.analyze, true);
    assert.equal(e.statement.kind, 'delete');
    assert.equal(
      one('EXPLAIN MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE', 'explain').statement
        .kind,
      'merge',
    );
  });
});
