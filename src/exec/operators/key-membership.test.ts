import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_BITMAP_BITS,
  hasKey,
  keyMembership,
  listKeys,
  rowsWithKeys,
} from './key-membership.js';

/** Both forms against a plain Set: membership, distinct count, and the rows kept. */
function check(keys: (number | null)[], probes: number[]): void {
  const present = keys.filter((k): k is number => k !== null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const built = keyMembership(keys, min, max);
  assert.ok(built !== null);
  const { membership, distinct } = built;
  const set = new Set(present);
  assert.equal(distinct, set.size);
  assert.deepEqual(
    listKeys(membership),
    [...set].sort((a, b) => a - b),
  );
  assert.ok(
    membership.kind === 'bitmap'
      ? membership.bits.buffer instanceof SharedArrayBuffer
      : membership.keys.buffer instanceof SharedArrayBuffer,
  );
  for (const v of probes) assert.equal(hasKey(membership, v), set.has(v), `${v}`);
  const values = Float64Array.from(probes);
  const valid = Uint8Array.from(probes, (_, i) => (i % 5 === 0 ? 0 : 1));
  const expected = probes.flatMap((v, i) => (valid[i] === 1 && set.has(v) ? [i] : []));
  assert.deepEqual([...rowsWithKeys(membership, values, valid, probes.length)], expected);
  const all = probes.flatMap((v, i) => (set.has(v) ? [i] : []));
  assert.deepEqual([...rowsWithKeys(membership, values, null, probes.length)], all);
}

test('a dense range of keys is a bitmap', () => {
  const keys = [-20, 3, 3, null, 17, 64, 65, 1000];
  check(keys, [-21, -20, -19, 0, 3, 4, 16, 17, 63, 64, 65, 66, 999, 1000, 1001, 5000]);
  assert.equal(keyMembership(keys, -20, 1000)?.membership.kind, 'bitmap');
});

test('keys spread wider than a bitmap covers are a sorted set', () => {
  const far = MAX_BITMAP_BITS * 4;
  const keys = [5, far, -far, 12, 5, far + 1];
  check(keys, [5, 6, far, far - 1, far + 1, -far, -far + 1, 12, 0, far * 2]);
  assert.equal(keyMembership(keys, -far, far + 1)?.membership.kind, 'sorted');
});
