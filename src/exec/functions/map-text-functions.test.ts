import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../common/sql-types.js';
import type { SqlMap, SqlValue } from '../../common/sql-value.js';
import { findFunction } from './function-registry.js';
import { callFunction as call, checkCalls } from './function-test-kit.js';

const m = (...entries: [Exclude<SqlValue, null>, SqlValue][]): SqlMap => new Map(entries);

test('map_entries: a json array of {key, value} in map order, values JSON of their kind', async () => {
  const r = await call('map_entries', [
    [Types.map(Types.text, Types.int4), [m(['b', 1], ['a', null]), m(), null]],
  ]);
  assert.equal(r.type, 'json');
  assert.deepEqual(r.values, ['[{"key":"b","value":1},{"key":"a","value":null}]', '[]', null]);
  const nested = await call('map_entries', [
    [Types.map(Types.int8, Types.array(Types.text)), [m([7n, ['x', null]])]],
  ]);
  assert.deepEqual(nested.values, ['[{"key":7,"value":["x",null]}]']);
  const dated = await call('map_entries', [[Types.map(Types.date, Types.bool), [m([0, true])]]]);
  assert.deepEqual(dated.values, ['[{"key":"1970-01-01","value":true}]']);
  assert.equal(findFunction('map_entries')?.resolve([Types.text]), null);
});

test('str_to_map: Spark defaults, regex delimiters, keys without values, NULLs', async () => {
  await checkCalls([
    ["str_to_map('a:1,b:2,c')", '{"a":"1","b":"2","c":null}'],
    ["str_to_map('')", '{"":null}'],
    ["str_to_map('a:1:2')", '{"a":"1:2"}'],
    ["str_to_map('a=1;b=2', ';', '=')", '{"a":"1","b":"2"}'],
    // Regexes as in Spark: `\s*,\s*` trims around commas; `|` must be escaped.
    ["str_to_map('k1:v1 , k2:v2', '\\s*,\\s*')", '{"k1":"v1","k2":"v2"}'],
    ["str_to_map('a:1|b:2', '\\|')", '{"a":"1","b":"2"}'],
    ["str_to_map('a1b2c', '[0-9]', 'b')", '{"a":null,"":"","c":null}'],
    // An empty key-value delimiter splits off the first character (Spark's empty pattern).
    ["str_to_map('ab:c', ',', '')", '{"a":"b:c"}'],
    ['str_to_map(NULL)', null],
    ["str_to_map('a:1', NULL)", null],
    ["str_to_map('a:1,a:2')", { error: '22023' }],
    // `.` matches every character: four empty keys.
    ["str_to_map('a.b', '.')", { error: '22023' }],
    ["str_to_map('a:1', '(')", { error: '2201B' }],
  ]);
  const r = await call('str_to_map', [[Types.text, ['x:1']]]);
  assert.equal(r.type, 'map<text,text>');
});
