import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr, Query, Select } from './ast.js';
import { parseSql } from './parse.js';
import { printExpr, printStatement } from './print.js';

function select(sql: string): Select {
  const q = parseSql(sql)[0]?.statement as Query;
  assert.equal(q.body.kind, 'select');
  return q.body;
}
const item = (sql: string): Expr => select(`SELECT ${sql}`).items[0]?.expr as Expr;

describe('syntax gaps', () => {
  it('parses ANY/SOME/ALL after a comparison, subquery or array', () => {
    const e = item('x >= SOME (SELECT 1)');
    assert.equal(e.kind, 'quantified');
    assert.ok(e.kind === 'quantified' && e.quantifier === 'any' && e.query !== null);
    const a = item('x <> ALL ($1)');
    assert.ok(a.kind === 'quantified' && a.quantifier === 'all' && a.array?.kind === 'param');
    // `x + 1 = ANY (...)`: arithmetic binds tighter than the comparison.
    assert.equal(printExpr(item('x + 1 = ANY (a)')), 'x + 1 = ANY (a)');
  });

  it('parses row constructors with and without ROW', () => {
    const r = item('(1, 2) < ROW(3, 4)');
    assert.ok(r.kind === 'binary' && r.left.kind === 'row' && r.right.kind === 'row');
    assert.ok(r.left.kind === 'row' && !r.left.explicit && r.left.items.length === 2);
    assert.equal(printExpr(item('ROW(1)')), 'ROW(1)');
    assert.equal(printExpr(item('(1)')), '1');
  });

  it('parses AT TIME ZONE below unary minus and above ^ as timezone(zone, value)', () => {
    assert.equal(printExpr(item("-a AT TIME ZONE 'UTC'")), "timezone('UTC', -a)");
    assert.equal(printExpr(item("a AT TIME ZONE 'UTC' ^ 2")), "timezone('UTC', a) ^ 2");
    assert.equal(printExpr(item('a AT TIME ZONE b AT TIME ZONE c')), 'timezone(c, timezone(b, a))');
  });

  it('parses DISTINCT ON, NATURAL joins, OVERLAY and BETWEEN SYMMETRIC', () => {
    assert.equal(select('SELECT DISTINCT ON (a, b + 1) a FROM t').distinctOn.length, 2);
    const from = select('SELECT * FROM a NATURAL LEFT JOIN b').from[0];
    assert.ok(from?.kind === 'join' && from.natural && from.type === 'left' && from.using === null);
    assert.equal(printExpr(item("OVERLAY(s PLACING 'x' FROM 2 FOR 1)")), "overlay(s, 'x', 2, 1)");
    const b = item('x BETWEEN SYMMETRIC 2 AND 1');
    assert.ok(b.kind === 'between' && b.symmetric);
  });

  it('parses LATERAL and WITH ORDINALITY on functions in FROM, and prints them back', () => {
    const sql = 'SELECT * FROM t CROSS JOIN LATERAL unnest(t.a) WITH ORDINALITY AS u (v, n)';
    const from = select(sql).from[0];
    assert.ok(from?.kind === 'join' && from.right.kind === 'table-function');
    assert.ok(from.right.kind === 'table-function' && from.right.lateral && from.right.ordinality);
    assert.deepEqual(from.right.columnAliases, ['v', 'n']);
    assert.equal(printStatement(parseSql(sql)[0]!.statement), sql);
    const plain = select('SELECT * FROM t, generate_series(1, t.x) g').from[1];
    assert.ok(plain?.kind === 'table-function' && !plain.lateral && !plain.ordinality);
    // LATERAL takes a subquery or a function call, nothing else.
    assert.throws(() => parseSql('SELECT * FROM t, LATERAL u'), /syntax error at end of input/);
  });
});
