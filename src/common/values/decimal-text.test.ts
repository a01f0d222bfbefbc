import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatDecimal,
  formatSmallDecimal,
  parseDecimal,
  readSmallDecimal,
  smallDecimal,
} from './decimal-text.js';

/** Random plain decimal text of up to `digits` digits at a random scale. */
function randomText(digits: number): string {
  const n = 1 + Math.floor(Math.random() * digits);
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(Math.random() * 10));
  const scale = Math.floor(Math.random() * (n + 1));
  const body = scale === 0 ? s : `${s.slice(0, n - scale) || '0'}.${s.slice(n - scale)}`;
  return Math.random() < 0.5 ? `-${body}` : body;
}

test('the small-decimal fast path agrees with the BigInt path', () => {
  for (let k = 0; k < 20000; k++) {
    const text = randomText(17);
    const d = parseDecimal(text + ' '); // trailing space: general path
    assert.ok(d !== null && typeof d !== 'string');
    const fast = readSmallDecimal(text);
    const digits = text.replace(/[-.]/g, '').length;
    assert.equal(fast, digits <= 15, text);
    if (fast) {
      assert.equal(BigInt(smallDecimal.unscaled), d.unscaled, text);
      assert.equal(smallDecimal.scale, d.scale, text);
      assert.equal(
        formatSmallDecimal(smallDecimal.unscaled, smallDecimal.scale),
        formatDecimal(d.unscaled, d.scale),
      );
    }
  }
});

test('formatSmallDecimal near 2^53 and at every scale', () => {
  for (const u of [0, 1, -1, 9, 2 ** 53 - 1, -(2 ** 53 - 1), 8999999999999999, 1000000000000000]) {
    for (let s = 0; s <= 20; s++)
      assert.equal(formatSmallDecimal(u, s), formatDecimal(BigInt(u), s), `${u} ${s}`);
  }
});

test('readSmallDecimal refuses what the general parser must see', () => {
  for (const t of [
    '',
    '-',
    '.',
    ' 1',
    '1e5',
    'NaN',
    'Infinity',
    '1.2.3',
    '1234567890123456',
    '--1',
  ]) {
    assert.equal(readSmallDecimal(t), false, t);
  }
  assert.deepEqual(parseDecimal('-0.00'), { unscaled: 0n, scale: 2 });
  assert.deepEqual(parseDecimal('+1.'), { unscaled: 1n, scale: 0 });
  assert.deepEqual(parseDecimal('.5'), { unscaled: 5n, scale: 1 });
});
