import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FromItem, Query, Select, Statement } from './ast.js';
import { parseSql } from './parse.js';

function one(sql: string): Statement {
  const parsed = parseSql(sql);
  assert.equal(parsed.length, 1);
  return (parsed[0] as (typeof parsed)[number]).statement;
}

function query(sql: string): Query {
  const s = one(sql);
  assert.equal(s.kind, 'query');
  return s;
}

function select(sql: string): Select {
  const body = query(sql).body;
  assert.equal(body.kind, 'select');
  return body;
}

function from(sql: string): FromItem {
  const item = select(sql).from[0];
  assert.ok(item);
  return item;
}

describe('query parser', () => {
  it('parses select clauses', () => {
    const s = select(
      'SELECT DISTINCT a AS x, b y, t.*, * FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1',
    );
    assert.equal(s.distinct, true);
    assert.deepEqual(
      s.items.map((i) => [i.expr.kind, i.alias]),
      [
        ['column', 'x'],
        ['column', 'y'],
        ['star', null],
        ['star', null],
      ],
    );
    assert.equal(s.groupBy.length, 2);
    assert.ok(s.where !== null && s.having !== null);
    assert.deepEqual(select('SELECT FROM t').items, []);
  });

  it('parses ORDER BY, LIMIT, OFFSET and FETCH FIRST', () => {
    const q = query('SELECT a FROM t ORDER BY a DESC NULLS FIRST, b LIMIT 10 OFFSET 5');
    assert.deepEqual(
      q.orderBy.map((o) => [o.descending, o.nullsFirst]),
      [
        [true, true],
        [false, null],
      ],
    );
    assert.ok(q.limit?.kind === 'literal' && q.offset?.kind === 'literal');
    const f = query('SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY');
    assert.deepEqual(f.limit?.kind === 'literal' ? f.limit.value : null, {
      type: 'integer',
      text: '3',
    });
    assert.equal(query('SELECT 1 LIMIT ALL').limit, null);
    const next = query('SELECT 1 FETCH NEXT ROW ONLY');
    assert.deepEqual(next.limit?.kind === 'literal' ? next.limit.value : null, {
      type: 'integer',
      text: '1',
    });
  });

  it('gives INTERSECT precedence over UNION and EXCEPT', () => {
    const body = query('SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4').body;
    assert.ok(body.kind === 'set-operation' && body.op === 'except');
    assert.ok(body.left.kind === 'set-operation' && body.left.op === 'union' && body.left.all);
    assert.ok(body.left.right.kind === 'set-operation' && body.left.right.op === 'intersect');
    const grouped = query('(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3').body;
    assert.ok(grouped.kind === 'set-operation' && grouped.op === 'intersect');
    const inner = query('(SELECT 1 ORDER BY 1 LIMIT 1) UNION SELECT 2').body;
    assert.ok(inner.kind === 'set-operation' && inner.left.kind === 'query');
  });

  it('parses WITH [RECURSIVE], VALUES and TABLE', () => {
    const q = query('WITH RECURSIVE r (n) AS (SELECT 1), s AS (SELECT 2) SELECT * FROM r, s');
    assert.deepEqual(
      q.with.map((c) => [c.name, c.columns, c.recursive]),
      [
        ['r', ['n'], true],
        ['s', [], true],
      ],
    );
    const v = query("VALUES (1, 'a'), (2, 'b')").body;
    assert.ok(v.kind === 'values' && v.rows.length === 2 && v.rows[0]?.length === 2);
    const t = from('TABLE s.t');
    assert.ok(t.kind === 'table-ref' && t.name.parts.join('.') === 's.t');
  });

  it('parses table references, subqueries and joins', () => {
    const t = from('SELECT * FROM Cat.Db."Tbl" AS x (a, b)');
    assert.ok(t.kind === 'table-ref');
    if (t.kind === 'table-ref') {
      assert.deepEqual(t.name.parts, ['cat', 'db', 'Tbl']);
      assert.equal(t.alias, 'x');
      assert.deepEqual(t.columnAliases, ['a', 'b']);
    }
    const sub = from('SELECT * FROM (SELECT 1) AS c_orders (c_custkey, c_count)');
    assert.ok(
      sub.kind === 'subquery-ref' && sub.alias === 'c_orders' && sub.columnAliases.length === 2,
    );
    const j = from(
      'SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id CROSS JOIN c FULL JOIN d USING (id, k)',
    );
    assert.ok(j.kind === 'join' && j.type === 'full' && j.using?.join() === 'id,k');
    if (j.kind === 'join') {
      assert.ok(j.left.kind === 'join' && j.left.type === 'cross' && j.left.on === null);
      assert.ok(
        j.left.kind === 'join' && j.left.left.kind === 'join' && j.left.left.type === 'left',
      );
    }
    const paren = from('SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x');
    assert.ok(paren.kind === 'join' && paren.right.kind === 'join');
    assert.equal(select('SELECT * FROM a, b, c').from.length, 3);
  });

  it('parses lake time travel in the Spark and Trino spellings', () => {
    const travel = (sql: string) => {
      const t = from(sql);
      assert.ok(t.kind === 'table-ref' && t.timeTravel !== null, sql);
      return t.kind === 'table-ref'
        ? { by: t.timeTravel?.by, alias: t.alias, value: t.timeTravel?.value.kind }
        : null;
    };
    assert.deepEqual(travel('SELECT * FROM t VERSION AS OF 3'), {
      by: 'version',
      alias: null,
      value: 'literal',
    });
    assert.deepEqual(travel("SELECT * FROM t VERSION AS OF 'tag' x"), {
      by: 'version',
      alias: 'x',
      value: 'literal',
    });
    assert.deepEqual(travel("SELECT * FROM t TIMESTAMP AS OF '2024-01-01'"), {
      by: 'timestamp',
      alias: null,
      value: 'literal',
    });
    assert.deepEqual(travel('SELECT * FROM t FOR SYSTEM_VERSION AS OF 3 AS x'), {
      by: 'version',
      alias: 'x',
      value: 'literal',
    });
    assert.deepEqual(travel("SELECT * FROM t AS x FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01'"), {
      by: 'timestamp',
      alias: 'x',
      value: 'typed-literal',
    });
    assert.deepEqual(travel("SELECT * FROM t FOR TIMESTAMP AS OF now() - interval '1' day"), {
      by: 'timestamp',
      alias: null,
      value: 'binary',
    });
    const plain = from('SELECT * FROM t version');
    assert.ok(plain.kind === 'table-ref' && plain.alias === 'version' && plain.timeTravel === null);
  });

  it('records statement and node spans', () => {
    const sql = '  SELECT a FROM s.t x  ';
    const [p] = parseSql(sql);
    assert.deepEqual(p?.span, { start: 2, end: 21 });
    assert.equal(p?.text, 'SELECT a FROM s.t x');
    const t = ((p?.statement as Query).body as Select).from[0];
    assert.deepEqual(t?.span, { start: 16, end: 21 });
    if (t?.kind === 'table-ref') assert.deepEqual(t.name.span, { start: 16, end: 19 });
  });
});
