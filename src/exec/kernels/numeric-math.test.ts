import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNumeric } from './compare-values.js';
import { numericAdd, numericMul } from './numeric-math.js';
import { arithmeticKernel } from './arithmetic.js';
import { Types } from '../../common/sql-types.js';
import type { EvalContext } from '../eval-context.js';

function randomText(digits: number): string {
  const n = 1 + Math.floor(Math.random() * digits);
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(Math.random() * 10));
  const scale = Math.floor(Math.random() * (n + 1));
  const body = scale === 0 ? s : `${s.slice(0, n - scale) || '0'}.${s.slice(n - scale)}`;
  return Math.random() < 0.5 ? `-${body}` : body;
}

// A trailing space keeps a value off the double fast path, so it is the BigInt reference.
test('numeric + - * and comparison: double fast path = BigInt path', () => {
  for (let k = 0; k < 20000; k++) {
    const a = randomText(16);
    const b = randomText(16);
    assert.equal(numericAdd(a, b), numericAdd(`${a} `, b), `${a} + ${b}`);
    assert.equal(numericAdd(a, b, true), numericAdd(`${a} `, b, true), `${a} - ${b}`);
    assert.equal(numericMul(a, b), numericMul(`${a} `, b), `${a} * ${b}`);
    assert.equal(compareNumeric(a, b), compareNumeric(`${a} `, b), `${a} ? ${b}`);
  }
});

test('int4 arithmetic on doubles: overflow, truncation, no negative zero', async () => {
  const run = async (op: '+' | '-' | '*' | '/' | '%', a: number, b: number) =>
    (
      await arithmeticKernel(op)({
        args: [[a], [b]],
        argTypes: [Types.int4, Types.int4],
        resultType: Types.int4,
        rowCount: 1,
        ctx: {} as EvalContext,
      })
    )[0];
  assert.equal(await run('/', -7, 2), -3);
  assert.equal(await run('%', -7, 2), -1);
  assert.ok(Object.is(await run('*', -3, 0), 0));
  assert.ok(Object.is(await run('%', -4, 2), 0));
  assert.equal(await run('%', -2147483648, -1), 0);
  assert.equal(await run('*', 46340, 46340), 2147395600);
  await assert.rejects(run('*', 46341, 46341), /integer out of range/);
  await assert.rejects(run('/', -2147483648, -1), /integer out of range/);
  await assert.rejects(run('+', 2147483647, 1), /integer out of range/);
  await assert.rejects(run('/', 1, 0), /division by zero/);
});
