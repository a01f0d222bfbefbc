import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../../common/sql-value.js';
import { buildVector } from '../../common/values/build-vector.js';
import { DEFAULT_TEXT_OPTIONS } from '../../common/values/format-value.js';
import { encodeColumn } from './column-encoder.js';
import { decodeParam } from './param-decoder.js';
import { binarySender } from './binary-send.js';

// Expected hex is what PostgreSQL 15.18 returned for encode(<type>send(value), 'hex').
const us = (iso: string): bigint => BigInt(Date.parse(iso)) * 1000n;
const day = (iso: string): number => Date.parse(iso) / 86_400_000;

const binary: [SqlType, SqlValue, string][] = [
  [Types.numeric(), '0', '0000000000000000'],
  [Types.numeric(), '0.00', '0000000000000002'],
  [Types.numeric(), '1', '00010000000000000001'],
  [Types.numeric(), '-1', '00010000400000000001'],
  [Types.numeric(), '12345.6789', '0003000100000004000109291a85'],
  [Types.numeric(), '-0.0001', '0001ffff400000040001'],
  [
    Types.numeric(),
    '123456789012345678901234567890.123456789',
    '000b000700000009000c0d801ed204d2162e23340d801ed204d2162e2328',
  ],
  [Types.numeric(), '0.000000012', '0002fffe00000009000107d0'],
  [Types.numeric(), '100000000000000000000', '00010005000000000001'],
  [Types.numeric(), 'NaN', '00000000c0000000'],
  [Types.numeric(), 'Infinity', '00000000d0000020'],
  [Types.numeric(), '-Infinity', '00000000f0000020'],
  [Types.numeric(), '10000', '00010001000000000001'],
  [Types.numeric(), '9999.9999', '0002000000000004270f270f'],
  [Types.numeric(), '-12.50', '0002000040000002000c1388'],
  [Types.int2, -2, 'fffe'],
  [Types.int4, -123456, 'fffe1dc0'],
  [Types.int8, -9223372036854775808n, '8000000000000000'],
  [Types.float4, -0, '80000000'],
  [Types.float4, 1.5, '3fc00000'],
  [Types.float4, NaN, '7fc00000'],
  [Types.float4, -Infinity, 'ff800000'],
  [Types.float8, -0, '8000000000000000'],
  [Types.float8, 0.1, '3fb999999999999a'],
  [Types.float8, Infinity, '7ff0000000000000'],
  [Types.date, day('2000-01-01'), '00000000'],
  [Types.date, day('1999-12-31'), 'ffffffff'],
  [Types.date, 0, 'ffffd533'],
  [Types.date, day('0000-01-01'), 'fff4da8b'],
  [Types.date, day('2024-02-29'), '00002279'],
  [Types.date, Infinity, '7fffffff'],
  [Types.date, -Infinity, '80000000'],
  [Types.timestamp, us('2000-01-01T00:00:00Z'), '0000000000000000'],
  [Types.timestamp, us('1999-12-31T23:59:59.999Z') + 999n, 'ffffffffffffffff'],
  [Types.timestamp, us('1960-06-15T12:34:56.789Z') + 12n, 'fffb9106d809a614'],
  [Types.timestamp, us('2024-01-02T03:04:05.5Z'), '0002b0ec851d9460'],
  [Types.timestamp, us('-000043-03-15T12:00:00Z'), 'ff1af9e8fb46d000'],
  [Types.timestamp, TIMESTAMP_INFINITY, '7fffffffffffffff'],
  [Types.timestamp, TIMESTAMP_MINUS_INFINITY, '8000000000000000'],
  [Types.timestamptz, us('2024-01-02T03:04:05.5Z'), '0002b0ec851d9460'],
  [Types.time, 45_296_789_000n, '0000000a8be62608'],
  [Types.time, 86_400_000_000n, '000000141dd76000'],
  [
    Types.interval,
    { months: 14, days: 3, micros: 14_706_500_000n },
    '000000036c9361a0000000030000000e',
  ],
  [Types.interval, { months: 0, days: -1, micros: 0n }, '0000000000000000ffffffff00000000'],
  [
    Types.interval,
    { months: -14, days: 3, micros: -14_706_000_000n },
    'fffffffc93743f8000000003fffffff2',
  ],
  [Types.uuid, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc999c0b4ef8bb6d6bb9bd380a11'],
  [Types.jsonb, '{"a": [1, 2.50], "b": 1}', '017b2261223a205b312c20322e35305d2c202262223a20317d'],
  [Types.json, '{"a" : 1}', '7b226122203a20317d'],
  [Types.text, 'héllo ✓', '68c3a96c6c6f20e29c93'],
  [Types.bool, true, '01'],
  [Types.bool, false, '00'],
  [Types.oid, 4294967295, 'ffffffff'],
  [Types.char, 'a', '61'],
  [Types.name, 'abc', '616263'],
  [Types.bpchar(4), 'ab  ', '61622020'],
  [Types.bytea, Uint8Array.of(0xde, 0xad), 'dead'],
  [
    Types.array(Types.int4),
    [1, null, 3],
    '00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003',
  ],
  [Types.array(Types.int4), [], '000000000000000000000017'],
  [
    Types.array(Types.text),
    ['a b', null],
    '000000010000000100000019000000020000000100000003612062ffffffff',
  ],
  [
    Types.array(Types.numeric(10, 1)),
    ['1.5'],
    '0000000100000000000006a400000001000000010000000c000200000000000100011388',
  ],
];

/** A Decimal128 column type holding the value at its own scale, or null if it cannot. */
function decimalColumnType(value: string): SqlType | null {
  if (!/^-?\d+(\.\d+)?$/.test(value) || value.replace(/\D/g, '').length > 38) return null;
  return Types.numeric(38, value.split('.')[1]?.length ?? 0);
}

const hex = (b: Buffer | null | undefined): string | null | undefined =>
  b ? b.toString('hex') : b;

describe('binary encodeColumn matches PostgreSQL 15 send functions', () => {
  for (const [type, value, expected] of binary) {
    it(`${type.kind} ${expected} via its send function`, () => {
      assert.equal(binarySender(type)(value).toString('hex'), expected);
    });
    it(`${type.kind} ${expected} via an Arrow column`, () => {
      const columnType = type.kind === 'numeric' ? decimalColumnType(value as string) : type;
      if (columnType === null) return;
      const vector = buildVector(columnType, [value, null]);
      assert.deepEqual(encodeColumn(vector, columnType, 1, DEFAULT_TEXT_OPTIONS).map(hex), [
        expected,
        null,
      ]);
    });
    it(`${type.kind} ${expected} is received back`, () => {
      const back = decodeParam(type, Buffer.from(expected, 'hex'), 1, 0, { timeZone: 'UTC' });
      assert.deepEqual(back, value);
    });
  }
});

describe('text encodeColumn', () => {
  it('encodes each row with the type output function', () => {
    const v = buildVector(Types.float8, [0.1, null, 1e20]);
    assert.deepEqual(
      encodeColumn(v, Types.float8, 0, DEFAULT_TEXT_OPTIONS).map((b) => b?.toString()),
      ['0.1', undefined, '1e+20'],
    );
  });
});

describe('decodeParam', () => {
  it('reports short binary values as 08P01 and long ones as 22P03, as PostgreSQL', () => {
    assert.throws(
      () => decodeParam(Types.int4, Buffer.alloc(3), 1, 1, { timeZone: 'UTC' }),
      (err: unknown) =>
        err instanceof LakeError &&
        err.sqlstate === '08P01' &&
        err.message === 'insufficient data left in message',
    );
    assert.throws(
      () => decodeParam(Types.int4, Buffer.alloc(5), 1, 1, { timeZone: 'UTC' }),
      (err: unknown) =>
        err instanceof LakeError &&
        err.sqlstate === '22P03' &&
        err.message === 'incorrect binary data format in bind parameter 2',
    );
  });
  it('parses text parameters with the input function and keeps NULL', () => {
    assert.equal(decodeParam(Types.int8, Buffer.from(' 42 '), 0, 0, { timeZone: 'UTC' }), 42n);
    assert.equal(decodeParam(Types.int8, null, 1, 0, { timeZone: 'UTC' }), null);
  });
  it('rejects invalid UTF-8 with 22021', () => {
    assert.throws(
      () => decodeParam(Types.text, Buffer.from([0x61, 0xc3, 0x28]), 0, 0, { timeZone: 'UTC' }),
      (err: unknown) =>
        err instanceof LakeError &&
        err.sqlstate === '22021' &&
        err.message === 'invalid byte sequence for encoding "UTF8": 0xc3 0x28',
    );
  });
});
