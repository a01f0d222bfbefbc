import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import {
  aggregate,
  aggregateCall,
  filter,
  join,
  limit,
  planColumn,
  project,
  sort,
  sortKey,
} from '../plan/plan-factories.js';
import { optimize, RULES } from './optimize.js';
import { and, bool, col, eq, gt, i8, Ids, show, subquery } from './test-plans.js';

test('the pipeline: decorrelate, fold, push, order, prune, limit, top-n, partial', () => {
  const ids = new Ids();
  const o = ids.scan('orders', ['o_key', 'o_cust', 'o_total', 'o_note']);
  const c = ids.scan('customer', ['c_key', 'c_name']);
  const l = ids.scan('lineitem', ['l_key', 'l_qty']);
  const ex = subquery(
    'exists',
    filter(l, and(eq(col(l, 'l_key'), col(o, 'o_key')), gt(col(l, 'l_qty'), i8(5)))),
  );
  const where = and(
    bool(true),
    eq(col(o, 'o_cust'), col(c, 'c_key')),
    gt(col(o, 'o_total'), i8(100)),
    ex,
  );
  const p = project(filter(join('cross', o, c, null), where), [
    col(c, 'c_name'),
    col(o, 'o_total'),
  ]);
  const top = limit(sort(p, [sortKey(col(p, 'o_total'), true)]), i8(10));
  const steps: string[] = [];
  const out = optimize(top, { onRule: (name) => steps.push(name) });
  assert.deepEqual(
    steps,
    RULES.map((r) => r.name),
  );
  assert.equal(
    show(out),
    [
      'TopN 10 by o_total#3 DESC',
      '  Project c_name#6, o_total#3',
      '    HashJoin semi (build right) on l_key#7 = o_key#1',
      '      Project o_key#1, o_total#3, c_name#6',
      '        HashJoin inner (build right) on o_cust#2 = c_key#5',
      '          Scan s.customer [c_key#5, c_name#6]',
      '          Scan s.orders [o_key#1, o_cust#2, o_total#3] filters: o_total#3 > 100',
      '      Project l_key#7',
      '        Scan s.lineitem [l_key#7, l_qty#8] filters: l_qty#8 > 5',
    ].join('\n'),
  );
});

test('subquery plans are optimized too, with statement-wide fresh ids', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a', 'b']);
  const u = ids.scan('u', ['a', 'b']);
  const n = planColumn(ids.fresh(), 'n', Types.int8);
  const agg = aggregate(
    filter(u, and(bool(true), gt(col(u, 'b'), i8(1)))),
    [],
    [aggregateCall('count', [], Types.int8)],
    [n],
  );
  const p = project(filter(t, gt(col(t, 'a'), subquery('scalar', agg))), [col(t, 'a')]);
  assert.equal(
    show(optimize(p)),
    [
      'Project a#1',
      '  Filter a#1 > (SubPlan 1)',
      '    Scan s.t [a#1]',
      '    SubPlan 1',
      '      Aggregate partial aggs: count(*) AS n#5',
      '        Scan s.u [b#4] filters: b#4 > 1',
    ].join('\n'),
  );
});
