import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { HashGrouping } from '../aggregates/hash-grouping.js';
import { assignVecGroups } from './vec-group-ids.js';
import { vecColumn } from './vec-batch.js';
import { materializeVec } from './materialize-vec.js';
import type { Vec } from './vec.js';

/**
 * Group ids from typed keys against the grouping fed the same keys as SqlValues: the
 * same partition of rows into groups, and the same key values per group, for
 * dictionary keys (with NULLs, and a dictionary whose entries repeat), numbers and mixes.
 */
const n = 5000;
const flag: Vec = {
  kind: 'dict',
  indices: Int32Array.from({ length: n }, (_, i) => i % 3),
  dictionary: ['A', 'N', 'R'],
  valid: Uint8Array.from({ length: n }, (_, i) => (i % 17 === 0 ? 0 : 1)),
};
const status: Vec = {
  kind: 'dict',
  indices: Int32Array.from({ length: n }, (_, i) => (i * 7) % 4),
  // Two entries spell the same value: their rows belong to one group.
  dictionary: ['F', 'O', 'F', 'P'],
  valid: null,
};
const days: Vec = {
  kind: 'exact',
  values: Float64Array.from({ length: n }, (_, i) => 9000 + (i % 40)),
  valid: null,
  scale: 0,
};

function partition(ids: Int32Array, keys: readonly SqlValue[][]): string[] {
  const byGroup = new Map<number, string>();
  ids.forEach((g, i) => byGroup.set(g, JSON.stringify(keys.map((k) => k[i]))));
  return Array.from(ids, (g) => byGroup.get(g)!);
}

describe('typed group ids', () => {
  const cases: [string, Vec[]][] = [
    ['two dictionary keys', [flag, status]],
    ['a dictionary key and a number', [flag, days]],
    ['one number', [days]],
  ];
  for (const [name, vecs] of cases) {
    it(`group rows as the SqlValue grouping does: ${name}`, () => {
      const types = vecs.map((v) => (v.kind === 'dict' ? Types.text : Types.date));
      const columns = vecs.map((v, k) => vecColumn(v, types[k]!));
      const values = vecs.map((v, k) => materializeVec(v, types[k]!));
      const typed = new HashGrouping(types, [], 1 << 30);
      const plain = new HashGrouping(types, [], 1 << 30);
      const a = assignVecGroups(typed, columns, n);
      const b = plain.assign(values, n);
      assert.equal(typed.groupCount, plain.groupCount);
      assert.deepEqual(partition(a, values), partition(b, values));
      // Each group's key values are those of its rows.
      for (let i = 0; i < n; i += 97)
        values.forEach((col, k) => assert.deepEqual(typed.keyValues[k]![a[i]!], col[i]));
    });
  }
});
