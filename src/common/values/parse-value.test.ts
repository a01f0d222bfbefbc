import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LakeError } from '../errors.js';
import { Types, type SqlType } from '../sql-types.js';
import { formatValue } from './format-value.js';
import { parseValue } from './parse-value.js';

// Each input is parsed, printed back with our output function and compared with what
// PostgreSQL 15.18 printed for `select '<input>'::<type>` in the same TimeZone.
type Case = [SqlType, string, string, string?];

const roundTrips: Case[] = [
  [Types.bool, ' TRUE ', 't'],
  [Types.bool, 'y', 't'],
  [Types.bool, 'of', 'f'],
  [Types.bool, '0', 'f'],
  [Types.int4, ' 12 ', '12'],
  [Types.int2, '+5', '5'],
  [Types.int8, '-0', '0'],
  [Types.int8, '-9223372036854775808', '-9223372036854775808'],
  [Types.oid, '-1', '4294967295'],
  [Types.float8, 'Infinity', 'Infinity'],
  [Types.float8, '-inf', '-Infinity'],
  [Types.float8, 'nan', 'NaN'],
  [Types.float8, '0.1', '0.1'],
  [Types.float4, '0.1', '0.1'],
  [Types.numeric(), 'nan', 'NaN'],
  [Types.numeric(), '1.50', '1.50'],
  [Types.numeric(), '1e3', '1000'],
  [Types.numeric(), ' -.5 ', '-0.5'],
  [Types.numeric(), '1.5e-3', '0.0015'],
  [Types.numeric(5, 2), '1.005', '1.01'],
  [Types.numeric(5, 2), '-1.005', '-1.01'],
  [Types.bytea, '\\xdeadbeef', '\\xdeadbeef'],
  [Types.bytea, '\\xDE AD', '\\xdead'],
  [Types.bytea, 'abc\\000', '\\x61626300'],
  [Types.bytea, '\\001\\002abc\\\\', '\\x01026162635c'],
  [Types.date, '2024-02-29', '2024-02-29'],
  [Types.date, '0001-12-31 BC', '0001-12-31 BC'],
  [Types.date, '4714-11-24 BC', '4714-11-24 BC'],
  [Types.date, 'epoch', '1970-01-01'],
  // pgjdbc's setDate sends the zone; date_in keeps only the date.
  [Types.date, '2024-02-10 +00', '2024-02-10'],
  [Types.date, '2024-02-10 12:00:00+02', '2024-02-10'],
  [Types.date, 'infinity', 'infinity'],
  [Types.time, '12:34:56.123400', '12:34:56.1234'],
  [Types.time, '24:00:00', '24:00:00'],
  [Types.time, '00:00:60', '00:01:00'],
  [Types.timestamp, '2024-01-01 24:00:00', '2024-01-02 00:00:00'],
  [Types.timestamp, '2024-01-01 23:59:60', '2024-01-02 00:00:00'],
  [Types.timestamp, '2024-01-02T03:04:05.5Z', '2024-01-02 03:04:05.5'],
  [Types.timestamp, '1960-01-01 00:00:00.000001', '1960-01-01 00:00:00.000001'],
  [Types.timestamp, '-infinity', '-infinity'],
  [Types.timestamptz, '2024-11-03 01:30', '2024-11-03 01:30:00-05', 'America/New_York'],
  [Types.timestamptz, '2024-03-10 02:30', '2024-03-10 03:30:00-04', 'America/New_York'],
  [Types.timestamptz, '2024-10-27 02:30', '2024-10-27 02:30:00+01', 'Europe/Berlin'],
  [Types.timestamptz, '2024-03-31 02:30', '2024-03-31 03:30:00+02', 'Europe/Berlin'],
  [Types.timestamptz, '2024-01-01 00:00:00+00', '2024-01-01 05:30:00+05:30', 'Asia/Kolkata'],
  [Types.timestamptz, '2024-01-01T00:00:00-0530', '2024-01-01 05:30:00+00', 'UTC'],
  [Types.interval, '1 year 2 mons 3 days 04:05:06.5', '1 year 2 mons 3 days 04:05:06.5'],
  [Types.interval, '-1 year -2 mons +3 days -04:05:06', '-1 years -2 mons +3 days -04:05:06'],
  [Types.interval, 'P1Y2M3DT4H5M6S', '1 year 2 mons 3 days 04:05:06'],
  [Types.interval, '3 hours', '03:00:00'],
  [Types.interval, '1.5 days', '1 day 12:00:00'],
  [Types.interval, '1.5 months', '1 mon 15 days'],
  [Types.interval, '1.5 years', '1 year 6 mons'],
  [Types.interval, '1 week 1.5 hours', '7 days 01:30:00'],
  [Types.interval, '1 day ago', '-1 days'],
  [Types.interval, '-1 day 02:00', '-1 days +02:00:00'],
  [Types.interval, 'PT1.5S', '00:00:01.5'],
  [Types.interval, 'P1.5Y', '1 year 6 mons'],
  [Types.interval, '1 mon -1 day', '1 mon -1 days'],
  [Types.interval, '10', '00:00:10'],
  [Types.interval, '1:2', '01:02:00'],
  [Types.interval, '-00:00:00.5', '-00:00:00.5'],
  [Types.uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  [Types.uuid, '{a0eebc999c0b4ef8bb6d6bb9bd380a11}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  [Types.uuid, 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  [Types.json, '{"a" : 1}', '{"a" : 1}'],
  [Types.jsonb, '{"b":1,"a":[1,2.50],"b":"x","aa":null}', '{"a": [1, 2.50], "b": "x", "aa": null}'],
  [Types.jsonb, '{"10":1e2,"9":true}', '{"9": true, "10": 100}'],
  [Types.array(Types.text), '{ a b , c }', '{"a b",c}'],
  [Types.array(Types.text), '{"a\\"b",NULL,"NULL",\\N}', '{"a\\"b",NULL,"NULL",N}'],
  [Types.array(Types.int4), '{}', '{}'],
  [Types.array(Types.int4), '{1,2,NULL}', '{1,2,NULL}'],
  [Types.bpchar(4), 'ab', 'ab  '],
  [Types.varchar(2), 'ab   ', 'ab'],
];

describe('parseValue matches PostgreSQL 15 input functions', () => {
  for (const [type, input, expected, timeZone = 'UTC'] of roundTrips) {
    it(`${type.kind} '${input}'`, () => {
      const options = { timeZone, extraFloatDigits: 1 };
      assert.equal(formatValue(type, parseValue(type, input, options), options), expected);
    });
  }
});

// [type, input, SQLSTATE, message, detail?] as PostgreSQL 15 reports them.
const errors: [SqlType, string, string, string, string?][] = [
  [Types.bool, 'x', '22P02', 'invalid input syntax for type boolean: "x"'],
  [Types.bool, 'o', '22P02', 'invalid input syntax for type boolean: "o"'],
  [Types.int2, '99999', '22003', 'value "99999" is out of range for type smallint'],
  [Types.int4, '1.5', '22P02', 'invalid input syntax for type integer: "1.5"'],
  [Types.int4, '1e5', '22P02', 'invalid input syntax for type integer: "1e5"'],
  [Types.int4, '99999999999', '22003', 'value "99999999999" is out of range for type integer'],
  [
    Types.int8,
    '99999999999999999999',
    '22003',
    'value "99999999999999999999" is out of range for type bigint',
  ],
  [Types.oid, '4294967296', '22003', 'value "4294967296" is out of range for type oid'],
  [Types.float8, '1e400', '22003', '"1e400" is out of range for type double precision'],
  [Types.float8, '1e-400', '22003', '"1e-400" is out of range for type double precision'],
  [Types.float4, '1e39', '22003', '"1e39" is out of range for type real'],
  [Types.float8, 'abc', '22P02', 'invalid input syntax for type double precision: "abc"'],
  [Types.numeric(), 'abc', '22P02', 'invalid input syntax for type numeric: "abc"'],
  [
    Types.numeric(4, 2),
    '123.456',
    '22003',
    'numeric field overflow',
    'A field with precision 4, scale 2 must round to an absolute value less than 10^2.',
  ],
  [Types.date, '2024-13-01', '22008', 'date/time field value out of range: "2024-13-01"'],
  [Types.date, '2024-02-30', '22008', 'date/time field value out of range: "2024-02-30"'],
  [Types.date, 'abc', '22007', 'invalid input syntax for type date: "abc"'],
  [Types.time, '25:00', '22008', 'date/time field value out of range: "25:00"'],
  [Types.time, '24:00:01', '22008', 'date/time field value out of range: "24:00:01"'],
  [Types.timestamp, 'x', '22007', 'invalid input syntax for type timestamp: "x"'],
  [Types.timestamptz, 'x', '22007', 'invalid input syntax for type timestamp with time zone: "x"'],
  [Types.interval, 'x', '22007', 'invalid input syntax for type interval: "x"'],
  [Types.uuid, 'x', '22P02', 'invalid input syntax for type uuid: "x"'],
  [Types.json, '{x', '22P02', 'invalid input syntax for type json'],
  [Types.bytea, '\\xg0', '22023', 'invalid hexadecimal digit: "g"'],
  [Types.bytea, '\\x0', '22023', 'invalid hexadecimal data: odd number of digits'],
  [Types.bytea, '\\9', '22P02', 'invalid input syntax for type bytea'],
  [
    Types.array(Types.int4),
    '{1,2',
    '22P02',
    'malformed array literal: "{1,2"',
    'Unexpected end of input.',
  ],
  [
    Types.array(Types.int4),
    '1,2',
    '22P02',
    'malformed array literal: "1,2"',
    'Array value must start with "{" or dimension information.',
  ],
  [
    Types.array(Types.int4),
    '{1}x',
    '22P02',
    'malformed array literal: "{1}x"',
    'Junk after closing right brace.',
  ],
  [
    Types.array(Types.int4),
    '{{1},2}',
    '22P02',
    'malformed array literal: "{{1},2}"',
    'Unexpected array element.',
  ],
  [
    Types.array(Types.text),
    '{"a}',
    '22P02',
    'malformed array literal: "{"a}"',
    'Unexpected end of input.',
  ],
  [Types.array(Types.int4), '{1,x}', '22P02', 'invalid input syntax for type integer: "x"'],
  [Types.varchar(2), 'abc', '22001', 'value too long for type character varying(2)'],
];

describe('parseValue errors match PostgreSQL 15', () => {
  for (const [type, input, sqlstate, message, detail] of errors) {
    it(`${type.kind} '${input}' → ${sqlstate}`, () => {
      assert.throws(
        () => parseValue(type, input, { timeZone: 'UTC' }),
        (err: unknown) => {
          assert.ok(err instanceof LakeError);
          assert.equal(err.sqlstate, sqlstate);
          assert.equal(err.message, message);
          if (detail !== undefined) assert.equal(err.detail, detail);
          return true;
        },
      );
    });
  }
});
