import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../common/sql-types.js';
import {
  aggregate,
  aggregateCall,
  filter,
  join,
  limit,
  project,
} from '../../../planner/plan/plan-factories.js';
import { col, eq, gt, i8, Ids, plus } from '../../../planner/optimize/test-plans.js';
import { KeyFilters, keyFilterOf, sourceScanOf } from './key-filters.js';
import { listKeys, MAX_SORTED_KEYS } from './key-membership.js';

test('a key filter holds the range, and the keys when they test better than it', () => {
  const sparse = keyFilterOf(Types.int8, [40, 7, null, 7, 1000]);
  assert.equal(sparse?.min, 7);
  assert.equal(sparse?.max, 1000);
  assert.deepEqual(sparse?.keys && listKeys(sparse.keys), [7, 40, 1000]);
  // Every key of 1..100: the range says as much as the set.
  const dense = keyFilterOf(
    Types.int4,
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
  assert.deepEqual(dense, { min: 1, max: 100, keys: null });
  // Hundreds of thousands of keys in a dense range travel as a bitmap.
  const orders = Array.from({ length: 150_000 }, (_, i) => i * 40 + 1);
  const big = keyFilterOf(Types.int8, orders);
  assert.equal(big?.keys?.kind, 'bitmap');
  assert.equal(big?.keys && listKeys(big.keys).length, 150_000);
  // Too wide for a bitmap, too many for a sorted set: the range alone.
  const wide = Array.from({ length: MAX_SORTED_KEYS + 1 }, (_, i) => i * 100);
  assert.equal(keyFilterOf(Types.int8, wide)?.keys, null);
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
  // A limit in between: dropping rows there would change other rows.
  assert.equal(sourceScanOf(limit(l, i8(10), null), key), null);
  // A projection that computes the column anew is not a pass-through.
  assert.equal(sourceScanOf(project(l, [col(l, 'l_orderkey')]), key), null);
});

test('through an aggregate only by a plain group key: its groups are whole or gone', () => {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_orderkey', 'l_partkey', 'l_quantity']);
  const key = ids.column('key');
  const avg = ids.column('avg');
  const sum = aggregateCall('sum', [col(l, 'l_quantity')], Types.int8);
  // GROUP BY l_partkey (the decorrelated Q17 subquery): the key column leads to the scan.
  const grouped = aggregate(
    filter(l, gt(col(l, 'l_quantity'), i8(0))),
    [col(l, 'l_partkey')],
    [sum],
    [key, avg],
  );
  assert.deepEqual(sourceScanOf(grouped, key.id), { scan: l, index: 1 });
  // Under a HAVING filter and a projection passing the key through: still.
  const having = project(filter(grouped, gt(col(grouped, 'avg'), i8(1))), [col(grouped, 'key')]);
  assert.deepEqual(sourceScanOf(having, key.id), { scan: l, index: 1 });
  // The aggregate's value is made of many rows: dropping some changes it.
  assert.equal(sourceScanOf(grouped, avg.id), null);
  // Without GROUP BY, one row of all rows: the same.
  const total = ids.column('total');
  assert.equal(sourceScanOf(aggregate(l, [], [sum], [total]), total.id), null);
  // A computed key: l_partkey + 1 = k keeps a different set of partkeys than k does.
  const computed = aggregate(l, [plus(col(l, 'l_partkey'), i8(1))], [sum], [key, avg]);
  assert.equal(sourceScanOf(computed, key.id), null);
  // Grouping sets: a rollup row sums over many keys.
  const rollup = ids.column('grouping');
  const sets = aggregate(l, [col(l, 'l_partkey')], [sum], [key, avg, rollup], {
    groupingSets: [[0], []],
  });
  assert.equal(sourceScanOf(sets, key.id), null);
  // The null-extended side of a left join keeps rows the join's filter would drop.
  const o = ids.scan('orders', ['o_partkey']);
  const left = join('left', o, grouped, eq(col(o, 'o_partkey'), col(grouped, 'key')));
  assert.equal(sourceScanOf(left, key.id), null);
});

test('a join filters each scan column once, and replaces its filters when run again', () => {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_partkey', 'l_suppkey']);
  const j = join('inner', l, l, null);
  const other = join('inner', l, l, null);
  const f = (min: number, max: number) => ({ min, max, keys: null });
  const filters = new KeyFilters();
  filters.set(l, j, 0, f(1, 2));
  filters.set(l, j, 1, f(3, 4));
  filters.set(l, other, 0, f(5, 6));
  assert.deepEqual(
    filters.of(l).map((x) => [x.index, x.filter.min]),
    [
      [0, 1],
      [1, 3],
      [0, 5],
    ],
  );
  filters.set(l, j, 0, f(7, 8));
  filters.set(l, j, 1, null);
  assert.deepEqual(
    filters.of(l).map((x) => [x.index, x.filter.min]),
    [
      [0, 7],
      [0, 5],
    ],
  );
});
