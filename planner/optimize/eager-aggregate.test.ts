import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableRef } from '../../catalog/catalog.js';
import { Types } from '../../src/common/sql-types.js';
import { call, type BoundExpr } from '../plan/bound-expr.js';
import type { AggregateCall, JoinType, LogicalPlan } from '../plan/logical-plan.js';
import { aggregate, aggregateCall, join, planColumn, project } from '../plan/plan-factories.js';
import { nextColumnId } from '../plan/plan-visit.js';
import { eagerAggregate } from './eager-aggregate.js';
import type { TableStats } from './estimate-rows.js';
import { and, col, eq, i8, Ids, lt, show, txt } from './test-plans.js';

const rows: Record<string, number> = { customer: 1.5e5, orders: 1.5e6 };
const distinct: Record<string, number> = { c_custkey: 1.5e5, o_custkey: 1e5 };
const rowCount = (t: TableRef): number | null => rows[t.ident.name] ?? null;
const stats: TableStats = {
  rowCount,
  distinctCount: (_t, column) => distinct[column] ?? null,
};

const ids = new Ids();
const c = ids.scan('customer', ['c_custkey', 'c_nation']);
const o = ids.scan('orders', ['o_orderkey', 'o_custkey', 'o_total']);
const [cKey, cNation, oKey, oCust, oTotal] = [
  col(c, 'c_custkey'),
  col(c, 'c_nation'),
  col(o, 'o_orderkey'),
  col(o, 'o_custkey'),
  col(o, 'o_total'),
];
const onKey = eq(cKey, oCust);

/** Aggregate(keys; calls) over `c <type> o on <condition>`, its columns numbered from 100. */
function query(
  type: JoinType,
  condition: BoundExpr,
  keys: readonly BoundExpr[],
  calls: readonly AggregateCall[],
  sides: readonly [LogicalPlan, LogicalPlan] = [c, o],
): LogicalPlan {
  const j = join(type, sides[0], sides[1], condition);
  const cols = [
    ...keys.map((k, i) =>
      k.kind === 'ref' ? j.columns.find((x) => x.id === k.id)! : planColumn(100 + i, 'k', k.type),
    ),
    ...calls.map((a, i) => planColumn(110 + i, a.fn, a.type)),
  ];
  return aggregate(j, keys, calls, cols);
}

const run = (plan: LogicalPlan, s: TableStats = stats): string =>
  show(eagerAggregate(plan, s, { next: Math.max(200, nextColumnId(plan)) }));
const count = (x?: BoundExpr): AggregateCall => aggregateCall('count', x ? [x] : [], Types.int8);
const sum = (x: BoundExpr, type = Types.numeric()): AggregateCall =>
  aggregateCall('sum', [x], type);
const lines = (...l: string[]): string => l.join('\n');

test('Q13: LEFT join, count over orders → orders counted per customer, coalesced to 0', () => {
  assert.equal(
    run(query('left', onKey, [cKey], [count(oKey)])),
    lines(
      'Project c_custkey#1, COALESCE(count#201, 0) AS count#110',
      '  Aggregate keys: c_custkey#1 aggs: sum(count#200) AS count#201',
      '    HashJoin left (build right) on c_custkey#1 = o_custkey#4',
      '      Scan s.customer [c_custkey#1, c_nation#2]',
      '      Aggregate keys: o_custkey#4 aggs: count(o_orderkey#3) AS count#200',
      '        Scan s.orders [o_orderkey#3, o_custkey#4, o_total#5]',
    ),
  );
});

test('INNER join grouped by a non-key column: sum, min, max keep their types, no projection', () => {
  const calls = [sum(oTotal), aggregateCall('min', [oTotal], Types.int8), count()];
  const plan = run(query('inner', onKey, [cNation], calls));
  assert.equal(
    plan,
    lines(
      'Aggregate keys: c_nation#2 aggs: sum(sum#200) AS sum#110, min(min#201) AS min#111, sum(count#202) AS count#112',
      '  HashJoin inner (build left) on c_custkey#1 = o_custkey#4',
      '    Scan s.customer [c_custkey#1, c_nation#2]',
      '    Aggregate keys: o_custkey#4 aggs: sum(o_total#5) AS sum#200, min(o_total#5) AS min#201, count(*) AS count#202',
      '      Scan s.orders [o_orderkey#3, o_custkey#4, o_total#5]',
    ),
  );
  const out = eagerAggregate(query('inner', onKey, [cNation], calls), stats, { next: 200 });
  assert.deepEqual(out.kind === 'aggregate' && out.aggregates.map((a) => a.type.kind), [
    'numeric',
    'int8',
    'int8',
  ]);
});

test('an R-only conjunct of the ON condition moves below the new aggregate; L-only stays', () => {
  const cond = and(onKey, lt(oTotal, i8(5)), eq(cNation, txt('x')));
  assert.equal(
    run(query('left', cond, [cKey], [sum(oTotal)])),
    lines(
      'Aggregate keys: c_custkey#1 aggs: sum(sum#200) AS sum#110',
      "  HashJoin left (build right) on c_custkey#1 = o_custkey#4 AND c_nation#2 = 'x'",
      '    Scan s.customer [c_custkey#1, c_nation#2]',
      '    Aggregate keys: o_custkey#4 aggs: sum(o_total#5) AS sum#200',
      '      Filter o_total#5 < 5',
      '        Scan s.orders [o_orderkey#3, o_custkey#4, o_total#5]',
    ),
  );
});

test('RIGHT join with the aggregated side on the left; no GROUP BY coalesces counts too', () => {
  const plan = run(query('right', eq(oCust, cKey), [], [count(oKey)], [o, c]));
  assert.equal(
    plan,
    lines(
      'Project COALESCE(count#201, 0) AS count#110',
      '  Aggregate aggs: sum(count#200) AS count#201',
      '    HashJoin right (build right) on o_custkey#4 = c_custkey#1',
      '      Aggregate keys: o_custkey#4 aggs: count(o_orderkey#3) AS count#200',
      '        Scan s.orders [o_orderkey#3, o_custkey#4, o_total#5]',
      '      Scan s.customer [c_custkey#1, c_nation#2]',
    ),
  );
});

test('an expression key of the aggregated side becomes a new group key column', () => {
  const key = call('+', Types.int8, [oCust, i8(1)]);
  assert.match(
    run(query('inner', eq(cKey, key), [cKey], [count()])),
    /on c_custkey#1 = key#200\n.*\n {4}Aggregate keys: o_custkey#4 \+ 1 AS key#200 aggs: count\(\*\)/,
  );
});

test('does not fire: DISTINCT, L columns, count(*) or non-strict args over LEFT, non-equi, RIGHT side', () => {
  const unchanged = (p: LogicalPlan, why: string): void => assert.equal(run(p), show(p), why);
  const distinctCount = aggregateCall('count', [oKey], Types.int8, { distinct: true });
  unchanged(query('inner', onKey, [cKey], [distinctCount]), 'DISTINCT');
  unchanged(query('inner', onKey, [cNation], [sum(cKey)]), 'aggregate over L');
  unchanged(query('inner', onKey, [oTotal], [count(oKey)]), 'group key over R');
  unchanged(query('left', onKey, [cKey], [count()]), 'count(*) over LEFT');
  const coalesced: BoundExpr = { kind: 'coalesce', type: Types.int8, args: [oTotal, i8(0)] };
  unchanged(query('left', onKey, [cKey], [sum(coalesced)]), 'coalesce over LEFT');
  unchanged(query('inner', lt(cKey, oCust), [cKey], [count(oKey)]), 'non-equi join');
  unchanged(query('inner', and(onKey, lt(cNation, oTotal)), [cKey], [count()]), 'mixed conjunct');
  unchanged(query('right', onKey, [cKey], [count(oKey)]), 'RIGHT join, orders preserved');
  unchanged(query('full', onKey, [cKey], [count(oKey)]), 'FULL join');
  const ordered = aggregateCall('max', [oTotal], Types.int8, {
    orderBy: [{ expr: oKey, descending: false, nullsFirst: false }],
  });
  unchanged(query('inner', onKey, [cKey], [ordered]), 'ORDER BY inside');
});

test('only when the aggregated side has several rows per key', () => {
  const p = query('left', onKey, [cKey], [count(oKey)]);
  // o_custkey nearly unique: nothing to gain.
  const unique: TableStats = { ...stats, distinctCount: () => 1.5e6 };
  assert.equal(run(p, unique), show(p));
  // Customer much smaller than orders' keys: the join mostly filters orders.
  const fewCustomers: TableStats = {
    ...stats,
    rowCount: (t) => (t.ident.name === 'customer' ? 1e4 : 1.5e6),
  };
  assert.equal(run(p, fewCustomers), show(p));
  // No distinct counts: orders must be 10x customer (it is), and is not when customer grows.
  const rowsOnly: TableStats = { rowCount };
  assert.notEqual(run(p, rowsOnly), show(p));
  const big: TableStats = { rowCount: (t) => (t.ident.name === 'customer' ? 1e6 : 1.5e6) };
  assert.equal(run(p, big), show(p));
});

test('idempotent: the rule does not fire again over its own output', () => {
  const once = eagerAggregate(query('left', onKey, [cKey], [count(oKey)]), stats, { next: 200 });
  assert.equal(show(eagerAggregate(once, stats, { next: 300 })), show(once));
  const inner = eagerAggregate(query('inner', onKey, [cNation], [sum(oTotal)]), stats, {
    next: 200,
  });
  assert.equal(show(eagerAggregate(inner, stats, { next: 300 })), show(inner));
});

test('looks through a pass-through projection above the join', () => {
  const j = join('inner', c, o, onKey);
  const p = project(j, [oKey, cNation, oCust, cKey, oTotal]);
  const agg = aggregate(
    p,
    [cNation],
    [sum(oTotal)],
    [c.columns[1]!, planColumn(110, 'sum', Types.numeric())],
  );
  assert.match(run(agg), /Aggregate keys: o_custkey#4 aggs: sum\(o_total#5\)/);
});
