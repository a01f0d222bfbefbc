import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readDecimal128, readDecimal128Text, writeDecimal128 } from './decimal128.js';
import { parseDecimal, rescale } from './decimal-text.js';

/** The words must hold exactly the unscaled value the BigInt arithmetic gives. */
it('writes Decimal128 words exactly, short values without BigInt included', () => {
  const cases: [string, number][] = [
    ['0', 2],
    ['-0.00', 2],
    ['1', 0],
    ['-1', 0],
    ['12.5', 4],
    ['-12.5', 4],
    ['4294967295', 0],
    ['4294967296', 0],
    ['-4294967296', 0],
    ['-4294967297', 0],
    ['999999999999999', 0],
    ['-999999999999999', 0],
    ['99999999999.9999', 6], // past 2^53 at scale 6: the BigInt path
    ['0.125', 2], // rounds: the BigInt path
    ['123456789012345678901234567890', 0],
    ['-0.000001', 6],
  ];
  const words = new Uint32Array(4 * cases.length);
  cases.forEach(([text, scale], i) => writeDecimal128(words, i, text, scale));
  cases.forEach(([text, scale], i) => {
    const d = parseDecimal(text);
    assert.ok(d !== null && typeof d !== 'string');
    assert.equal(readDecimal128(words, i), rescale(d, scale), `${text} at scale ${scale}`);
  });
  assert.equal(readDecimal128Text(words, 5, 4), '-12.5000');
});
