import { test } from 'node:test';
import { checkCalls as check } from './function-test-kit.js';

/**
 * The functions added with test/sql/functions-more.slt, through resolution and kernels
 * alone. PostgreSQL-named ones print what PostgreSQL 15 printed for the same call (the
 * .slt file runs them against a real PostgreSQL too); Spark/Trino-only ones print what
 * Spark 3.5 documents.
 */

test('timezone(): POSIX offsets, abbreviations, IANA names, intervals', () =>
  check([
    ["timezone('+05:00', timestamptz '2024-01-01 00:00+00')", '2023-12-31 19:00:00'],
    ["timezone('CET', timestamptz '2024-07-01 12:00+00')", '2024-07-01 13:00:00'],
    ["timezone('Europe/Paris', timestamptz '2024-07-01 12:00+00')", '2024-07-01 14:00:00'],
    ["timezone('America/New_York', timestamp '2024-03-10 02:30')", '2024-03-10 07:30:00+00'],
    ["timezone(interval '-03:30', timestamp '2024-07-01 12:00')", '2024-07-01 15:30:00+00'],
    ["timezone('Foo/Bar', timestamptz '2024-01-01 00:00+00')", { error: '22023' }],
    ["timezone(interval '1 day', timestamptz '2024-01-01 00:00+00')", { error: '22023' }],
  ]));

test('format and quoting', () =>
  check([
    ["format('%s-%1$s-%L', 'a', NULL)", 'a-a-NULL'],
    ["format('%-4s]%4s]', 'ab', 'cd')", 'ab  ]  cd]'],
    ["format('%I', 'Abc')", '"Abc"'],
    ["format('%s %s', 1)", { error: '22023' }],
    ["format('%I', NULL)", { error: '22004' }],
    ["quote_ident('select')", '"select"'],
    ["quote_ident('a$')", '"a$"'],
    ['quote_nullable(NULL)', 'NULL'],
    ['quote_literal(42)', "'42'"],
  ]));

test('make_*, date_bin, justify_*, age', () =>
  check([
    ['make_date(-44, 3, 15)', '0044-03-15 BC'],
    ['make_date(2024, 2, 30)', { error: '22008' }],
    ['make_time(24, 0, 0)', '24:00:00'],
    ['make_timestamp(2024, 1, 1, 0, 0, 60)', '2024-01-01 00:01:00'],
    ['make_interval(1, 2, 3, 4, 5, 6, 7.5)', '1 year 2 mons 25 days 05:06:07.5'],
    [
      "date_bin(interval '15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01 00:02:30')",
      '2020-02-11 15:32:30',
    ],
    [
      "date_bin(interval '1 month', timestamp '2020-02-11', timestamp '2001-01-01')",
      { error: '0A000' },
    ],
    ["justify_interval(interval '-1 mon 50 days -1 hour')", '19 days 23:00:00'],
    ["age(timestamp '2024-01-31', timestamp '2024-03-01 12:00')", '-1 mons -1 days -12:00:00'],
  ]));

test('to_char over numbers and to_number', () =>
  check([
    ["to_char(-12, '0999')", '-0012'],
    ["to_char(0.12, '9.99')", '  .12'],
    ["to_char(1234.5, 'FM9,999.99')", '1,234.5'],
    ["to_char(-5, '999PR')", '  <5>'],
    ["to_char(99999::numeric, '9.9EEEE')", ' 10.0e+04'],
    ["to_char(2.5::float8, '9')", ' 2'],
    ["to_char(21, '99th')", ' 21st'],
    ["to_char(0, 'FM9.99')", '0.'],
    ["to_char(timestamp '2024-03-05 14:07:09', 'YYYY-MM-DD')", '2024-03-05'],
    ["to_number('12,454.8-', '99G999D9S')", '-12454.8'],
    ["to_number('$1,234.56', 'L9,999.99')", '1234.56'],
    ["to_number('abc', '999')", { error: '22P02' }],
  ]));

test('regexp_instr, regexp_substr, array_positions, array_replace', () =>
  check([
    ["regexp_instr('ABCDEFGHI', '(c..)(...)', 1, 1, 0, 'i', 2)", '6'],
    ["regexp_instr('abcabc', 'b', 1, 2, 1)", '6'],
    ["regexp_instr('abc', 'b', 1, 0)", { error: '22023' }],
    ["regexp_substr('abcabc', '(b)(c)', 1, 2, '', 2)", 'c'],
    ["array_positions('{a,b,a}'::text[], 'a')", '{1,3}'],
    ["array_replace('{1,2,5}'::int[], 5, 3)", '{1,2,3}'],
  ]));

test('Spark and Trino names: nvl, ifnull, nvl2, if, unhex, levenshtein', () =>
  check([
    ['nvl(NULL, 2)', '2'],
    ["ifnull('a', 'b')", 'a'],
    ["nvl2(NULL, 'x', 'y')", 'y'],
    ["nvl2(0, 'x', 'y')", 'x'],
    ["if(true, 'yes', 'no')", 'yes'],
    ["if(NULL, 'yes', 'no')", 'no'],
    ["unhex('4A4b')", '\\x4a4b'],
    ["unhex('abc')", '\\x0abc'],
    ["unhex('zz')", null],
    ["levenshtein('kitten', 'sitting')", '3'],
    ["levenshtein('kitten', 'sitting', 2)", '-1'],
    ["levenshtein_distance('', 'abc')", '3'],
  ]));
