import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import { call } from '../plan/bound-expr.js';
import { aggregate, aggregateCall, filter, planColumn, project } from '../plan/plan-factories.js';
import { bind } from '../bind/bind-fixtures.js';
import { printPlan } from '../plan/print-plan.js';
import { decorrelateSubqueries } from './decorrelate-subqueries.js';
import { and, cmp, col, eq, gt, i8, Ids, lt, or, show, subquery } from './test-plans.js';

const lines = (...l: string[]): string => l.join('\n');

test('EXISTS / NOT EXISTS conjuncts become semi / anti joins (TPC-H Q4, Q21)', () => {
  const ids = new Ids();
  const o = ids.scan('orders', ['o_orderkey', 'o_date']);
  const l = ids.scan('lineitem', ['l_orderkey', 'l_suppkey', 'l_commit', 'l_receipt']);
  const l2 = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const exists = subquery(
    'exists',
    project(
      filter(
        l,
        and(
          eq(col(l, 'l_orderkey'), col(o, 'o_orderkey')),
          lt(col(l, 'l_commit'), col(l, 'l_receipt')),
        ),
      ),
      [col(l, 'l_orderkey')],
    ),
  );
  const notExists = subquery(
    'exists',
    filter(
      l2,
      and(eq(col(l2, 'l_orderkey'), col(o, 'o_orderkey')), cmp('<>', col(l2, 'l_suppkey'), i8(7))),
    ),
    { negated: true },
  );
  const before = filter(o, and(gt(col(o, 'o_date'), i8(100)), exists, notExists));
  assert.equal(
    show(decorrelateSubqueries(before)),
    lines(
      'Filter o_date#2 > 100',
      '  HashJoin anti (build right) on l_orderkey#7 = o_orderkey#1',
      '    HashJoin semi (build right) on l_orderkey#3 = o_orderkey#1',
      '      Scan s.orders [o_orderkey#1, o_date#2]',
      '      Filter l_commit#5 < l_receipt#6',
      '        Scan s.lineitem [l_orderkey#3, l_suppkey#4, l_commit#5, l_receipt#6]',
      '    Filter l_suppkey#8 <> 7',
      '      Scan s.lineitem [l_orderkey#7, l_suppkey#8]',
    ),
  );
});

test('IN and NOT IN: semi join, null-aware anti join; correlated NOT IN stays', () => {
  const ids = new Ids();
  const ps = ids.scan('partsupp', ['ps_suppkey']);
  const s = ids.scan('supplier', ['s_suppkey', 's_comment'], Types.text);
  const notIn = subquery('in', project(s, [col(s, 's_suppkey')]), {
    operand: col(ps, 'ps_suppkey'),
    negated: true,
  });
  assert.equal(
    show(decorrelateSubqueries(filter(ps, notIn))),
    lines(
      'HashJoin anti null-aware (build right) on ps_suppkey#1 = s_suppkey#2',
      '  Scan s.partsupp [ps_suppkey#1]',
      '  Project s_suppkey#2',
      '    Scan s.supplier [s_suppkey#2, s_comment#3]',
    ),
  );
  const corr = subquery('in', filter(s, eq(col(s, 's_comment'), col(ps, 'ps_suppkey'))), {
    operand: col(ps, 'ps_suppkey'),
    negated: true,
  });
  const kept = filter(ps, corr);
  assert.equal(show(decorrelateSubqueries(kept)), show(kept));
});

test('correlated scalar aggregate: grouped aggregate + left join (TPC-H Q17), COUNT reads 0', () => {
  const ids = new Ids();
  const p = ids.scan('part', ['p_partkey', 'p_brand']);
  const l = ids.scan('lineitem', ['l_partkey', 'l_quantity']);
  const avg = planColumn(ids.fresh(), 'avg', Types.float8);
  const agg = aggregate(
    filter(l, eq(col(l, 'l_partkey'), col(p, 'p_partkey'))),
    [],
    [aggregateCall('avg', [col(l, 'l_quantity')], Types.float8)],
    [avg],
  );
  const scaled = planColumn(ids.fresh(), 'scaled', Types.float8);
  const sq = subquery(
    'scalar',
    project(
      agg,
      [
        call('*', Types.float8, [
          { kind: 'const', type: Types.float8, value: 0.2 },
          col(agg, 'avg'),
        ]),
      ],
      [scaled],
    ),
  );
  const before = filter(p, and(eq(col(p, 'p_brand'), i8(23)), lt(col(p, 'p_partkey'), sq)));
  assert.equal(
    show(decorrelateSubqueries(before)),
    lines(
      'Project p_partkey#1, p_brand#2',
      '  Filter p_brand#2 = 23 AND p_partkey#1 < (0.2 * avg#5)',
      '    HashJoin left (build right) on p_partkey#1 = key#7',
      '      Scan s.part [p_partkey#1, p_brand#2]',
      '      Aggregate keys: l_partkey#3 AS key#7 aggs: avg(l_quantity#4) AS avg#5',
      '        Scan s.lineitem [l_partkey#3, l_quantity#4]',
    ),
  );
  const n = planColumn(ids.fresh(), 'n', Types.int8);
  const cnt = aggregate(
    filter(l, eq(col(l, 'l_partkey'), col(p, 'p_partkey'))),
    [],
    [aggregateCall('count', [], Types.int8)],
    [n],
  );
  const after = decorrelateSubqueries(filter(p, eq(subquery('scalar', cnt), i8(0))));
  assert.match(show(after), /Filter COALESCE\(n#7, 0\) = 0/);
});

test('EXISTS under OR becomes a mark join', () => {
  const ids = new Ids();
  const o = ids.scan('orders', ['k', 'v']);
  const l = ids.scan('lineitem', ['k']);
  const ex = subquery('exists', filter(l, eq(col(l, 'k'), col(o, 'k'))));
  const before = filter(o, or(gt(col(o, 'v'), i8(1)), ex));
  assert.equal(
    show(decorrelateSubqueries(before)),
    lines(
      'Project k#1, v#2',
      '  Filter v#2 > 1 OR mark#4',
      '    HashJoin mark (build right) on k#3 = k#1 mark: mark#4',
      '      Scan s.orders [k#1, v#2]',
      '      Scan s.lineitem [k#3]',
    ),
  );
});

test('row IN / NOT IN become semi / null-aware anti / mark joins on the row equalities', async () => {
  const decorrelated = async (sql: string): Promise<string[]> =>
    printPlan(decorrelateSubqueries((await bind(sql)).plan));
  const scans = ['    Scan db.t [a#1, b#2, c#3]', '    Scan db.u [a#4, d#5]'];
  const on = 'on a#1 = a#4 AND c#3::double precision = d#5';
  assert.deepEqual(await decorrelated('select * from t where (a, c) in (select a, d from u)'), [
    'Project a#1, b#2, c#3',
    `  HashJoin semi (build right) ${on}`,
    ...scans,
  ]);
  assert.deepEqual(await decorrelated('select * from t where (a, c) not in (select a, d from u)'), [
    'Project a#1, b#2, c#3',
    `  HashJoin anti null-aware (build right) ${on}`,
    ...scans,
  ]);
  assert.deepEqual(await decorrelated('select a, (a, c) not in (select a, d from u) from t'), [
    'Project a#1, NOT mark#8 AS ?column?#7',
    `  HashJoin mark null-aware (build right) ${on} mark: mark#8`,
    ...scans,
  ]);
});

test('NOT IN whose comparison is not outer = inner stays a subquery (its NULL answer)', async () => {
  const decorrelated = async (sql: string): Promise<string> =>
    printPlan(decorrelateSubqueries((await bind(sql)).plan))[1] ?? '';
  // As a join filter, `3 = a` would drop u's NULL rows instead of making the answer NULL.
  assert.equal(
    await decorrelated('select * from t where 3 not in (select a from u)'),
    '  Filter 3 NOT IN (SubPlan 1)',
  );
  assert.equal(
    await decorrelated('select * from t where (a, 2) not in (select a, d from u)'),
    '  Filter NOT true IN (SubPlan 1)',
  );
  // Plain IN (a semi join) needs no NULL answer.
  assert.equal(
    await decorrelated('select * from t where (a, 2) in (select a, d from u)'),
    '  HashJoin semi (build right) on a#1 = a#4 AND 2 = d#5',
  );
});
