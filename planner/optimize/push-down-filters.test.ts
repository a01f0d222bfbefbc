import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import { call, type BoundExpr } from '../plan/bound-expr.js';
import {
  aggregate,
  aggregateCall,
  filter,
  join,
  limit,
  planColumn,
  project,
  setOp,
  window,
  windowCall,
} from '../plan/plan-factories.js';
import { pushDownFilters } from './push-down-filters.js';
import { and, col, eq, gt, i8, Ids, lt, param, plus, show, subquery } from './test-plans.js';

const lines = (...l: string[]): string => l.join('\n');

test('comma joins: WHERE conjuncts go into scans and become join conditions', () => {
  const ids = new Ids();
  const a = ids.scan('a', ['x', 'y']);
  const b = ids.scan('b', ['x', 'z']);
  const c = ids.scan('c', ['z']);
  const from = join('cross', join('cross', a, b, null), c, null);
  const where = and(
    eq(col(a, 'x'), col(b, 'x')),
    gt(col(a, 'y'), param(0)),
    eq(col(b, 'z'), col(c, 'z')),
    lt(col(c, 'z'), i8(5)),
  );
  const before = filter(from, where);
  assert.equal(
    show(before),
    lines(
      'Filter x#1 = x#3 AND y#2 > $1 AND z#4 = z#5 AND z#5 < 5',
      '  NestedLoopJoin cross',
      '    NestedLoopJoin cross',
      '      Scan s.a [x#1, y#2]',
      '      Scan s.b [x#3, z#4]',
      '    Scan s.c [z#5]',
    ),
  );
  assert.equal(
    show(pushDownFilters(before)),
    lines(
      'HashJoin inner (build right) on z#4 = z#5',
      '  HashJoin inner (build right) on x#1 = x#3',
      '    Scan s.a [x#1, y#2] filters: y#2 > $1',
      '    Scan s.b [x#3, z#4]',
      '  Scan s.c [z#5] filters: z#5 < 5',
    ),
  );
});

test('left joins: WHERE filters the preserved side, ON filters the other', () => {
  const ids = new Ids();
  const a = ids.scan('a', ['x']);
  const b = ids.scan('b', ['x', 'y']);
  const j = join(
    'left',
    a,
    b,
    and(eq(col(a, 'x'), col(b, 'x')), gt(col(b, 'y'), i8(1)), gt(col(a, 'x'), i8(2))),
  );
  // COALESCE lets the null-extended rows through, so the join stays a left join
  // (a strict `y < 9` would make it inner: null-rejecting.test.ts).
  const y0: BoundExpr = { kind: 'coalesce', type: Types.int8, args: [col(b, 'y'), i8(0)] };
  const f = filter(j, and(gt(col(a, 'x'), i8(3)), lt(y0, i8(9))));
  assert.equal(
    show(pushDownFilters(f)),
    lines(
      'Filter COALESCE(y#3, 0) < 9',
      '  HashJoin left (build right) on x#1 = x#2 AND x#1 > 2',
      '    Scan s.a [x#1] filters: x#1 > 3',
      '    Scan s.b [x#2, y#3] filters: y#3 > 1',
    ),
  );
});

test('through projections (substituted) and aggregates (group keys only)', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['k', 'v']);
  const sumCol = planColumn(ids.fresh(), 's', Types.int8);
  const agg = aggregate(
    t,
    [col(t, 'k')],
    [aggregateCall('sum', [col(t, 'v')], Types.int8)],
    [t.columns[0]!, sumCol],
  );
  const k2 = planColumn(ids.fresh(), 'k2', Types.int8);
  const p = project(agg, [plus(col(agg, 'k'), i8(1)), col(agg, 's')], [k2, sumCol]);
  const f = filter(p, and(gt(col(p, 'k2'), i8(10)), gt(col(p, 's'), i8(100))));
  assert.equal(
    show(pushDownFilters(f)),
    lines(
      'Project k#1 + 1 AS k2#4, s#3',
      '  Filter s#3 > 100',
      '    Aggregate keys: k#1 aggs: sum(v#2) AS s#3',
      '      Scan s.t [k#1, v#2] filters: (k#1 + 1) > 10',
    ),
  );
  // With a volatile projection the conjunct stays above it.
  const rnd = planColumn(ids.fresh(), 'r', Types.float8);
  const pr = project(t, [call('random', Types.float8, [])], [rnd]);
  const fr = filter(pr, gt(col(pr, 'r'), i8(0)));
  assert.equal(show(pushDownFilters(fr)), show(fr));
});

test('never below a limit; subqueries stay out of scans; set-op branches and windows', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['k', 'v']);
  const lim = filter(limit(t, i8(5)), gt(col(t, 'v'), i8(1)));
  assert.equal(show(pushDownFilters(lim)), show(lim));
  const u = ids.scan('u', ['k']);
  const sub = subquery('exists', filter(u, eq(col(u, 'k'), col(t, 'k'))));
  const fs = filter(t, and(sub, gt(col(t, 'v'), i8(1))));
  assert.equal(
    show(pushDownFilters(fs)),
    lines(
      'Filter EXISTS(SubPlan 1)',
      '  Scan s.t [k#1, v#2] filters: v#2 > 1',
      '  SubPlan 1',
      '    Filter k#3 = k#1',
      '      Scan s.u [k#3]',
    ),
  );
  const out = planColumn(ids.fresh(), 'k', Types.int8);
  const un = setOp('union', true, [project(t, [col(t, 'k')]), u], [out]);
  assert.equal(
    show(pushDownFilters(filter(un, gt(col(un, 'k'), i8(7))))),
    lines(
      'Union all [k#4]',
      '  Project k#1',
      '    Scan s.t [k#1, v#2] filters: k#1 > 7',
      '  Scan s.u [k#3] filters: k#3 > 7',
    ),
  );
  const rank = planColumn(ids.fresh(), 'r', Types.int8);
  const w = window(t, [windowCall('rank', [], Types.int8, { partitionBy: [col(t, 'k')] })], [rank]);
  const fw = filter(w, and(gt(col(w, 'k'), i8(1)), gt(col(w, 'v'), i8(2)), lt(col(w, 'r'), i8(3))));
  assert.equal(
    show(pushDownFilters(fw)),
    lines(
      'Filter v#2 > 2 AND r#5 < 3',
      '  Window rank() OVER (PARTITION BY k#1) AS r#5',
      '    Scan s.t [k#1, v#2] filters: k#1 > 1',
    ),
  );
});
