import { test } from 'node:test';
import { checkCalls as check } from './function-test-kit.js';

/**
 * Spark- and Trino-only functions (no PostgreSQL to compare with): expected values are
 * what Spark 3.5 / Trino document and print for the same calls.
 */

test('Java regular expressions: rlike, regexp_extract, regexp_extract_all, split', () =>
  check([
    ["rlike('abc123', '\\d+')", 't'],
    ["rlike('abc', '(?i)B')", 't'],
    ["rlike('abc', '^\\p{Alpha}+$')", 't'],
    ["rlike('a.c', 'a\\Q.\\Ec')", 't'],
    ["rlike('abc', 'a\\Q.\\Ec')", 'f'],
    ["rlike('aaa', 'a++')", 't'],
    ["regexp_extract('100-200', '(\\d+)-(\\d+)', 2)", '200'],
    ["regexp_extract('100-200', '(\\d+)-(\\d+)')", '100'],
    ["regexp_extract('abc', '(\\d+)', 1)", ''],
    ["regexp_extract('abc', '(b)', 0)", 'b'],
    ["regexp_extract('abc', '(b)', 2)", { error: '22023' }],
    ["regexp_extract_all('a1b22c333', '(\\d+)', 1)", '{1,22,333}'],
    ["split('a,b,,c', ',')", '{a,b,"",c}'],
    ["split('a1b2c', '\\d')", '{a,b,c}'],
    ["split('a,b,c', ',', 2)", '{a,"b,c"}'],
    ["rlike('a', '(')", { error: '2201B' }],
  ]));

test('hashes and encodings', () =>
  check([
    ["sha1('abc')", 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ["sha2('abc', 256)", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ["sha2('abc', 0)", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ["sha2('abc', 100)", null],
    ["crc32('ABC')", '2743272264'],
    ["base64('Spark SQL')", 'U3BhcmsgU1FM'],
    ["unbase64('U3BhcmsgU1FM')", '\\x537061726b2053514c'],
    ['hex(17)', '11'],
    ["hex('Spark SQL')", '537061726B2053514C'],
  ]));

test('Spark string names', () =>
  check([
    ["instr('SparkSQL', 'SQL')", '6'],
    ["locate('bar', 'foobarbar')", '4'],
    ["locate('bar', 'foobarbar', 5)", '7'],
    ["locate('x', 'foobarbar')", '0'],
    ["ends_with('Spark SQL', 'SQL')", 't'],
    ["ucase('Spark')", 'SPARK'],
  ]));

test('date parts, date_add/date_sub/datediff, add_months, last_day, months_between', () =>
  check([
    ["year(date '2024-05-06')", '2024'],
    ["month(timestamp '2024-05-06 10:11:12')", '5'],
    ["dayofweek(date '2024-05-06')", '2'],
    ["dayofyear(date '2024-03-01')", '61'],
    ["hour(timestamp '2024-05-06 10:11:12')", '10'],
    ["second(timestamp '2024-05-06 10:11:12')", '12'],
    ["quarter(date '2024-05-06')", '2'],
    ["weekofyear(date '2024-12-30')", '1'],
    ["date_add(date '2024-02-28', 2)", '2024-03-01'],
    ["date_sub(date '2024-03-01', 1)", '2024-02-29'],
    ["datediff(date '2024-03-01', date '2024-02-01')", '29'],
    ["add_months(date '2024-01-31', 1)", '2024-02-29'],
    ["last_day(date '2024-02-10')", '2024-02-29'],
    [
      "months_between(timestamp '1997-02-28 10:30:00', timestamp '1996-10-30 00:00:00')",
      '3.94959677',
    ],
    ["months_between(date '2024-03-31', date '2024-02-29')", '1'],
    ["date_add('day', 3, timestamp '2024-02-27 10:00:00')", '2024-03-01 10:00:00'],
    ["date_add('month', 1, timestamp '2024-01-31 10:00:00')", '2024-02-29 10:00:00'],
    ["date_diff('day', timestamp '2024-01-01 00:00:00', timestamp '2024-01-03 12:00:00')", '2'],
    ["date_diff('month', timestamp '2024-01-31 00:00:00', timestamp '2024-02-29 00:00:00')", '0'],
    ["date_diff('year', date '2020-02-29', date '2024-02-29')", '4'],
    ["date_diff('fortnight', date '2020-02-29', date '2024-02-29')", { error: '22023' }],
  ]));

test('Java datetime patterns: date_format, from_unixtime, unix_timestamp, to_timestamp, to_date', () =>
  check(
    [
      [
        "date_format(timestamp '2024-03-05 14:07:09.123', 'yyyy-MM-dd HH:mm:ss.SSS')",
        '2024-03-05 14:07:09.123',
      ],
      ["date_format(date '2024-03-05', 'EEE, d MMM yyyy')", 'Tue, 5 Mar 2024'],
      ["date_format(timestamp '2024-03-05 14:07:09', 'hh:mm a')", '02:07 PM'],
      [
        "date_format(timestamptz '2024-03-05 14:07:09+00', 'yyyy-MM-dd HH:mm XXX')",
        '2024-03-05 15:07 +01:00',
      ],
      ['from_unixtime(0)', '1970-01-01 01:00:00'],
      ["from_unixtime(1700000000, 'yyyy/MM/dd')", '2023/11/14'],
      ["unix_timestamp('2024-03-05 14:07:09')", '1709644029'],
      ["unix_timestamp('2024-03-05', 'yyyy-MM-dd')", '1709593200'],
      ["unix_timestamp('garbage')", null],
      ["to_timestamp('2024-03-05 14:07:09', 'yyyy-MM-dd HH:mm:ss')", '2024-03-05 14:07:09+01'],
      ["to_timestamp('05/03/2024', 'dd/MM/yyyy')", '2024-03-05 00:00:00+01'],
      [
        "to_timestamp('2024-03-05T14:07:09Z', 'yyyy-MM-dd''T''HH:mm:ssX')",
        '2024-03-05 15:07:09+01',
      ],
      ["to_timestamp('2024-03-05 14:07:09')", '2024-03-05 14:07:09+01'],
      ["to_timestamp('nope')", null],
      ["to_date('2024-03-05')", '2024-03-05'],
      ["to_date('2024-02-30', 'yyyy-MM-dd')", null],
      ["to_unixtime(timestamptz '1970-01-01 00:00:01.5+00')", '1.5'],
    ],
    'Europe/Paris',
  ));

test('arrays', () =>
  check([
    ["element_at('{10,20,30}'::int[], 1)", '10'],
    ["element_at('{10,20,30}'::int[], -1)", '30'],
    ["element_at('{10,20,30}'::int[], 5)", null],
    ["element_at('{10,20,30}'::int[], 0)", { error: '2202E' }],
    ["cardinality('{10,20,30}'::int[])", '3'],
    ["size('{}'::int[])", '0'],
    ['size(NULL)', { error: '42883' }],
    ["array_contains('{1,2}'::int[], 2)", 't'],
    ["array_contains('{1,NULL}'::int[], 2)", null],
    ["array_position('{1,2,3}'::int[], 3)", '3'],
    ["array_join('{a,NULL,b}'::text[], '-')", 'a-b'],
    ["array_join('{a,NULL,b}'::text[], '-', '?')", 'a-?-b'],
    ["array_distinct('{3,1,3,NULL,NULL}'::int[])", '{3,1,NULL}'],
    ["sort_array('{3,NULL,1}'::int[])", '{NULL,1,3}'],
    ["sort_array('{3,NULL,1}'::int[], false)", '{3,1,NULL}'],
    ["array_max('{3,NULL,7}'::int[])", '7'],
  ]));
