import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import {
  and,
  col,
  eq,
  gt,
  i8,
  Ids,
  lit,
  not,
  param,
  plus,
  subquery,
  txt,
} from '../optimize/test-plans.js';
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
} from './plan-factories.js';
import { printPlan } from './print-plan.js';

test('prints one indented line per node with readable expressions', () => {
  const ids = new Ids();
  const o = ids.scan('orders', ['id', 'amount', 'cust']);
  const c = ids.scan('customer', ['cid', 'name'], Types.text);
  const j = join('inner', o, c, eq(col(o, 'cust'), col(c, 'cid')));
  const f = filter(j, and(gt(col(o, 'amount'), i8(10)), not(eq(col(c, 'name'), txt("O'Brien")))));
  const sumId = ids.fresh();
  const agg = aggregate(
    f,
    [col(c, 'name')],
    [
      aggregateCall('sum', [col(o, 'amount')], Types.numeric()),
      aggregateCall('count', [], Types.int8),
    ],
    [
      c.columns[1]!,
      planColumn(sumId, 'total', Types.numeric()),
      planColumn(ids.fresh(), 'n', Types.int8),
    ],
  );
  const doubled = planColumn(ids.fresh(), 'doubled', Types.numeric());
  const p = project(
    agg,
    [col(agg, 'name'), plus(col(agg, 'total'), col(agg, 'total'))],
    [agg.columns[0]!, doubled],
  );
  const top = limit(sort(p, [sortKey(col(p, 'doubled'), true)]), param(0), i8(5));
  assert.deepEqual(printPlan(top), [
    'Limit $1 offset 5',
    '  Sort doubled#8 DESC',
    '    Project name#5, total#6 + total#6 AS doubled#8',
    '      Aggregate keys: name#5 aggs: sum(amount#2) AS total#6, count(*) AS n#7',
    "        Filter amount#2 > 10 AND NOT (name#5 = 'O''Brien')",
    '          HashJoin inner (build right) on cust#3 = cid#4',
    '            Scan s.orders [id#1, amount#2, cust#3]',
    '            Scan s.customer [cid#4, name#5]',
  ]);
});

test('subqueries print as SubPlans below their node; annotations go on the line', () => {
  const ids = new Ids();
  const o = ids.scan('orders', ['id', 'day']);
  const l = ids.scan('lineitem', ['oid']);
  const sub = subquery('exists', filter(l, eq(col(l, 'oid'), col(o, 'id'))));
  const f = filter(o, and(sub, gt(col(o, 'day'), lit(Types.date, 0))));
  const lines = printPlan(f, { annotate: (n, path) => `${n.kind} at [${path.join(',')}]` });
  assert.deepEqual(lines, [
    "Filter EXISTS(SubPlan 1) AND day#2 > '1970-01-01'::date  filter at []",
    '  Scan s.orders [id#1, day#2]  scan at [0]',
    '  SubPlan 1',
    '    Filter oid#3 = id#1  filter at [1]',
    '      Scan s.lineitem [oid#3]  scan at [1,0]',
  ]);
});
