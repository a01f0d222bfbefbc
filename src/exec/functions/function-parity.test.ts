import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { LakeError } from '../../common/errors.js';
import { postgresUnavailableReason, startPostgres } from '../../../test/support/postgres.js';
import type { TestTarget } from '../../../test/support/test-target.js';
import { runSql } from './function-test-kit.js';

/**
 * PostgreSQL-named functions, checked two ways: each expression runs through lakegate's
 * resolution and kernels and must print `expected`; and, where PostgreSQL 15 can run
 * here, the same expression runs on a private cluster, which must print `expected` too
 * (so the table cannot drift from PostgreSQL). `{ error }` is the SQLSTATE both raise.
 */
type Expected = string | null | { readonly error: string };

const cases: Record<string, readonly (readonly [string, Expected])[]> = {
  strings: [
    ["concat_ws(',', 'a', NULL, 'b')", 'a,b'],
    ["concat_ws(NULL, 'a')", null],
    ["translate('12345', '143', 'ax')", 'a2x5'],
    ["ascii('€')", '8364'],
    ["ascii('')", '0'],
    ['chr(65)', 'A'],
    ['chr(0)', { error: '54000' }],
    ['chr(-1)', { error: '22023' }],
    ["octet_length('héllo')", '6'],
    ["bit_length('é')", '16'],
    ["string_to_array('a,b,,c', ',')", '{a,b,"",c}'],
    ["string_to_array('abc', NULL)", '{a,b,c}'],
    ["string_to_array('a,b,x', ',', 'x')", '{a,b,NULL}'],
    ["overlay('Txxxxas', 'hom', 2, 4)", 'Thomas'],
    ["quote_ident('a b')", '"a b"'],
    ["quote_ident('ab')", 'ab'],
    ["quote_literal('it''s')", "'it''s'"],
    ["lower('ABC dEf')", 'abc def'],
    ["upper('abc')", 'ABC'],
    ["length('héllo')", '5'],
    ["substr('hello', -1, 3)", 'h'],
    ["substr('hello', 0)", 'hello'],
    ["substr('hello', 2, -1)", { error: '22011' }],
    ["left('hello', -2)", 'hel'],
    ["right('hello', 2)", 'lo'],
    ["lpad('7', 3, '0')", '007'],
    ["rpad('ab', 5, 'xy')", 'abxyx'],
    ["btrim('xxhixx', 'x')", 'hi'],
    ["ltrim('  hi  ')", 'hi  '],
    ["rtrim('hi!!', '!')", 'hi'],
    ["replace('abcabc', 'b', 'X')", 'aXcaXc'],
    ["split_part('a,b,c', ',', 2)", 'b'],
    ["split_part('a,b,c', ',', 0)", { error: '22023' }],
    ["strpos('hello', 'll')", '3'],
    ["reverse('abc')", 'cba'],
    ["repeat('ab', 3)", 'ababab'],
    ["initcap('hello wORLD')", 'Hello World'],
    ["starts_with('hello', 'he')", 't'],
    ["md5('abc')", '900150983cd24fb0d6963f7d28e17f72'],
    ["md5('abc'::bytea)", '900150983cd24fb0d6963f7d28e17f72'],
    ['to_hex(255)', 'ff'],
    ['to_hex(-1)', 'ffffffff'],
    ['to_hex(-1::bigint)', 'ffffffffffffffff'],
    ["encode('ab'::bytea, 'base64')", 'YWI='],
    ["encode('\\x00ff'::bytea, 'escape')", '\\000\\377'],
    ["encode('ab'::bytea, 'hex')", '6162'],
    ["decode('YWI=', 'base64')", '\\x6162'],
    ["decode('6162', 'hex')", '\\x6162'],
    ["decode('zz', 'hex')", { error: '22023' }],
    ["decode('a', 'base64')", { error: '22023' }],
    ["encode('a'::bytea, 'foo')", { error: '22023' }],
    ["sha256('abc'::bytea)", '\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      "sha512(''::bytea)",
      '\\xcf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    ],
    ["'lake' || 'gate'", 'lakegate'],
    ["'a' || NULL", null],
  ],
  regex: [
    ["'abc' ~ 'B'", 'f'],
    ["'abc' ~* 'B'", 't'],
    ["'abc' !~ 'b'", 'f'],
    ["'abc' !~* 'B'", 'f'],
    ["'a' ~ '('", { error: '2201B' }],
    ["'foo123' ~ '^[[:alpha:]]+[[:digit:]]+$'", 't'],
    ["'the cat' ~ '\\mcat\\M'", 't'],
    ["regexp_like('ABC', 'b', 'i')", 't'],
    ["regexp_like('ABC', 'b')", 'f'],
    ["regexp_replace('foobarbaz', 'b(..)', 'X\\1Y')", 'fooXarYbaz'],
    ["regexp_replace('foobarbaz', 'b(..)', 'X\\1Y', 'g')", 'fooXarYXazY'],
    ["regexp_replace('aaa', 'a', '<\\&>', 'g')", '<a><a><a>'],
    ["regexp_replace('abcabc', 'b', 'X', 3)", 'abcaXc'],
    ["regexp_replace('abcabcabc', 'b', 'X', 1, 2)", 'abcaXcabc'],
    ["regexp_replace('abcabcabc', 'b', 'X', 1, 0)", 'aXcaXcaXc'],
    ["regexp_replace('ABC', 'b', 'x', 'gi')", 'AxC'],
    ["regexp_replace('a', 'a', 'b', 'z')", { error: '22023' }],
    ["regexp_match('foobarbequebaz', 'ba(.)')", '{r}'],
    ["regexp_match('abc', '(x)?b')", '{NULL}'],
    ["regexp_match('abc', 'z')", null],
    ["regexp_match('abc', 'b')", '{b}'],
    ["regexp_count('abcabc', 'b')", '2'],
    ["regexp_count('abcabc', 'b', 3)", '1'],
    ["regexp_substr('abcabc', 'b.')", 'bc'],
    ["regexp_split_to_array('a1b22c', '[0-9]+')", '{a,b,c}'],
    ["regexp_split_to_array('hello', '')", '{h,e,l,l,o}'],
  ],
  math: [
    ['sqrt(2.0)', '1.414213562373095'],
    ['sqrt(2)', '1.4142135623730951'],
    ['sqrt(-1)', { error: '2201F' }],
    ['sqrt(0.0001)', '0.01000000000000000'],
    ['ln(2.0)', '0.6931471805599453'],
    ['ln(0)', { error: '2201E' }],
    ['ln(-1.0)', { error: '2201E' }],
    ['ln(1.05)', '0.048790164169432003'],
    ['ln(123456789.123)', '18.631401767164318'],
    ['exp(1.0)', '2.7182818284590452'],
    ['exp(2.5)', '12.182493960703473'],
    ['exp(-3::numeric)', '0.04978706836786394'],
    ['exp(1000::float8)', { error: '22003' }],
    ['exp(1)', '2.718281828459045'],
    ['power(2.0, 3)', '8.0000000000000000'],
    ['power(2, 0.5)', '1.4142135623730950'],
    ['power(2, 3)', '8'],
    ['power(0, -1)', { error: '2201F' }],
    ['power(-8, 0.5)', { error: '2201F' }],
    ['power(1.5, 2.5)', '2.7556759606310754'],
    ['power(10.0, -3)', '0.0010000000000000'],
    ['power(-2, 3)', '-8'],
    ['log(100)', '2'],
    ['log(2, 8)', '3.0000000000000000'],
    ['log(0.5)', '-0.3010299956639812'],
    ['log10(1000.0)', '3.0000000000000000'],
    ['log10(1000)', '3'],
    ['cbrt(8)', '2'],
    ['sign(-2.5)', '-1'],
    ['sign(0.0)', '0'],
    ['sign(3)', '1'],
    ['trunc(2.789, 2)', '2.78'],
    ['trunc(-2.7)', '-2'],
    ['trunc(12.345, -1)', '10'],
    ['trunc(-1.5::float8)', '-1'],
    ['round(2.5::float8)', '2'],
    ['round(2.5)', '3'],
    ['round(-0.5)', '-1'],
    ['round(2.345, 2)', '2.35'],
    ['round(1234.5, -2)', '1200'],
    ['round(3)', '3'],
    ['floor(-2.5)', '-3'],
    ['ceil(2.1)', '3'],
    ['ceil(-0.5::float8)', '-0'],
    ['mod(7, 3)', '1'],
    ['mod(-7, 3)', '-1'],
    ['mod(7.5, 2)', '1.5'],
    ['mod(5, 0)', { error: '22012' }],
    ['abs(-3)', '3'],
    ['abs(-2.5)', '2.5'],
    ['abs(-2147483648::int4)', { error: '22003' }],
    ['pi()', '3.141592653589793'],
    ['degrees(1)', '57.29577951308232'],
    ['radians(180)', '3.141592653589793'],
    ['atan2(1, 1)', '0.7853981633974483'],
    ['width_bucket(5.35, 0.024, 10.06, 5)', '3'],
    ['width_bucket(20, 1, 10, 3)', '4'],
    ['width_bucket(0.5::float8, 1, 10, 3)', '0'],
    ['width_bucket(1, 1, 1, 3)', { error: '2201G' }],
    ['2 ^ 10', '1024'],
    ['2.0 ^ 0.5', '1.4142135623730950'],
  ],
  datetime: [
    [
      "to_char(timestamp '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS.US')",
      '2024-03-05 14:07:09.123456',
    ],
    [
      "to_char(timestamp '2024-03-05 14:07:09.5', 'Day, DD Month YYYY HH12:MI AM')",
      'Tuesday  , 05 March     2024 02:07 PM',
    ],
    ["to_char(timestamp '2024-03-05 04:07:09', 'FMDay FMDD FMMonth')", 'Tuesday 5 March'],
    ["to_char(timestamp '2024-03-05 04:07:09', 'Dy Mon dy mon DY MON')", 'Tue Mar tue mar TUE MAR'],
    [
      "to_char(timestamp '2024-03-05 04:07:09', 'DDD D Q WW IW IYYY CC J')",
      '065 3 1 10 10 2024 21 2460375',
    ],
    [
      "to_char(timestamp '2024-03-01 04:07:09', 'DDth FMDDth \"quoted\" \\Y')",
      '01st 1st quoted \\4',
    ],
    [
      "to_char(timestamp '2024-03-05 14:07:09.123', 'MS yyyy-mm-dd hh24:mi:ss')",
      '123 2024-03-05 14:07:09',
    ],
    [
      "to_char(timestamptz '2024-03-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ OF')",
      '2024-03-05 14:07:09 UTC +00',
    ],
    ["to_char(date '2024-12-31', 'YYYY/MM/DD')", '2024/12/31'],
    ["to_timestamp('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS')", '2024-03-05 14:07:09+00'],
    ["to_timestamp('05/03/2024 2:07 PM', 'DD/MM/YYYY HH:MI AM')", '2024-03-05 14:07:00+00'],
    ["to_timestamp('2024-13-05', 'YYYY-MM-DD')", { error: '22008' }],
    ["to_timestamp('2024 Mar 5', 'YYYY Mon DD')", '2024-03-05 00:00:00+00'],
    ["to_timestamp('20240305', 'YYYYMMDD')", '2024-03-05 00:00:00+00'],
    [
      "to_timestamp('2024-03-05 14:07:09.25', 'YYYY-MM-DD HH24:MI:SS.MS')",
      '2024-03-05 14:07:09.25+00',
    ],
    ["to_timestamp('abcd-03-05', 'YYYY-MM-DD')", { error: '22007' }],
    ['to_timestamp(1700000000)', '2023-11-14 22:13:20+00'],
    ['to_timestamp(1700000000.5::float8)', '2023-11-14 22:13:20.5+00'],
    ["to_date('2024-03-05', 'YYYY-MM-DD')", '2024-03-05'],
    ["to_date('05 Mar 2024', 'DD Mon YYYY')", '2024-03-05'],
    ["to_date('2024-02-30', 'YYYY-MM-DD')", { error: '22008' }],
    ["timestamp '2024-01-31 10:00' + interval '1 month 1 day 1 hour'", '2024-03-01 11:00:00'],
    ["date '2024-02-29' - interval '1 year'", '2023-02-28 00:00:00'],
    ["timestamp '2024-03-01' - timestamp '2024-01-01 12:00'", '59 days 12:00:00'],
    ["interval '1 month 3 days' * 1.5", '1 mon 19 days 12:00:00'],
    ["interval '1 day' / 3", '08:00:00'],
    ["timestamptz '2024-03-09 12:00+00' + interval '1 day'", '2024-03-10 12:00:00+00'],
    ["interval '1 day' + interval '2 hours'", '1 day 02:00:00'],
    ["date_trunc('month', timestamp '2024-07-09 01:02:03')", '2024-07-01 00:00:00'],
  ],
};

async function lakegate(sql: string): Promise<Expected> {
  try {
    return await runSql(sql);
  } catch (err) {
    if (err instanceof LakeError) return { error: err.sqlstate };
    throw err;
  }
}

for (const [family, rows] of Object.entries(cases)) {
  test(`${family}: lakegate prints what PostgreSQL 15 prints`, async () => {
    const wrong: string[] = [];
    for (const [sql, expected] of rows) {
      const got = await lakegate(sql);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`${sql}: got ${JSON.stringify(got)}, PostgreSQL ${JSON.stringify(expected)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
}

describe(
  'the expected values are PostgreSQL 15 output',
  { skip: postgresUnavailableReason() },
  () => {
    let pg: TestTarget;
    before(async () => (pg = await startPostgres()));
    after(() => pg.close());

    test('every case on a private cluster', () => {
      const all = Object.values(cases).flat();
      const script = all.map(([sql]) => `SELECT '#', ${sql};`).join('\n');
      const r = spawnSync(
        'psql',
        [
          '-X',
          '-A',
          '-t',
          '-F',
          '|',
          '-P',
          'null=<NULL>',
          '-v',
          'VERBOSITY=sqlstate',
          '-h',
          pg.host,
          '-p',
          String(pg.port),
          '-U',
          pg.user,
          '-d',
          pg.database,
          '-c',
          "SET TimeZone = 'UTC'",
          '-f',
          '-',
        ],
        { input: script, encoding: 'utf8' },
      );
      const lines = `${r.stdout}${r.stderr}`.split('\n');
      // Each statement prints "#|value" or an "ERROR:  SQLSTATE" line on stderr, in order.
      const results: Expected[] = [];
      for (const l of r.stdout.split('\n'))
        if (l.startsWith('#|')) results.push(l.slice(2) === '<NULL>' ? null : l.slice(2));
      assert.ok(lines.length > 0);
      const errors = r.stderr
        .split('\n')
        .filter((l) => /ERROR:/.test(l))
        .map((l) => /ERROR:\s+(\w{5})/.exec(l)?.[1] ?? '');
      let ok = 0;
      let e = 0;
      for (const [sql, expected] of all) {
        if (expected !== null && typeof expected === 'object') {
          assert.equal(errors[e++], expected.error, sql);
        } else {
          assert.deepEqual(results[ok++], expected, sql);
        }
      }
    });
  },
);
