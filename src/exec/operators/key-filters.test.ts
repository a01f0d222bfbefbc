import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../common/sql-types.js';
import { aggregate, filter, join, limit, project } from '../../../planner/plan/plan-factories.js';
import { col, eq, gt, i8, Ids } from '../../../planner/optimize/test-plans.js';
import { keyFilterOf, MAX_FILTER_KEYS, sourceScanOf } from './key-filters.js';

test('a key filter holds the range, and the keys when they are few and sparse', () => {
  const sparse = keyFilterOf(Types.int8, [40, 7, null, 7, 1000]);
  assert.deepEqual(sparse, { min: 7, max: 1000, keys: Float64Array.from([40, 7, 1000]) });
  // Every key of 1..100: the range says as much as the set.
  const dense = keyFilterOf(
    Types.int4,
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
  assert.deepEqual(dense, { min: 1, max: 100, keys: null });
  const many = Array.from({ length: MAX_FILTER_KEYS + 1 }, (_, i) => i * 3);
  assert.equal(keyFilterOf(Types.int8, many)?.keys, null);
  // Text keys and int8 keys past 2^53 (kept as bigints) get no filter.
  assert.equal(keyFilterOf(Types.text, ['a']), null);
  assert.equal(keyFilterOf(Types.int8, [1, 2n ** 60n]), null);
  assert.equal(keyFilterOf(Types.int8, [null]), null);
});

test('the source scan is found only along paths where dropping a row drops only its own outputs', () => {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_orderkey', 'l_partkey']);
  const o = ids.scan('orders', ['o_orderkey']);
  const key = l.columns[1]!.id;
  const probe = join(
    'inner',
    filter(l, gt(col(l, 'l_orderkey'), i8(0))),
    o,
    eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')),
  );
  assert.deepEqual(sourceScanOf(project(probe, [col(l, 'l_partkey')]), key), { scan: l, index: 1 });
  // The preserved side of a left join: yes; its null-extended side: no.
  const left = join('left', l, o, eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')));
  assert.deepEqual(sourceScanOf(left, key), { scan: l, index: 1 });
  const right = join('left', o, l, eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')));
  assert.equal(sourceScanOf(right, key), null);
  // A limit or an aggregate in between: dropping rows there would change other rows.
  assert.equal(sourceScanOf(limit(l, i8(10), null), key), null);
  const grouped = aggregate(l, [col(l, 'l_partkey')], [], [l.columns[1]!]);
  assert.equal(sourceScanOf(grouped, key), null);
  // A projection that computes the column anew is not a pass-through.
  assert.equal(sourceScanOf(project(l, [col(l, 'l_orderkey')]), key), null);
});
