import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr, Query, Select } from './ast.js';
import { parseSql } from './parse.js';
import { printExpr } from './print.js';

/** The first select item of `SELECT <expr>`. */
function expr(text: string): Expr {
  const [parsed] = parseSql(`SELECT ${text}`);
  const select = (parsed?.statement as Query).body as Select;
  const item = select.items[0];
  assert.ok(item);
  return item.expr;
}

/** Drops spans so trees can be compared structurally. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'span' ? undefined : v)));
}

const col = (name: string) => ({ kind: 'column', name: { kind: 'name', parts: [name] } });
const int = (text: string) => ({ kind: 'literal', value: { type: 'integer', text } });

describe('expression parser', () => {
  it('follows PostgreSQL operator precedence (docs §4.1.6)', () => {
    const cases: [string, string][] = [
      ['1 + 2 * 3', '1 + 2 * 3'],
      ['(1 + 2) * 3', '(1 + 2) * 3'],
      ['a OR b AND c', 'a OR b AND c'],
      ['(a OR b) AND c', '(a OR b) AND c'],
      ['NOT a = b', 'NOT a = b'],
      ['-a ^ 2', '-a ^ 2'],
      ['-(a ^ 2)', '-(a ^ 2)'],
      ['a || b = c', 'a || b = c'],
      ['a - b - c', 'a - b - c'],
      ['a - (b - c)', 'a - (b - c)'],
      ['a = b IS NULL', 'a = b IS NULL'],
      ['a LIKE b || c', 'a LIKE b || c'],
    ];
    for (const [input, printed] of cases) assert.equal(printExpr(expr(input)), printed, input);
    assert.deepEqual(shape(expr('1 + 2 * 3')), {
      kind: 'binary',
      op: '+',
      left: int('1'),
      right: { kind: 'binary', op: '*', left: int('2'), right: int('3') },
    });
    const not = expr('NOT a = b') as Extract<Expr, { kind: 'unary' }>;
    assert.equal(not.kind, 'unary');
    assert.equal(not.operand.kind, 'binary');
    const neg = expr('-a ^ 2');
    assert.equal(neg.kind, 'binary', '^ binds looser than unary minus');
  });

  it('folds a minus into numeric constants so int8 minimum stays exact', () => {
    assert.deepEqual(shape(expr('-9223372036854775808')), int('-9223372036854775808'));
    assert.deepEqual(shape(expr('-1.5')), {
      kind: 'literal',
      value: { type: 'decimal', text: '-1.5' },
    });
    assert.equal(expr('-1::int').kind, 'unary', ':: binds tighter than unary minus');
  });

  it('parses literals, typed literals, parameters and casts', () => {
    assert.deepEqual(shape(expr("'x'")), {
      kind: 'literal',
      value: { type: 'string', value: 'x' },
    });
    assert.deepEqual(shape(expr('TRUE')), {
      kind: 'literal',
      value: { type: 'boolean', value: true },
    });
    assert.deepEqual(shape(expr('null')), { kind: 'literal', value: { type: 'null' } });
    assert.deepEqual(shape(expr('$2')), { kind: 'param', index: 2 });
    const ts = expr("timestamp(3) with time zone '2024-01-01'");
    assert.equal(ts.kind, 'typed-literal');
    if (ts.kind === 'typed-literal') {
      assert.equal(ts.type.name, 'timestamp with time zone');
      assert.deepEqual(ts.type.modifiers, [3]);
      assert.equal(ts.value, '2024-01-01');
    }
    const interval = expr("interval '3' day");
    assert.ok(interval.kind === 'typed-literal' && interval.value === '3 day');
    const cast = expr('x::numeric(10,2)[]');
    assert.ok(cast.kind === 'cast' && !cast.tryCast);
    if (cast.kind === 'cast') {
      assert.equal(cast.type.name, 'numeric');
      assert.deepEqual(cast.type.modifiers, [10, 2]);
      assert.equal(cast.type.arrayDims, 1);
    }
    const tryCast = expr('TRY_CAST(x AS STRING)');
    assert.ok(tryCast.kind === 'cast' && tryCast.tryCast && tryCast.type.name === 'string');
  });

  it('normalises PostgreSQL and Spark type names', () => {
    const typeOf = (t: string) => {
      const e = expr(`CAST(x AS ${t})`);
      assert.equal(e.kind, 'cast');
      return e.kind === 'cast' ? e.type : null;
    };
    assert.equal(typeOf('DOUBLE PRECISION')?.name, 'double precision');
    assert.equal(typeOf('character varying(5)')?.name, 'character varying');
    assert.equal(typeOf('char varying')?.name, 'character varying');
    assert.equal(typeOf('TIME WITHOUT TIME ZONE')?.name, 'time without time zone');
    assert.equal(typeOf('int ARRAY')?.arrayDims, 1);
    assert.equal(typeOf('int[][]')?.arrayDims, 2);
    const struct = typeOf('STRUCT<a: INT, b ARRAY<MAP<STRING, BIGINT>>>');
    assert.equal(struct?.name, 'struct');
    assert.deepEqual(struct?.fieldNames, ['a', 'b']);
    assert.equal(struct?.typeArgs[1]?.typeArgs[0]?.name, 'map');
    assert.deepEqual(
      struct?.typeArgs[1]?.typeArgs[0]?.typeArgs.map((t) => t.name),
      ['string', 'bigint'],
    );
  });

  it('parses predicates', () => {
    assert.deepEqual(shape(expr('a NOT BETWEEN 1 AND 2')), {
      kind: 'between',
      operand: col('a'),
      low: int('1'),
      high: int('2'),
      negated: true,
      symmetric: false,
    });
    assert.deepEqual(shape(expr('a IS NOT DISTINCT FROM b')), {
      kind: 'is',
      operand: col('a'),
      test: 'distinct-from',
      other: col('b'),
      negated: true,
    });
    const like = expr("a NOT ILIKE 'x!%' ESCAPE '!'");
    assert.ok(like.kind === 'like' && like.negated && like.caseInsensitive && like.escape !== null);
    assert.equal(expr('a NOTNULL').kind, 'is');
    const inList = expr('a IN (1, 2)');
    assert.ok(inList.kind === 'in-list' && inList.list.length === 2 && !inList.negated);
    const inSub = expr('a NOT IN (SELECT b FROM t)');
    assert.ok(inSub.kind === 'in-subquery' && inSub.negated);
    const inParen = expr('a IN ((SELECT 1), 2)');
    assert.ok(inParen.kind === 'in-list' && inParen.list[0]?.kind === 'scalar-subquery');
    const notExists = expr('NOT EXISTS (SELECT 1)');
    assert.ok(notExists.kind === 'exists' && notExists.negated);
  });

  it('parses function calls and their special forms', () => {
    const count = expr('count(*)');
    assert.ok(count.kind === 'function' && count.args[0]?.kind === 'star');
    const distinct = expr('count(DISTINCT a)');
    assert.ok(distinct.kind === 'function' && distinct.distinct);
    const named = expr("s.f(1, x => 2, y := 'z')");
    assert.ok(named.kind === 'function');
    if (named.kind === 'function') {
      assert.deepEqual(named.name.parts, ['s', 'f']);
      assert.deepEqual(named.argNames, [null, 'x', 'y']);
    }
    const call = (text: string) => {
      const e = expr(text);
      assert.equal(e.kind, 'function', text);
      return e.kind === 'function'
        ? { name: e.name.parts.join('.'), args: e.args.map(printExpr) }
        : null;
    };
    assert.deepEqual(call('EXTRACT(YEAR FROM d)'), { name: 'extract', args: ["'year'", 'd'] });
    assert.deepEqual(call('SUBSTRING(s FROM 2 FOR 3)'), {
      name: 'substring',
      args: ['s', '2', '3'],
    });
    assert.deepEqual(call('SUBSTRING(s FOR 3)'), { name: 'substring', args: ['s', '1', '3'] });
    assert.deepEqual(call("POSITION('b' IN s)"), { name: 'position', args: ['s', "'b'"] });
    assert.deepEqual(call("TRIM(LEADING 'x' FROM s)"), { name: 'ltrim', args: ['s', "'x'"] });
    assert.deepEqual(call('TRIM(s)'), { name: 'btrim', args: ['s'] });
    assert.deepEqual(call('CURRENT_TIMESTAMP'), { name: 'current_timestamp', args: [] });
    assert.deepEqual(call('current_schema()'), { name: 'current_schema', args: [] });
    assert.deepEqual(call('user'), { name: 'user', args: [] });
    assert.deepEqual(call('COALESCE(a, 1)'), { name: 'coalesce', args: ['a', '1'] });
    assert.deepEqual(call("left('abc', 2)"), { name: 'left', args: ["'abc'", '2'] });
  });

  it('parses CASE, arrays, subscripts and subqueries', () => {
    const simple = expr("CASE a WHEN 1 THEN 'x' ELSE 'y' END");
    assert.ok(simple.kind === 'case' && simple.operand !== null && simple.otherwise !== null);
    const searched = expr('CASE WHEN a THEN 1 END');
    assert.ok(searched.kind === 'case' && searched.operand === null && searched.otherwise === null);
    const nested = expr('ARRAY[[1, 2], [3]]');
    assert.ok(nested.kind === 'array' && nested.elements[0]?.kind === 'array');
    const sub = expr("m['k'][1]");
    assert.ok(sub.kind === 'subscript' && sub.operand.kind === 'subscript');
    assert.equal(expr('(SELECT 1)').kind, 'scalar-subquery');
    assert.equal(expr('((SELECT 1) + 1)').kind, 'binary');
  });

  it('records spans as offsets into the whole text', () => {
    const sql = 'SELECT  a + f(b) FROM t';
    const e = expr('a + f(b)');
    assert.ok(e.kind === 'binary');
    const [parsed] = parseSql(sql);
    const item = ((parsed?.statement as Query).body as Select).items[0];
    assert.deepEqual(item?.expr.span, { start: 8, end: 16 });
    if (item?.expr.kind === 'binary') {
      assert.deepEqual(item.expr.right.span, { start: 12, end: 16 });
      assert.equal(sql.slice(item.expr.right.span.start, item.expr.right.span.end), 'f(b)');
    }
  });
});
