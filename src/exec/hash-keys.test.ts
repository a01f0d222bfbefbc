import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../common/sql-types.js';
import { canonicalNumeric, encodeRowKey, hashKeyColumn } from './hash-keys.js';

test('numeric keys ignore the scale; bpchar trailing blanks; intervals by span', () => {
  assert.deepEqual(['1.0', '1.00', '1', '-0.0', '0', '10', '10.50', 'NaN'].map(canonicalNumeric), [
    '1',
    '1',
    '1',
    '0',
    '0',
    '10',
    '10.5',
    'NaN',
  ]);
  const [a, b] = hashKeyColumn([['a  ', 'a']], [Types.bpchar(3)], 2, false);
  assert.equal(a, b);
  const [m, d] = hashKeyColumn(
    [
      [
        { months: 1, days: 0, micros: 0n },
        { months: 0, days: 30, micros: 0n },
      ],
    ],
    [Types.interval],
    2,
    false,
  );
  assert.equal(m, d);
});

test('several columns: NULL never matches in joins, equals itself in set operations', () => {
  const cols = [
    [1, null, 1],
    ['x', 'x', 'x'],
  ];
  const types = [Types.int4, Types.text];
  const join = hashKeyColumn(cols, types, 3, false);
  assert.equal(join[1], null);
  assert.equal(join[0], join[2]);
  const set = hashKeyColumn(cols, types, 3, true);
  assert.notEqual(set[1], null);
  assert.notEqual(set[0], set[1]);
});

test('encodings never collide across column boundaries or types', () => {
  const k1 = encodeRowKey([['ab'], ['c']], 0);
  const k2 = encodeRowKey([['a'], ['bc']], 0);
  assert.notEqual(k1, k2);
  assert.notEqual(encodeRowKey([[1]], 0), encodeRowKey([['1']], 0));
  assert.notEqual(encodeRowKey([[1]], 0), encodeRowKey([[1n]], 0));
  assert.equal(encodeRowKey([[-0]], 0), encodeRowKey([[0]], 0));
  assert.equal(
    encodeRowKey([[new Uint8Array([1, 2])]], 0),
    encodeRowKey([[new Uint8Array([1, 2])]], 0),
  );
});
