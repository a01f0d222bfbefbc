import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call } from '../plan/bound-expr.js';
import { Types } from '../../src/common/sql-types.js';
import { classifyPushdown } from './pruning.js';
import { and, col, eq, gt, i8, Ids, or, param, subquery } from './test-plans.js';

test('classifies pushed conjuncts by what statistics can do with them', () => {
  const ids = new Ids();
  const t = ids.scan('t', ['a', 'b']);
  assert.equal(classifyPushdown(gt(col(t, 'a'), i8(3))), 'exact');
  assert.equal(classifyPushdown(eq(param(0), col(t, 'a'))), 'exact');
  assert.equal(classifyPushdown(and(gt(col(t, 'a'), i8(3)), gt(i8(9), col(t, 'a')))), 'exact');
  assert.equal(classifyPushdown(or(eq(col(t, 'a'), i8(1)), eq(col(t, 'a'), i8(2)))), 'inexact');
  assert.equal(classifyPushdown(gt(call('abs', Types.int8, [col(t, 'a')]), i8(3))), 'inexact');
  assert.equal(classifyPushdown(eq(col(t, 'a'), col(t, 'b'))), 'unsupported');
  assert.equal(classifyPushdown(subquery('exists', t)), 'unsupported');
});
