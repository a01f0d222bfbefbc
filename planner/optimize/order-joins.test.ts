import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableRef } from '../../catalog/catalog.js';
import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { aggregate, aggregateCall, filter, join } from '../plan/plan-factories.js';
import { estimateRows, type TableStats } from './estimate-rows.js';
import { orderJoins } from './order-joins.js';
import { pushDownFilters } from './push-down-filters.js';
import { and, col, eq, i8, Ids, lt, plus, show, txt } from './test-plans.js';

const rows: Record<string, number> = {
  lineitem: 6e6,
  orders: 1.5e6,
  customer: 1.5e5,
  supplier: 1e4,
  nation: 25,
  region: 5,
};
const stats: TableStats = { rowCount: (t: TableRef) => rows[t.ident.name] ?? null };
const lines = (...l: string[]): string => l.join('\n');

function q5(joinStats: TableStats): string {
  const ids = new Ids();
  const c = ids.scan('customer', ['c_custkey', 'c_nationkey']);
  const o = ids.scan('orders', ['o_orderkey', 'o_custkey']);
  const l = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const s = ids.scan('supplier', ['s_suppkey', 's_nationkey']);
  const n = ids.scan('nation', ['n_nationkey', 'n_regionkey']);
  const from = [o, l, s, n].reduce(
    (acc, t) => join('cross', acc, t, null),
    c as Parameters<typeof join>[1],
  );
  const where = and(
    eq(col(c, 'c_custkey'), col(o, 'o_custkey')),
    eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')),
    eq(col(l, 'l_suppkey'), col(s, 's_suppkey')),
    eq(col(c, 'c_nationkey'), col(s, 's_nationkey')),
    eq(col(s, 's_nationkey'), col(n, 'n_nationkey')),
  );
  return show(orderJoins(pushDownFilters(filter(from, where)), joinStats));
}

test('distinct counts keep a join on a 25-value key until its other key can join too', () => {
  const distinct: Record<string, number> = {
    c_custkey: 1.5e5,
    o_custkey: 1.5e5,
    o_orderkey: 6e6,
    l_orderkey: 6e6,
    l_suppkey: 1e4,
    s_suppkey: 1e4,
    c_nationkey: 25,
    s_nationkey: 25,
    n_nationkey: 25,
  };
  const withDistinct: TableStats = {
    ...stats,
    distinctCount: (_t, column) => distinct[column] ?? null,
  };
  // Rows alone: customer joins on c_nationkey = s_nationkey before orders arrives, which
  // pairs each lineitem row with a nation's 6,000 customers.
  assert.match(q5(stats), /HashJoin inner \(build right\) on c_nationkey#\d+ = s_nationkey#\d+\n/);
  // With the key's 25 values known, orders joins first and customer joins on both keys.
  const plan = q5(withDistinct);
  assert.match(plan, /on c_custkey#1 = o_custkey#4 AND c_nationkey#2 = s_nationkey#8/);
  assert.doesNotMatch(plan, /on c_nationkey#\d+ = s_nationkey#\d+\n/);
});

test('a join with no equality (a nested loop) comes after the joins that can hash', () => {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const o = ids.scan('orders', ['o_orderkey', 'o_custkey']);
  const n = ids.scan('nation', ['n_nationkey', 'n_regionkey']);
  const from = join('cross', join('cross', l, o, null), n, null);
  const where = and(
    eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')),
    lt(col(n, 'n_nationkey'), col(l, 'l_suppkey')),
  );
  const plan = show(orderJoins(pushDownFilters(filter(from, where)), stats));
  const hash = plan.indexOf('HashJoin inner (build right) on l_orderkey#1 = o_orderkey#3');
  const loop = plan.indexOf('NestedLoopJoin');
  assert.ok(hash > loop && loop >= 0, plan); // the hash join sits below the nested loop
});

test('TPC-H Q5 shape: no cross products, small build sides, columns in order', () => {
  const ids = new Ids();
  const c = ids.scan('customer', ['c_custkey', 'c_nationkey']);
  const o = ids.scan('orders', ['o_orderkey', 'o_custkey']);
  const l = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const s = ids.scan('supplier', ['s_suppkey', 's_nationkey']);
  const n = ids.scan('nation', ['n_nationkey', 'n_regionkey']);
  const r = ids.scan('region', ['r_regionkey', 'r_name']);
  const from = [o, l, s, n, r].reduce(
    (acc, t) => join('cross', acc, t, null),
    c as Parameters<typeof join>[1],
  );
  const where = and(
    eq(col(c, 'c_custkey'), col(o, 'o_custkey')),
    eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')),
    eq(col(l, 'l_suppkey'), col(s, 's_suppkey')),
    eq(col(c, 'c_nationkey'), col(s, 's_nationkey')),
    eq(col(s, 's_nationkey'), col(n, 'n_nationkey')),
    eq(col(n, 'n_regionkey'), col(r, 'r_regionkey')),
    eq(col(r, 'r_name'), txt('ASIA')),
  );
  const pushed = pushDownFilters(filter(from, where));
  const ordered = orderJoins(pushed, stats);
  assert.equal(
    show(ordered),
    lines(
      'Project c_custkey#1, c_nationkey#2, o_orderkey#3, o_custkey#4, l_orderkey#5, l_suppkey#6, s_suppkey#7, s_nationkey#8, n_nationkey#9, n_regionkey#10, r_regionkey#11, r_name#12',
      '  HashJoin inner (build right) on c_custkey#1 = o_custkey#4 AND l_orderkey#5 = o_orderkey#3',
      '    HashJoin inner (build right) on c_nationkey#2 = s_nationkey#8',
      '      HashJoin inner (build right) on n_regionkey#10 = r_regionkey#11',
      '        HashJoin inner (build right) on s_nationkey#8 = n_nationkey#9',
      '          HashJoin inner (build right) on l_suppkey#6 = s_suppkey#7',
      '            Scan s.lineitem [l_orderkey#5, l_suppkey#6]',
      '            Scan s.supplier [s_suppkey#7, s_nationkey#8]',
      '          Scan s.nation [n_nationkey#9, n_regionkey#10]',
      "        Scan s.region [r_regionkey#11, r_name#12] filters: r_name#12 = 'ASIA'",
      '      Scan s.customer [c_custkey#1, c_nationkey#2]',
      '    Scan s.orders [o_orderkey#3, o_custkey#4]',
    ),
  );
  assert.ok(!show(ordered).includes('cross'));
  assert.ok(estimateRows(ordered, stats) <= 6e6);
});

test('two inputs: the smaller one is built', () => {
  const ids = new Ids();
  const n = ids.scan('nation', ['k']);
  const l = ids.scan('lineitem', ['k']);
  const j = join('inner', n, l, eq(col(n, 'k'), col(l, 'k')));
  assert.equal(
    show(orderJoins(j, stats)),
    lines(
      'Project k#1, k#2',
      '  HashJoin inner (build right) on k#1 = k#2',
      '    Scan s.lineitem [k#2]',
      '    Scan s.nation [k#1]',
    ),
  );
});

test('a GROUP BY on the join key counts as its input: the other side is built and filters it', () => {
  const ids = new Ids();
  // TPC-H Q20's shape: partsupp rows of some parts joined to lineitem summed by part.
  const ps = ids.scan('orders', ['ps_partkey', 'ps_availqty']);
  const l = ids.scan('lineitem', ['l_partkey', 'l_quantity']);
  const key = ids.column('key');
  const total = ids.column('sum');
  const sum = aggregateCall('sum', [col(l, 'l_quantity')], Types.int8);
  const byKey = (k: BoundExpr): LogicalPlan => aggregate(l, [k], [sum], [key, total]);
  const joined = (agg: LogicalPlan): string =>
    show(orderJoins(join('inner', ps, agg, eq(col(ps, 'ps_partkey'), col(agg, 'key'))), stats));
  // The aggregate's 600k estimated groups are fewer than orders' 1.5M rows, but building
  // it reads all 6M lineitems, while probing it reads those of orders' keys only.
  assert.match(joined(byKey(col(l, 'l_partkey'))), /HashJoin inner \(build left\)/);
  // Grouped by an expression, its key filters nothing: the smaller aggregate is built.
  const computed = byKey(plus(col(l, 'l_partkey'), i8(1)));
  assert.match(joined(computed), /HashJoin inner \(build right\)/);
});
