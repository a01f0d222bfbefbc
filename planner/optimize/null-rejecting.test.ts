import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import { call } from '../plan/bound-expr.js';
import { filter, join } from '../plan/plan-factories.js';
import { rejectsNulls } from './null-rejecting.js';
import { pushDownFilters } from './push-down-filters.js';
import { and, col, eq, i8, Ids, lt, or, plus, show } from './test-plans.js';

const lines = (...l: string[]): string => l.join('\n');

test('strict comparisons over a column reject its NULLs; COALESCE, IS NULL and OR with a non-rejecting arm do not', () => {
  const ids = new Ids();
  const a = ids.scan('a', ['x']);
  const b = ids.scan('b', ['y', 'z']);
  const right = new Set(b.columns.map((c) => c.id));
  const x = col(a, 'x');
  const y = col(b, 'y');
  const z = col(b, 'z');
  const cast = { kind: 'cast' as const, type: Types.float8, operand: y };
  assert.equal(rejectsNulls(lt(x, plus(y, i8(1))), right), true);
  assert.equal(rejectsNulls(lt(x, cast), right), true);
  assert.equal(rejectsNulls(call('is not null', Types.bool, [z]), right), true);
  assert.equal(rejectsNulls(and(lt(x, i8(1)), eq(y, i8(2))), right), true);
  assert.equal(rejectsNulls(or(eq(y, i8(1)), eq(z, i8(2))), right), true);
  assert.equal(rejectsNulls(lt(x, i8(1)), right), false);
  assert.equal(rejectsNulls(or(eq(y, i8(1)), eq(x, i8(2))), right), false);
  assert.equal(rejectsNulls(call('is null', Types.bool, [y]), right), false);
  const coalesce = { kind: 'coalesce' as const, type: Types.int8, args: [y, i8(0)] };
  assert.equal(rejectsNulls(eq(coalesce, i8(0)), right), false);
  assert.equal(rejectsNulls(call('not', Types.bool, [eq(y, i8(1))]), right), false);
});

test('a left join under a WHERE that rejects its null-extended rows becomes inner', () => {
  const ids = new Ids();
  const a = ids.scan('a', ['x', 'q']);
  const b = ids.scan('b', ['k', 'v']);
  const left = join('left', a, b, eq(col(a, 'x'), col(b, 'k')));
  // TPC-H Q17's shape: q < 0.2 * avg over the decorrelated subquery's left join.
  assert.equal(
    show(pushDownFilters(filter(left, lt(col(a, 'q'), plus(col(b, 'v'), i8(1)))))),
    lines(
      'HashJoin inner (build right) on q#2 < (v#4 + 1) AND x#1 = k#3',
      '  Scan s.a [x#1, q#2]',
      '  Scan s.b [k#3, v#4]',
    ),
  );
  // A filter on the preserved side only, or one NULL passes, keeps the join outer.
  assert.equal(
    show(pushDownFilters(filter(left, lt(col(a, 'q'), i8(5))))),
    lines(
      'HashJoin left (build right) on x#1 = k#3',
      '  Scan s.a [x#1, q#2] filters: q#2 < 5',
      '  Scan s.b [k#3, v#4]',
    ),
  );
  const isNull = call('is null', Types.bool, [col(b, 'v')]);
  assert.match(show(pushDownFilters(filter(left, isNull))), /HashJoin left/);
  // A right join rejected on its left (null-extended) side.
  const right = join('right', a, b, eq(col(a, 'x'), col(b, 'k')));
  assert.match(show(pushDownFilters(filter(right, eq(col(a, 'q'), i8(1))))), /HashJoin inner/);
  assert.match(show(pushDownFilters(filter(right, eq(col(b, 'v'), i8(1))))), /HashJoin right/);
});
