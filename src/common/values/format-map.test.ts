import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LakeError } from '../errors.js';
import { formatType, pgTypeOid, sameType, Types, type SqlType } from '../sql-types.js';
import type { SqlMap, SqlValue } from '../sql-value.js';
import { buildVector } from './build-vector.js';
import { DEFAULT_TEXT_OPTIONS, formatValue } from './format-value.js';
import { parseValue } from './parse-value.js';
import { readColumn, readValue } from './read-value.js';

const m = (...entries: [Exclude<SqlValue, null>, SqlValue][]): SqlMap => new Map(entries);
const fmt = (t: SqlType, v: SqlValue): string | null => formatValue(t, v, DEFAULT_TEXT_OPTIONS);
const parse = (t: SqlType, text: string): SqlValue => parseValue(t, text, { timeZone: 'UTC' });

const strInt = Types.map(Types.text, Types.int4);

test('map type: text on the wire, Spark spelling, structural sameness', () => {
  assert.equal(pgTypeOid(strInt), 25);
  assert.equal(pgTypeOid(Types.array(strInt)), 1009);
  assert.equal(formatType(Types.map(Types.text, Types.array(Types.int8))), 'map<text,bigint[]>');
  assert.ok(sameType(strInt, Types.map(Types.text, Types.int4)));
  assert.ok(!sameType(strInt, Types.map(Types.text, Types.int8)));
});

test('text output is a JSON object with typed values, in entry order', () => {
  assert.equal(fmt(strInt, m(['b', 1], ['a', null])), '{"b":1,"a":null}');
  assert.equal(fmt(strInt, m()), '{}');
  assert.equal(
    fmt(Types.map(Types.int8, Types.text), m([5n, 'say "hi"\n'])),
    '{"5":"say \\"hi\\"\\n"}',
  );
  assert.equal(
    fmt(Types.map(Types.text, Types.float8), m(['x', 1.5], ['n', NaN])),
    '{"x":1.5,"n":"NaN"}',
  );
  assert.equal(
    fmt(Types.map(Types.date, Types.bool), m([19724, true], [Infinity, false])),
    '{"2024-01-02":true,"infinity":false}',
  );
  const nested = Types.map(Types.text, Types.map(Types.text, Types.array(Types.numeric())));
  assert.equal(fmt(nested, m(['o', m(['i', ['1.50', null]])])), '{"o":{"i":[1.50,null]}}');
  // The output parses as JSON.
  assert.deepEqual(JSON.parse(fmt(nested, m(['o', m(['i', ['2']])])) ?? ''), { o: { i: [2] } });
});

test('text input is the inverse of the output, exact for int8 and numeric', () => {
  const cases: [SqlType, SqlMap][] = [
    [strInt, m(['a', 1], ['b', null])],
    [Types.map(Types.int8, Types.numeric()), m([9007199254740993n, '12345678901234567890.5'])],
    [Types.map(Types.text, Types.array(Types.text)), m(['k', ['x', null, '']])],
    [Types.map(Types.text, Types.map(Types.int4, Types.bool)), m(['o', m([1, true], [2, false])])],
    [Types.map(Types.text, Types.jsonb), m(['j', '{"a": [1, 2]}'])],
    [Types.map(Types.text, Types.timestamp), m(['t', 1_700_000_000_123_456n])],
  ];
  for (const [t, v] of cases) {
    const text = fmt(t, v) ?? '';
    assert.deepEqual(parse(t, text), v, text);
  }
  assert.deepEqual(parse(strInt, ' { "a" : "7" , "b":null } '), m(['a', 7], ['b', null]));
});

test('text input errors: malformed is 22P02, a duplicate key 22023, a bad value its own', () => {
  const code = (t: SqlType, text: string): string => {
    try {
      parse(t, text);
      return 'ok';
    } catch (e) {
      assert.ok(e instanceof LakeError);
      return e.sqlstate;
    }
  };
  assert.equal(code(strInt, '{"a":1'), '22P02');
  assert.equal(code(strInt, '[1]'), '22P02');
  assert.equal(code(strInt, '{a:1}'), '22P02');
  assert.equal(code(strInt, '{"a":1} x'), '22P02');
  assert.equal(code(strInt, '{"a":1,"a":2}'), '22023');
  assert.equal(code(strInt, '{"a":"x"}'), '22P02');
  assert.equal(code(Types.map(Types.int4, Types.int4), '{"99999999999":1}'), '22003');
});

test('Arrow Map vectors round-trip maps, NULL maps, NULL values and nesting', () => {
  const t = Types.map(Types.text, Types.array(Types.int8));
  const values: SqlValue[] = [m(['a', [1n, null]], ['b', null]), null, m(), m(['c', []])];
  const vector = buildVector(t, values);
  assert.equal(vector.type.toString().startsWith('Map<'), true);
  assert.deepEqual(readColumn(vector, t), values);
  assert.deepEqual(readValue(vector, t, 0), values[0]);
  const outer = Types.map(Types.int4, strInt);
  const nested: SqlValue[] = [m([1, m(['x', 1])], [2, m()]), null];
  assert.deepEqual(readColumn(buildVector(outer, nested), outer), nested);
});
