import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import { filter, project, planColumn } from '../plan/plan-factories.js';
import { printExpr } from '../plan/print-expr.js';
import { foldConstants, foldExpr } from './fold-constants.js';
import {
  and,
  bool,
  cmp,
  col,
  eq,
  gt,
  i4,
  i8,
  Ids,
  lit,
  lt,
  not,
  or,
  plus,
  show,
  txt,
} from './test-plans.js';

const ids = new Ids();
const t = ids.scan('t', ['a', 'b']);
const a = col(t, 'a');
const b = col(t, 'b');
const ctx = { names: new Map(t.columns.map((c) => [c.id, c.name])), subPlan: () => 0 };
const fold = (e: BoundExpr): string => printExpr(foldExpr(e), ctx);

test('three-valued AND/OR with constants', () => {
  assert.equal(fold(and(gt(a, i8(1)), bool(true), gt(b, i8(2)))), 'a#1 > 1 AND b#2 > 2');
  assert.equal(fold(and(gt(a, i8(1)), bool(false))), 'false');
  assert.equal(fold(or(gt(a, i8(1)), bool(true))), 'true');
  assert.equal(fold(or(bool(false), gt(a, i8(1)))), 'a#1 > 1');
  // NULL AND x is not foldable (false when x is false), but it stays NULL-aware.
  assert.equal(fold(and(bool(null), gt(a, i8(1)))), 'a#1 > 1 AND NULL::boolean');
  assert.equal(fold(and(bool(null), bool(false))), 'false');
  assert.equal(fold(or(bool(null), bool(false))), 'NULL::boolean');
  assert.equal(fold(and(and(gt(a, i8(1)), gt(b, i8(1))), bool(true))), 'a#1 > 1 AND b#2 > 1');
});

test('NOT, comparisons of constants, strict NULL propagation', () => {
  assert.equal(fold(not(bool(true))), 'false');
  assert.equal(fold(not(not(gt(a, i8(1))))), 'a#1 > 1');
  assert.equal(fold(not(lt(a, i8(1)))), 'a#1 >= 1');
  assert.equal(fold(cmp('<', i4(1), i4(2))), 'true');
  assert.equal(fold(cmp('>=', i8(1), i8(2))), 'false');
  assert.equal(fold(eq(txt('x'), txt('x'))), 'true');
  // Text order depends on the collation: left alone.
  assert.equal(fold(cmp('<', txt('a'), txt('B'))), "'a' < 'B'");
  // NaN sorts above everything in PostgreSQL, unlike in JavaScript.
  assert.equal(
    fold(cmp('<', lit(Types.float8, NaN), lit(Types.float8, 1))),
    "'NaN'::double precision < 1",
  );
  assert.equal(fold(eq(a, lit(Types.int8, null))), 'NULL::boolean');
  assert.equal(fold(plus(i8(1), lit(Types.int8, null))), 'NULL::bigint');
  // Arithmetic may overflow at run time: never folded.
  assert.equal(fold(plus(i8(1), i8(2))), '1 + 2');
});

test('CASE, COALESCE and casts', () => {
  const c: BoundExpr = {
    kind: 'case',
    type: Types.int8,
    whens: [
      { when: bool(false), then: i8(1) },
      { when: gt(a, i8(0)), then: i8(2) },
    ],
    otherwise: i8(3),
  };
  assert.equal(fold(c), 'CASE WHEN a#1 > 0 THEN 2 ELSE 3 END');
  assert.equal(fold({ ...c, whens: [{ when: bool(true), then: b }, ...c.whens] }), 'b#2');
  assert.equal(fold({ ...c, whens: [{ when: lit(Types.bool, null), then: b }] }), '3');
  const co: BoundExpr = {
    kind: 'coalesce',
    type: Types.int8,
    args: [lit(Types.int8, null), i8(5), a],
  };
  assert.equal(fold(co), '5');
  assert.equal(fold({ ...co, args: [lit(Types.int8, null), a] }), 'a#1');
  assert.equal(
    fold({ kind: 'cast', type: Types.int4, operand: i8(99999999999) }),
    '99999999999::integer',
  );
  assert.equal(
    fold({ kind: 'cast', type: Types.int4, operand: lit(Types.int8, null) }),
    'NULL::integer',
  );
});

test('Filter(true) disappears, Filter(false) becomes an empty VALUES', () => {
  const p = project(filter(t, or(bool(false), and(bool(true), eq(i4(1), i4(1))))), [a]);
  assert.equal(
    show(p),
    ['Project a#1', '  Filter false OR (true AND 1 = 1)', '    Scan s.t [a#1, b#2]'].join('\n'),
  );
  assert.equal(show(foldConstants(p)), ['Project a#1', '  Scan s.t [a#1, b#2]'].join('\n'));
  const f = filter(t, and(gt(a, i8(1)), eq(i4(1), i4(2))));
  assert.equal(show(foldConstants(f)), 'Values (0 rows) [a#1, b#2]');
  const n = filter(t, and(gt(a, i8(1)), lit(Types.bool, null)));
  assert.equal(
    show(foldConstants(n)),
    ['Filter a#1 > 1 AND NULL::boolean', '  Scan s.t [a#1, b#2]'].join('\n'),
  );
  void planColumn;
});
