import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types, type SqlType } from '../sql-types.js';
import type { SqlValue } from '../sql-value.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../sql-value.js';
import { arrowTypeOf } from '../arrow-types.js';
import { buildVector } from './build-vector.js';
import { readColumn, readValue } from './read-value.js';

const columns: [SqlType, SqlValue[]][] = [
  [Types.bool, [true, null, false, true, true, false, true, false, true]],
  [Types.int2, [-32768, null, 32767]],
  [Types.int4, [-2147483648, 0, null]],
  [Types.int8, [-9223372036854775808n, null, 9223372036854775807n]],
  [Types.oid, [4294967295, null]],
  [Types.float4, [Math.fround(0.1), -0, NaN, null]],
  [Types.float8, [0.1, -Infinity, null]],
  [Types.numeric(38, 9), ['12345678901234567890123456789.123456789', '-0.000000001', null]],
  [Types.numeric(), ['-12.500000', '0.000000']],
  [Types.numeric(5, 0), ['99999', '-1']],
  [Types.text, ['héllo ✓', '', null]],
  [Types.bytea, [Uint8Array.of(0, 255), new Uint8Array(0), null]],
  [Types.uuid, ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', null]],
  [Types.date, [-719893, 19782, Infinity, -Infinity, null]],
  [Types.time, [86_400_000_000n, 1n, null]],
  // Microsecond precision below and above 2^53 ms must survive (builders would round to ms).
  [
    Types.timestamp,
    [-62_135_596_800_000_001n, 1n, TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY, null],
  ],
  [Types.timestamptz, [1_704_164_645_500_001n, null]],
  [Types.interval, [{ months: -14, days: 3, micros: -14_706_000_001n }, null]],
  [Types.array(Types.int4), [[1, null, 3], [], null]],
  [Types.array(Types.text), [['a b', null], null, ['x']]],
];

describe('buildVector / readColumn round-trip exactly', () => {
  for (const [type, values] of columns) {
    it(type.kind, () => {
      const vector = buildVector(type, values);
      assert.equal(vector.type.typeId, arrowTypeOf(type).typeId);
      assert.equal(vector.length, values.length);
      assert.equal(vector.nullCount, values.filter((v) => v === null).length);
      assert.deepEqual(readColumn(vector, type), values);
    });
  }

  it('reads sliced vectors at the right rows', () => {
    const vector = buildVector(Types.bool, [
      true,
      false,
      null,
      true,
      false,
      true,
      false,
      false,
      true,
      null,
    ]);
    const sliced = vector.slice(3, 9);
    assert.deepEqual(readColumn(sliced, Types.bool), [true, false, true, false, false, true]);
    const ts = buildVector(Types.timestamp, [1n, 2n, null, 4n]).slice(1);
    assert.deepEqual(readColumn(ts, Types.timestamp), [2n, null, 4n]);
    const texts = buildVector(Types.text, ['a', 'bc', null, 'd']).slice(1, 3);
    assert.equal(readValue(texts, Types.text, 0), 'bc');
    assert.equal(readValue(texts, Types.text, 1), null);
  });

  it('stores Decimal128 at the column scale, rounding half away from zero', () => {
    const v = buildVector(Types.numeric(10, 2), ['1.005', '-1.005', '7']);
    assert.deepEqual(readColumn(v, Types.numeric(10, 2)), ['1.01', '-1.01', '7.00']);
  });
});
