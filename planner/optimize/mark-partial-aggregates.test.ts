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
} from '../plan/plan-factories.js';
import { markPartialAggregates } from './mark-partial-aggregates.js';
import { col, eq, gt, i8, Ids, show } from './test-plans.js';

test('aggregates over a single scan run partially in the workers', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['k', 'v']);
  const s = planColumn(ids.fresh(), 's', Types.int8);
  const over = (
    input: typeof t | ReturnType<typeof filter> | ReturnType<typeof join>,
    distinct = false,
  ) =>
    aggregate(
      input,
      [col(t, 'k')],
      [aggregateCall('sum', [col(t, 'v')], Types.int8, { distinct })],
      [t.columns[0]!, s],
    );
  const simple = over(filter(t, gt(col(t, 'v'), i8(0))));
  assert.equal(
    show(markPartialAggregates(simple)),
    [
      'Aggregate partial keys: k#1 aggs: sum(v#2) AS s#3',
      '  Filter v#2 > 0',
      '    Scan s.t [k#1, v#2]',
    ].join('\n'),
  );
  assert.equal(show(markPartialAggregates(over(t, true))), show(over(t, true)));
  const u = ids.scan('u', ['k']);
  const joined = over(join('inner', t, u, eq(col(t, 'k'), col(u, 'k'))));
  assert.equal(show(markPartialAggregates(joined)), show(joined));
  const p = over(project(t, [col(t, 'k'), col(t, 'v')]) as unknown as typeof t);
  assert.match(show(markPartialAggregates(p)), /^Aggregate partial/);
});
