import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntegerIds } from './integer-ids.js';

test('integer ids match a Map over many keys, through growth, both signs and 2^53', () => {
  const table = new IntegerIds();
  const reference = new Map<number, number>();
  const edge = [
    0,
    -0,
    1,
    -1,
    2 ** 31,
    -(2 ** 31),
    2 ** 32,
    2 ** 32 + 1,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ];
  const keys = [
    ...edge,
    ...Array.from(
      { length: 200_000 },
      (_, i) => ((i * 2654435761) % 100_003) * (i % 2 ? 4096 : -7),
    ),
  ];
  for (const key of keys) {
    const expected = reference.get(key) ?? reference.size;
    reference.set(key, expected);
    assert.equal(table.idOf(key, table.size), expected, `key ${key}`);
  }
  assert.equal(table.size, reference.size);
  // -0 and 0 are one key, as GROUP BY and SameValueZero have it.
  assert.equal(table.idOf(-0, table.size), reference.get(0));
});
