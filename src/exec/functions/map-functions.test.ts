import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlMap, SqlValue } from '../../common/sql-value.js';
import { findFunction } from './function-registry.js';
import { callFunction as call } from './function-test-kit.js';

const m = (...entries: [Exclude<SqlValue, null>, SqlValue][]): SqlMap => new Map(entries);
const strInt = Types.map(Types.text, Types.int4);

async function sqlstate(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof LakeError, String(e));
    return e.sqlstate;
  }
}

test('map(k, v, ...) unifies keys and values; NULL key 22004, duplicate key 22023', async () => {
  const r = await call('map', [
    [Types.unknown, ['a', 'x']],
    [Types.int4, [1, 2]],
    [Types.text, ['b', 'y']],
    [Types.int8, [null, 3n]],
  ]);
  assert.equal(r.type, 'map<text,bigint>');
  assert.deepEqual(r.values, [m(['a', 1], ['b', null]), m(['x', 2], ['y', 3n])]);
  assert.equal((await call('map', [])).type, 'map<text,text>');
  assert.equal(
    await sqlstate(
      call('map', [
        [Types.text, [null]],
        [Types.int4, [1]],
      ]),
    ),
    '22004',
  );
  assert.equal(
    await sqlstate(
      call('map', [
        [Types.text, ['a']],
        [Types.int4, [1]],
        [Types.text, ['a']],
        [Types.int4, [2]],
      ]),
    ),
    '22023',
  );
  // Numeric keys equal in value are duplicates whatever their scale.
  assert.equal(
    await sqlstate(
      call('map', [
        [Types.numeric(), ['1.0']],
        [Types.int4, [1]],
        [Types.numeric(), ['1.00']],
        [Types.int4, [2]],
      ]),
    ),
    '22023',
  );
  assert.equal(findFunction('map')?.resolve([Types.text]), null);
  assert.equal(findFunction('map')?.resolve([Types.array(Types.int4), Types.int4]), null);
});

test('map_from_arrays and Trino map(keys, values): lengths must match', async () => {
  const keys = Types.array(Types.int4);
  const vals = Types.array(Types.text);
  for (const name of ['map_from_arrays', 'map']) {
    const r = await call(name, [
      [keys, [[1, 2], null]],
      [vals, [['x', null], ['y']]],
    ]);
    assert.equal(r.type, 'map<integer,text>');
    assert.deepEqual(r.values, [m([1, 'x'], [2, null]), null]);
    assert.equal(
      await sqlstate(
        call(name, [
          [keys, [[1]]],
          [vals, [[]]],
        ]),
      ),
      '22023',
    );
    assert.equal(
      await sqlstate(
        call(name, [
          [keys, [[1, 1]]],
          [vals, [['a', 'b']]],
        ]),
      ),
      '22023',
    );
  }
});

test('element_at, map_subscript, map_contains_key: NULL (false) for absent keys', async () => {
  const maps = [m(['a', 1], ['b', null]), m(), null];
  for (const name of ['element_at', 'map_subscript']) {
    const r = await call(name, [
      [strInt, maps],
      [Types.text, ['a', 'a', 'a']],
    ]);
    assert.equal(r.type, 'integer');
    assert.deepEqual(r.values, [1, null, null]);
  }
  const c = await call('map_contains_key', [
    [strInt, maps],
    [Types.text, ['b', 'b', 'b']],
  ]);
  assert.deepEqual(c.values, [true, false, null]);
  const dec = Types.map(Types.numeric(), Types.text);
  const d = await call('element_at', [
    [dec, [m(['1.5', 'x'])]],
    [Types.numeric(), ['1.50']],
  ]);
  assert.deepEqual(d.values, ['x']);
  // The array form of element_at is still there.
  const a = await call('element_at', [
    [Types.array(Types.text), [['p', 'q']]],
    [Types.int4, [-1]],
  ]);
  assert.deepEqual(a.values, ['q']);
});

test('map_keys, map_values, cardinality and size (size(NULL) is -1)', async () => {
  const maps = [m(['a', 1], ['b', null]), m(), null];
  assert.deepEqual((await call('map_keys', [[strInt, maps]])).values, [['a', 'b'], [], null]);
  assert.equal((await call('map_keys', [[strInt, maps]])).type, 'text[]');
  assert.deepEqual((await call('map_values', [[strInt, maps]])).values, [[1, null], [], null]);
  assert.deepEqual((await call('cardinality', [[strInt, maps]])).values, [2, 0, null]);
  assert.deepEqual((await call('size', [[strInt, maps]])).values, [2, 0, -1]);
  assert.deepEqual((await call('size', [[Types.array(Types.int4), [[1], null]]])).values, [1, -1]);
});
