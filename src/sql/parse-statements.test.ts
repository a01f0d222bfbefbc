import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Statement } from './ast.js';
import { parseSql } from './parse.js';

function one(sql: string): Statement {
  const parsed = parseSql(sql);
  assert.equal(parsed.length, 1, sql);
  return (parsed[0] as (typeof parsed)[number]).statement;
}

/** The statement without spans or nested queries, for compact comparisons. */
function fields(sql: string): Record<string, unknown> {
  const { span: _span, ...rest } = one(sql) as Statement & Record<string, unknown>;
  delete rest.query;
  delete rest.statement;
  return rest;
}

describe('statement parser', () => {
  it('parses SET in all its forms', () => {
    const set = (sql: string) => {
      const f = fields(sql);
      return [f.name, f.value, f.local];
    };
    assert.deepEqual(set('SET search_path TO public, "$user"'), [
      'search_path',
      ['public', '$user'],
      false,
    ]);
    assert.deepEqual(set("SET LOCAL statement_timeout = '5s'"), [
      'statement_timeout',
      ['5s'],
      true,
    ]);
    assert.deepEqual(set('SET SESSION extra_float_digits = -3'), [
      'extra_float_digits',
      ['-3'],
      false,
    ]);
    assert.deepEqual(set('SET DateStyle TO ISO, MDY'), ['datestyle', ['iso', 'mdy'], false]);
    assert.deepEqual(set('SET work_mem TO DEFAULT'), ['work_mem', null, false]);
    assert.deepEqual(set("SET TIME ZONE 'UTC'"), ['timezone', ['UTC'], false]);
    assert.deepEqual(set('SET TIME ZONE LOCAL'), ['timezone', null, false]);
    assert.deepEqual(set('SET TIME ZONE DEFAULT'), ['timezone', null, false]);
    assert.deepEqual(set("SET NAMES 'UTF8'"), ['client_encoding', ['UTF8'], false]);
    assert.deepEqual(set('SET myapp.user_id = 42'), ['myapp.user_id', ['42'], false]);
    assert.deepEqual(
      set('SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED'),
      ['default_transaction_isolation', ['read committed'], false],
    );
    assert.deepEqual(set('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ'), [
      'transaction_isolation',
      ['repeatable read'],
      false,
    ]);
    assert.deepEqual(set('SET TRANSACTION READ ONLY'), ['transaction_read_only', ['on'], false]);
    assert.deepEqual(set("SET role TO 'x'"), ['role', ['x'], false]);
  });

  it('parses RESET and SHOW', () => {
    assert.deepEqual(fields('RESET ALL'), { kind: 'reset', name: null });
    assert.deepEqual(fields('RESET TIME ZONE'), { kind: 'reset', name: 'timezone' });
    assert.deepEqual(fields('SHOW ALL'), { kind: 'show', name: 'all' });
    assert.deepEqual(fields('SHOW DateStyle'), { kind: 'show', name: 'datestyle' });
    assert.deepEqual(fields('SHOW TIME ZONE'), { kind: 'show', name: 'timezone' });
    assert.deepEqual(fields('SHOW TRANSACTION ISOLATION LEVEL'), {
      kind: 'show',
      name: 'transaction_isolation',
    });
  });

  it('parses transaction control', () => {
    const tx = (sql: string) => {
      const f = fields(sql);
      return [f.action, f.keyword, f.savepoint, f.isolationLevel, f.readOnly];
    };
    assert.deepEqual(tx('BEGIN'), ['begin', 'begin', null, null, null]);
    assert.deepEqual(tx('BEGIN WORK ISOLATION LEVEL SERIALIZABLE, READ ONLY'), [
      'begin',
      'begin',
      null,
      'serializable',
      true,
    ]);
    assert.deepEqual(tx('START TRANSACTION READ WRITE'), [
      'begin',
      'start transaction',
      null,
      null,
      false,
    ]);
    assert.deepEqual(tx('COMMIT WORK'), ['commit', 'commit', null, null, null]);
    assert.deepEqual(tx('END TRANSACTION'), ['commit', 'end', null, null, null]);
    assert.deepEqual(tx('ROLLBACK'), ['rollback', 'rollback', null, null, null]);
    assert.deepEqual(tx('ABORT'), ['rollback', 'abort', null, null, null]);
    assert.deepEqual(tx('SAVEPOINT a'), ['savepoint', 'savepoint', 'a', null, null]);
    assert.deepEqual(tx('RELEASE a'), ['release', 'release', 'a', null, null]);
    assert.deepEqual(tx('ROLLBACK TO SAVEPOINT a'), ['rollback-to', 'rollback', 'a', null, null]);
    assert.deepEqual(tx('ROLLBACK WORK TO a'), ['rollback-to', 'rollback', 'a', null, null]);
  });

  it('parses DISCARD, DEALLOCATE and USE', () => {
    assert.deepEqual(fields('DISCARD TEMPORARY'), { kind: 'discard', what: 'temp' });
    assert.deepEqual(fields('DEALLOCATE PREPARE s1'), { kind: 'deallocate', name: 's1' });
    assert.deepEqual(fields('DEALLOCATE ALL'), { kind: 'deallocate', name: null });
    const use = one('USE cat.db');
    assert.ok(use.kind === 'use' && use.name.parts.join('.') === 'cat.db');
  });

  it('parses cursors', () => {
    assert.deepEqual(fields('DECLARE c BINARY SCROLL CURSOR WITH HOLD FOR SELECT 1'), {
      kind: 'declare-cursor',
      name: 'c',
      binary: true,
      scroll: true,
      withHold: true,
    });
    const fetch = (sql: string) => {
      const f = fields(sql);
      return [f.cursor, f.count, f.move];
    };
    assert.deepEqual(fetch('FETCH 50 FROM c'), ['c', 50, false]);
    assert.deepEqual(fetch('FETCH NEXT IN c'), ['c', 1, false]);
    assert.deepEqual(fetch('FETCH c'), ['c', 1, false]);
    assert.deepEqual(fetch('FETCH ALL FROM c'), ['c', null, false]);
    assert.deepEqual(fetch('FETCH FORWARD 3 c'), ['c', 3, false]);
    assert.deepEqual(fetch('FETCH FORWARD ALL FROM c'), ['c', null, false]);
    assert.deepEqual(fetch('MOVE 10 IN c'), ['c', 10, true]);
    assert.deepEqual(fields('CLOSE ALL'), { kind: 'close-cursor', name: null });
  });

  it('parses COPY ... TO STDOUT', () => {
    const opts = (sql: string) => {
      const s = one(sql);
      assert.equal(s.kind, 'copy-to');
      return s.kind === 'copy-to' ? s.options.map((o) => [o.name, o.value]) : null;
    };
    assert.deepEqual(
      opts("COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';', NULL '')"),
      [
        ['format', 'csv'],
        ['header', null],
        ['delimiter', ';'],
        ['null', ''],
      ],
    );
    assert.deepEqual(opts('COPY (SELECT 1) TO STDOUT (HEADER true)'), [['header', 'true']]);
    assert.deepEqual(opts('COPY (SELECT 1) TO STDOUT WITH CSV HEADER'), [
      ['format', 'csv'],
      ['header', null],
    ]);
    assert.deepEqual(opts('COPY (SELECT 1) TO STDOUT'), []);
    const table = one('COPY s.t (a, b) TO STDOUT');
    assert.ok(table.kind === 'copy-to' && table.query.body.kind === 'select');
    if (table.kind === 'copy-to' && table.query.body.kind === 'select') {
      const sel = table.query.body;
      assert.deepEqual(
        sel.items.map((i) => i.expr.kind),
        ['column', 'column'],
      );
      assert.ok(sel.from[0]?.kind === 'table-ref' && sel.from[0].name.parts.join('.') === 's.t');
    }
  });

  it('parses EXPLAIN', () => {
    assert.deepEqual(fields('EXPLAIN SELECT 1'), {
      kind: 'explain',
      analyze: false,
      verbose: false,
    });
    assert.deepEqual(fields('EXPLAIN ANALYZE VERBOSE SELECT 1'), {
      kind: 'explain',
      analyze: true,
      verbose: true,
    });
    assert.deepEqual(fields('EXPLAIN (ANALYZE, VERBOSE off, COSTS false) SELECT 1'), {
      kind: 'explain',
      analyze: true,
      verbose: false,
    });
    const e = one('EXPLAIN VALUES (1)');
    assert.ok(e.kind === 'explain' && e.statement.kind === 'query');
  });

  it('splits statements and skips empty ones', () => {
    const sql = 'SELECT 1; SELECT 2;;';
    const parsed = parseSql(sql);
    assert.deepEqual(
      parsed.map((p) => [p.text, p.span.start, p.span.end]),
      [
        ['SELECT 1', 0, 8],
        ['SELECT 2', 10, 18],
      ],
    );
    assert.deepEqual(parseSql('-- only comment'), []);
    assert.deepEqual(parseSql(' ; /* c */ ;'), []);
    assert.deepEqual(parseSql(''), []);
    const withSemicolons = parseSql("SELECT ';' AS x; SELECT $$;$$");
    assert.deepEqual(
      withSemicolons.map((p) => p.text),
      ["SELECT ';' AS x", 'SELECT $$;$$'],
    );
  });
});
