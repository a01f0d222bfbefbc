import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types, type SqlType } from '../sql-types.js';
import type { SqlValue } from '../sql-value.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../sql-value.js';
import { DEFAULT_TEXT_OPTIONS, formatValue, type TextOptions } from './format-value.js';

// Expected strings are what PostgreSQL 15.18 printed (psql -At) for the same values.
const us = (iso: string): bigint => BigInt(Date.parse(iso)) * 1000n;
const day = (iso: string): number => Date.parse(iso) / 86_400_000;

type Case = [SqlType, SqlValue, string | null, Partial<TextOptions>?];

const cases: Case[] = [
  [Types.bool, true, 't'],
  [Types.bool, false, 'f'],
  [Types.int4, null, null],
  [Types.int8, -9223372036854775808n, '-9223372036854775808'],
  [Types.float8, 1e15, '1e+15'],
  [Types.float8, 1e14, '100000000000000'],
  [Types.float8, 1.2345678901234568e17, '1.2345678901234568e+17'],
  [Types.float8, 0.0001, '0.0001'],
  [Types.float8, 0.00001, '1e-05'],
  [Types.float8, 1e20, '1e+20'],
  [Types.float8, 1.5e-7, '1.5e-07'],
  [Types.float8, -0, '-0'],
  [Types.float8, Infinity, 'Infinity'],
  [Types.float8, -Infinity, '-Infinity'],
  [Types.float8, NaN, 'NaN'],
  [Types.float8, 1e301, '1e+301'],
  [Types.float4, 1e6, '1e+06'],
  [Types.float4, 1e5, '100000'],
  [Types.float4, 123456, '123456'],
  [Types.float4, Math.fround(1234567), '1.234567e+06'],
  [Types.float4, Math.fround(0.0001), '0.0001'],
  [Types.float4, Math.fround(0.00001), '1e-05'],
  [Types.float4, Math.fround(0.1), '0.1'],
  [Types.float4, Math.fround(3.4e38), '3.4e+38'],
  [Types.float8, 0.1, '0.1', { extraFloatDigits: 0 }],
  [Types.float8, 1e15, '1e+15', { extraFloatDigits: 0 }],
  [Types.float8, 1e14, '100000000000000', { extraFloatDigits: 0 }],
  [Types.float8, 1e-5, '1e-05', { extraFloatDigits: 0 }],
  [Types.float4, Math.fround(0.1), '0.1', { extraFloatDigits: 0 }],
  [Types.float4, Math.fround(123456789), '1.23457e+08', { extraFloatDigits: 0 }],
  [Types.float8, -0, '-0', { extraFloatDigits: 0 }],
  [Types.float8, 1 / 3, '0.333333333333333', { extraFloatDigits: 0 }],
  [Types.float8, 1 / 3, '0.3', { extraFloatDigits: -15 }],
  [Types.numeric(), '-12.50', '-12.50'],
  [Types.bytea, Uint8Array.from([0xde, 0xad, 0xbe, 0xef]), '\\xdeadbeef'],
  [Types.bytea, new Uint8Array(0), '\\x'],
  [Types.text, 'héllo ✓', 'héllo ✓'],
  [Types.date, day('2024-02-29'), '2024-02-29'],
  [Types.date, day('0001-01-01') - 1, '0001-12-31 BC'],
  [Types.date, -2440588 /* 4714-11-24 BC, Julian day 0 */, '4714-11-24 BC'],
  [Types.date, Infinity, 'infinity'],
  [Types.date, -Infinity, '-infinity'],
  [Types.time, 45296123400n, '12:34:56.1234'],
  [Types.time, 86_400_000_000n, '24:00:00'],
  [Types.timestamp, us('1999-12-31T23:59:59.999Z') + 999n, '1999-12-31 23:59:59.999999'],
  [Types.timestamp, us('1960-01-01T00:00:00Z') + 1n, '1960-01-01 00:00:00.000001'],
  [Types.timestamp, TIMESTAMP_MINUS_INFINITY, '-infinity'],
  [Types.timestamp, TIMESTAMP_INFINITY, 'infinity'],
  [Types.timestamptz, us('2024-01-01T00:00:00Z'), '2023-12-31 22:00:00-02', { timeZone: '+02:00' }],
  [Types.timestamptz, us('2024-01-01T00:00:00Z'), '2023-12-31 19:00:00-05', { timeZone: 'UTC+5' }],
  [
    Types.timestamptz,
    us('2024-01-01T00:00:00Z'),
    '2024-01-01 03:30:00+03:30',
    { timeZone: '-03:30' },
  ],
  [Types.timestamptz, us('2024-01-01T00:00:00Z'), '2024-01-01 00:00:00+00', { timeZone: 'GMT' }],
  [
    Types.timestamptz,
    us('2024-01-01T00:00:00.5Z'),
    '2024-01-01 05:30:00.5+05:30',
    { timeZone: 'Asia/Kolkata' },
  ],
  [
    Types.timestamptz,
    us('2024-07-01T00:00:00Z'),
    '2024-06-30 20:00:00-04',
    { timeZone: 'America/New_York' },
  ],
  [
    Types.timestamptz,
    us('1900-01-01T00:00:00Z'),
    '1899-12-31 19:00:00-05',
    { timeZone: 'America/New_York' },
  ],
  [
    Types.timestamptz,
    -62135596800000000n,
    '0001-12-31 19:03:58-04:56:02 BC',
    { timeZone: 'America/New_York' },
  ],
  [
    Types.interval,
    { months: 14, days: 3, micros: 14706500000n },
    '1 year 2 mons 3 days 04:05:06.5',
  ],
  [Types.interval, { months: 0, days: -1, micros: 0n }, '-1 days'],
  [Types.interval, { months: 0, days: 0, micros: 0n }, '00:00:00'],
  [
    Types.interval,
    { months: -14, days: 3, micros: -14706000000n },
    '-1 years -2 mons +3 days -04:05:06',
  ],
  [Types.interval, { months: 0, days: 1, micros: -1000000n }, '1 day -00:00:01'],
  [Types.interval, { months: 0, days: -1, micros: 7200000000n }, '-1 days +02:00:00'],
  [Types.interval, { months: 1, days: 15, micros: 0n }, '1 mon 15 days'],
  [Types.interval, { months: 0, days: 0, micros: -500000n }, '-00:00:00.5'],
  [Types.array(Types.int4), [1, 2, null], '{1,2,NULL}'],
  [
    Types.array(Types.text),
    ['a b', 'x"y', '', 'NULL', 'a\\b', 'a,b', '{x}', ' '],
    '{"a b","x\\"y","","NULL","a\\\\b","a,b","{x}"," "}',
  ],
  [Types.array(Types.int4), [], '{}'],
  [Types.array(Types.numeric()), ['1.5', '-2'], '{1.5,-2}'],
  [Types.array(Types.timestamp), [us('2024-01-01T00:00:00Z')], '{"2024-01-01 00:00:00"}'],
  [Types.array(Types.bytea), [Uint8Array.of(0xde)], '{"\\\\xde"}'],
];

describe('formatValue matches PostgreSQL 15 output functions', () => {
  for (const [type, value, expected, options] of cases) {
    it(`${type.kind} ${expected ?? 'NULL'}`, () => {
      assert.equal(formatValue(type, value, { ...DEFAULT_TEXT_OPTIONS, ...options }), expected);
    });
  }
});
