import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { likeRegExp } from '../kernels/predicates.js';
import { likeBytes, likeUtf8 } from './vec-like.js';

/** Values as a UTF-8 column, the way a Parquet BYTE_ARRAY chunk holds them. */
function utf8Column(values: readonly string[]) {
  const encoded = values.map((v) => new TextEncoder().encode(v));
  const offsets = new Int32Array(values.length + 1);
  encoded.forEach((e, i) => (offsets[i + 1] = offsets[i]! + e.length));
  const data = new Uint8Array(offsets[values.length]!);
  encoded.forEach((e, i) => data.set(e, offsets[i]));
  return { offsets, data, valid: null, rows: null };
}

const VALUES = [
  '',
  'a',
  'ab',
  'aba',
  'abba',
  'special requests',
  'sly special packages wake requests',
  'requests special',
  'spécial réquests',
  '😀 special 😀 requests 😀',
  'abcabc',
  'xabcx',
];

describe('LIKE on UTF-8 bytes', () => {
  it('agrees with the regex LIKE on every pattern of literals and %', () => {
    const patterns = [
      '',
      '%',
      '%%',
      'a',
      'a%',
      '%a',
      '%a%',
      'a%a',
      'ab%ba',
      'ab%b%a',
      '%special%requests%',
    ];
    patterns.push('spécial%', '%😀', '%😀%😀%', 'abc%abc', '%bc%', 'x%x', '%requests', 'requests%');
    const column = utf8Column(VALUES);
    for (const p of patterns) {
      const m = likeBytes(p);
      assert.ok(m, p);
      const got = [...likeUtf8(column, m).values];
      const want = VALUES.map((v) => (likeRegExp(p, false).test(v) ? 1 : 0));
      assert.deepEqual(got, want, `pattern ${JSON.stringify(p)}`);
    }
  });

  it('leaves _ and escapes to the regex path', () => {
    assert.equal(likeBytes('a_c'), null);
    assert.equal(likeBytes('100\\%'), null);
  });

  it('reads the rows of a selection and keeps NULLs NULL', () => {
    const column = { ...utf8Column(['ab', 'x', 'abc']), valid: Uint8Array.of(1, 0, 1) };
    const out = likeUtf8({ ...column, rows: Int32Array.of(2, 1) }, likeBytes('ab%')!);
    assert.deepEqual([...out.values], [1, 0]);
    assert.deepEqual(out.valid && [...out.valid], [1, 0]);
  });
});
