import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import {
  filter,
  limit,
  planColumn,
  project,
  setOp,
  sort,
  sortKey,
} from '../plan/plan-factories.js';
import { pushDownLimit } from './push-down-limit.js';
import { fuseTopN } from './top-n.js';
import { col, gt, i8, Ids, param, plus, show } from './test-plans.js';

const lines = (...l: string[]): string => l.join('\n');

test('limit moves below projections into a filter-free scan, keeping the outer limit', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a']);
  const x = planColumn(ids.fresh(), 'x', Types.int8);
  const p = limit(project(t, [plus(col(t, 'a'), i8(1))], [x]), i8(10), i8(5));
  assert.equal(
    show(p),
    lines('Limit 10 offset 5', '  Project a#1 + 1 AS x#2', '    Scan s.t [a#1]'),
  );
  assert.equal(
    show(pushDownLimit(p)),
    lines('Project a#1 + 1 AS x#2', '  Limit 10 offset 5', '    Scan s.t [a#1] limit: 15'),
  );
  // A filter in the scan or a parameter count stops it.
  const f = limit({ ...t, filters: [gt(col(t, 'a'), i8(0))] }, i8(3));
  assert.equal(show(pushDownLimit(f)), show(f));
  const prm = limit(t, param(0));
  assert.equal(show(pushDownLimit(prm)), show(prm));
  assert.equal(
    show(pushDownLimit(limit(filter(t, gt(col(t, 'a'), i8(0))), i8(3)))),
    lines('Limit 3', '  Filter a#1 > 0', '    Scan s.t [a#1]'),
  );
});

test('limit copies into union all branches', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a']);
  const u = ids.scan('u', ['b']);
  const out = planColumn(ids.fresh(), 'a', Types.int8);
  const p = limit(
    setOp('union', true, [t, filter(u, gt(col(u, 'b'), i8(1)))], [out]),
    i8(4),
    i8(1),
  );
  assert.equal(
    show(pushDownLimit(p)),
    lines(
      'Limit 4 offset 1',
      '  Union all [a#3]',
      '    Limit 5',
      '      Scan s.t [a#1] limit: 5',
      '    Limit 5',
      '      Filter b#2 > 1',
      '        Scan s.u [b#2]',
    ),
  );
  assert.equal(show(pushDownLimit(pushDownLimit(p))), show(pushDownLimit(p)));
});

test('limit over sort becomes TopN', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a']);
  const p = limit(sort(t, [sortKey(col(t, 'a'), true)]), i8(3), i8(2));
  assert.equal(show(fuseTopN(p)), lines('TopN 3 offset 2 by a#1 DESC', '  Scan s.t [a#1]'));
  const all = limit(sort(t, [sortKey(col(t, 'a'))]), null, i8(2));
  assert.equal(show(fuseTopN(all)), show(all));
});
