import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../plan/bound-expr.js';
import { filter } from '../plan/plan-factories.js';
import { printExpr } from '../plan/print-expr.js';
import { factorOr, factorOrConjuncts } from './factor-or-conjuncts.js';
import { and, col, eq, gt, i8, Ids, lt, or, show } from './test-plans.js';

const ids = new Ids();
const t = ids.scan('t', ['a', 'b', 'c']);
const [a, b, c] = [col(t, 'a'), col(t, 'b'), col(t, 'c')];
const ctx = { names: new Map(t.columns.map((x) => [x.id, x.name])), subPlan: () => 0 };
const text = (e: BoundExpr | undefined): string => (e ? printExpr(e, ctx) : 'unchanged');

test('a conjunct shared by every OR branch moves out of the OR', () => {
  const e = or(
    and(eq(a, b), gt(c, i8(1))),
    and(gt(c, i8(5)), eq(a, b)),
    and(eq(a, b), lt(c, i8(0))),
  );
  assert.equal(text(factorOr(e)), 'a#1 = b#2 AND (c#3 > 1 OR c#3 > 5 OR c#3 < 0)');
});

test('a branch that is only the shared part makes the OR the shared part', () => {
  assert.equal(text(factorOr(or(eq(a, b), and(eq(a, b), gt(c, i8(1)))))), 'a#1 = b#2');
});

test('branches sharing nothing stay as they are', () => {
  assert.equal(text(factorOr(or(gt(a, i8(1)), gt(b, i8(1))))), 'unchanged');
});

test('filters are rewritten in place', () => {
  const plan = filter(t, or(and(eq(a, b), gt(c, i8(1))), and(eq(a, b), gt(c, i8(2)))));
  assert.match(show(factorOrConjuncts(plan)), /Filter a#1 = b#2 AND \(c#3 > 1 OR c#3 > 2\)/);
});
