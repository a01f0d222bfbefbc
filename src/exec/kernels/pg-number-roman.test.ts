import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCalls } from '../functions/function-test-kit.js';
import { Types } from '../../common/sql-types.js';
import { romanNumeral, romanOf } from './pg-number-roman.js';

test('romanNumeral: subtractive forms, 1..3999 only', () => {
  assert.equal(romanNumeral(1994), 'MCMXCIV');
  assert.equal(romanNumeral(3888), 'MMMDCCCLXXXVIII');
  assert.equal(romanNumeral(1444), 'MCDXLIV');
  assert.equal(romanNumeral(3999), 'MMMCMXCIX');
  assert.equal(romanNumeral(0), '#'.repeat(15));
  assert.equal(romanNumeral(4000), '#'.repeat(15));
  assert.equal(romanNumeral(-5), '#'.repeat(15));
});

// Every expected value is PostgreSQL 15's output (checked with psql).
test('romanOf: float4 rounds to even like float8', () => {
  assert.equal(romanOf(2.5, Types.float4), 'II');
  assert.equal(romanOf(-0.4, Types.float4), '#'.repeat(15));
});

test("to_char(number, 'RN') as PostgreSQL 15", async () => {
  await checkCalls([
    ["to_char(1, 'RN')", '              I'],
    ["to_char(3999, 'FMRN')", 'MMMCMXCIX'],
    ["to_char(4000, 'RN')", '###############'],
    ["to_char(0, 'RN')", '###############'],
    ["to_char(-5, 'FMRN')", '###############'],
    ["to_char(1994, 'rn')", '        mcmxciv'],
    ["to_char(1994, 'FMrn')", 'mcmxciv'],
    ["to_char(12, 'fmrn')", 'xii'],
    ["to_char(12, 'RNFM')", 'XII'],
    ["to_char(12, 'Rn')", 'Rn'],
    // numeric rounds half away from zero, floats to even (rint), int8 must fit int4.
    ["to_char(2.5, 'FMRN')", 'III'],
    ["to_char(3999.5, 'FMRN')", '###############'],
    ["to_char(0.5, 'FMRN')", 'I'],
    ["to_char('2.5'::float8, 'FMRN')", 'II'],
    ["to_char('3.5'::float8, 'FMRN')", 'IV'],
    ["to_char('1e300'::float8, 'RN')", '###############'],
    ["to_char('NaN'::float8, 'RN')", '###############'],
    ["to_char(14::int8, 'FMRN')", 'XIV'],
    ["to_char(5000000000, 'RN')", { error: '22003' }],
    ["to_char(numeric 'NaN', 'RN')", { error: '0A000' }],
    ["to_char(numeric 'Infinity', 'RN')", { error: '0A000' }],
    // Around RN: text is copied, digits/S/TH/PR/V write nothing, MI/PL/G/, a blank
    // unless FM, L a blank, and SG ends the output.
    ['to_char(9, \'"x"RN"y"\')', 'x             IXy'],
    ["to_char(9, 'FMRN RN')", 'IX IX'],
    ["to_char(12, '99RN')", '            XII'],
    ["to_char(12, 'SRNTH.9')", '            XII'],
    ["to_char(12, 'RNV9PR')", '            XII'],
    ["to_char(12, 'RNMI')", '            XII '],
    ["to_char(12, 'FMRNPL')", 'XII'],
    ["to_char(12, '9,RN,G')", '             XII  '],
    ["to_char(12, 'LRN')", '             XII'],
    ["to_char(12, 'RNSGx')", '            XII'],
    ["to_char(12, 'RNEEEE')", { error: '42601' }],
    ["to_number('XII', 'RN')", { error: '0A000' }],
  ]);
});
