import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AnswerTable, compareAnswer, formatAnswer, parseAnswer } from './answer-table.js';

const table = (rows: (string | null)[][]): AnswerTable => ({ columns: ['k', 'v'], rows });

test('format and parse round-trip NULL and escaped characters', () => {
  const t = table([
    ['a\tb', null],
    ['back\\slash', 'line\nbreak\r'],
    ['', '\\N'],
  ]);
  const text = formatAnswer(t);
  assert.equal(text.split('\n').length, 5); // header, three rows, final newline
  assert.deepEqual(parseAnswer(text), t);
});

test('equal answers compare equal', () => {
  const t = table([
    ['1', '10.00'],
    ['2', '20.00'],
  ]);
  assert.equal(compareAnswer(t, table([...t.rows.map((r) => [...r])]), [0]), undefined);
});

test('rows tied on every sort key may come in any order', () => {
  const expected = table([
    ['1', 'x'],
    ['1', 'y'],
    ['2', 'z'],
  ]);
  const actual = table([
    ['1', 'y'],
    ['1', 'x'],
    ['2', 'z'],
  ]);
  assert.equal(compareAnswer(expected, actual, [0]), undefined);
  // ...but not when the second column is a sort key too.
  assert.match(compareAnswer(expected, actual, [0, 1]) ?? '', /row 1 out of order/);
});

test('a value differing only in its printed scale is a difference', () => {
  const expected = table([['1', '10.00']]);
  assert.match(compareAnswer(expected, table([['1', '10.0']]), [0]) ?? '', /row 1 not in/);
  assert.match(compareAnswer(expected, table([['1', null]]), [0]) ?? '', /row 1 not in/);
});

test('missing rows, extra rows and other column names are differences', () => {
  const expected = table([
    ['1', 'a'],
    ['2', 'b'],
  ]);
  assert.match(compareAnswer(expected, table([['1', 'a']]), []) ?? '', /expected 2 rows, got 1/);
  const renamed = { columns: ['k', 'w'], rows: expected.rows };
  assert.match(compareAnswer(expected, renamed, []) ?? '', /columns differ/);
  // A duplicated row does not stand in for a missing one.
  const dup = table([
    ['1', 'a'],
    ['1', 'a'],
  ]);
  assert.match(compareAnswer(expected, dup, []) ?? '', /row 2 not in/);
});
