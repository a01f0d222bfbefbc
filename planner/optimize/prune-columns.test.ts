import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import {
  aggregate,
  aggregateCall,
  filter,
  join,
  planColumn,
  project,
  setOp,
  window,
  windowCall,
} from '../plan/plan-factories.js';
import { pruneColumns } from './prune-columns.js';
import { col, eq, gt, i8, Ids, plus, show } from './test-plans.js';

const lines = (...l: string[]): string => l.join('\n');

test('scans read only what is used above; unused project outputs and aggregates go', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a', 'b', 'c', 'd']);
  const u = ids.scan('u', ['a', 'e']);
  const j = join('inner', filter(t, gt(col(t, 'b'), i8(1))), u, eq(col(t, 'a'), col(u, 'a')));
  const s = planColumn(ids.fresh(), 's', Types.int8);
  const n = planColumn(ids.fresh(), 'n', Types.int8);
  const agg = aggregate(
    j,
    [col(t, 'c')],
    [
      aggregateCall('sum', [col(u, 'e')], Types.int8),
      aggregateCall('max', [col(t, 'd')], Types.int8),
    ],
    [t.columns[2]!, s, n],
  );
  const x = planColumn(ids.fresh(), 'x', Types.int8);
  const p = project(agg, [plus(col(agg, 's'), i8(1)), col(agg, 'c')], [x, t.columns[2]!]);
  const top = project(p, [col(p, 'x')]);
  assert.equal(
    show(pruneColumns(top)),
    lines(
      'Project x#9',
      '  Project s#7 + 1 AS x#9',
      '    Aggregate keys: c#3 aggs: sum(e#6) AS s#7',
      '      HashJoin inner (build right) on a#1 = a#5',
      '        Filter b#2 > 1',
      '          Scan s.t [a#1, b#2, c#3]',
      '        Scan s.u [a#5, e#6]',
    ),
  );
});

test('the root keeps every column; scan filters keep theirs', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a', 'b', 'c']);
  const scanned = { ...t, filters: [gt(col(t, 'c'), i8(0))] };
  const p = project(scanned, [col(t, 'b'), col(t, 'a')]);
  assert.equal(
    show(pruneColumns(p)),
    lines('Project b#2, a#1', '  Scan s.t [a#1, b#2, c#3] filters: c#3 > 0'),
  );
  const q = project(t, [col(t, 'b')]);
  assert.equal(show(pruneColumns(q)), lines('Project b#2', '  Scan s.t [b#2]'));
  // Under a computed projection, a column-picking one drops the filter's column at the
  // scan (the executor runs it in the workers, with the scan).
  const x = planColumn(ids.fresh(), 'x', Types.int8);
  const r = project(scanned, [plus(col(t, 'b'), i8(1))], [x]);
  assert.equal(
    show(pruneColumns(r)),
    lines('Project b#2 + 1 AS x#4', '  Project b#2', '    Scan s.t [b#2, c#3] filters: c#3 > 0'),
  );
  // A projection that renames stays: the one above reads its new ids.
  const y = planColumn(ids.fresh(), 'y', Types.int8);
  const renamed = project(t, [col(t, 'a')], [y]);
  assert.equal(
    show(pruneColumns(project(renamed, [col(renamed, 'y')]))),
    lines('Project y#5', '  Project a#1 AS y#5', '    Scan s.t [a#1]'),
  );
});

test('union all drops positions in every branch; windows drop unread calls', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a', 'b']);
  const u = ids.scan('u', ['c', 'd']);
  const o1 = planColumn(ids.fresh(), 'x', Types.int8);
  const o2 = planColumn(ids.fresh(), 'y', Types.int8);
  const un = setOp('union', true, [t, u], [o1, o2]);
  assert.equal(
    show(pruneColumns(project(un, [col(un, 'y')]))),
    lines('Project y#6', '  Union all [y#6]', '    Scan s.t [b#2]', '    Scan s.u [d#4]'),
  );
  const distinct = setOp('union', false, [t, u], [o1, o2]);
  assert.match(
    show(pruneColumns(project(distinct, [col(distinct, 'y')]))),
    /Scan s.t \[a#1, b#2\]/,
  );
  const r = planColumn(ids.fresh(), 'r', Types.int8);
  const w = window(t, [windowCall('rank', [], Types.int8, { partitionBy: [col(t, 'a')] })], [r]);
  assert.equal(
    show(pruneColumns(project(w, [col(w, 'b')]))),
    lines('Project b#2', '  Scan s.t [b#2]'),
  );
});
