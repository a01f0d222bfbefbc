import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LakeError } from '../common/errors.js';
import { tokenize } from './tokenizer.js';

const kinds = (sql: string): string[] => tokenize(sql).map((t) => `${t.kind}:${t.value}`);

describe('tokenizer', () => {
  it('folds unquoted words and keeps quoted identifiers', () => {
    assert.deepEqual(kinds('SELECT Foo, "Bar""x", `Spark`'), [
      'word:select',
      'word:foo',
      'punct:,',
      'quoted-ident:Bar"x',
      'punct:,',
      'quoted-ident:Spark',
      'eof:',
    ]);
  });

  it('lexes the string constant forms of §4.1.2', () => {
    const strings = (sql: string): string[] =>
      tokenize(sql)
        .filter((t) => t.kind === 'string')
        .map((t) => t.value);
    assert.deepEqual(strings("'it''s'"), ["it's"]);
    assert.deepEqual(strings("'a\\n'"), ['a\\n'], 'backslash is literal in standard strings');
    assert.deepEqual(strings("E'a\\nb\\'c\\x41\\101\\u00e9'"), ["a\nb'cAAé"]);
    assert.deepEqual(strings("U&'\\0041\\+01F600'"), ['A😀']);
    assert.deepEqual(strings("$$it's$$ $tag$a$$b$tag$"), ["it's", 'a$$b']);
    assert.deepEqual(
      strings("'foo'\n  'bar'"),
      ['foobar'],
      'newline-separated constants concatenate',
    );
    assert.deepEqual(strings("'foo' 'bar'"), ['foo', 'bar'], 'without a newline they do not');
  });

  it('lexes numbers, parameters and operators with offsets', () => {
    assert.deepEqual(kinds('1 1.5 .5 1. 1e5 2.5E-3 $12'), [
      'integer:1',
      'decimal:1.5',
      'decimal:.5',
      'decimal:1.',
      'decimal:1e5',
      'decimal:2.5E-3',
      'param:12',
      'eof:',
    ]);
    assert.deepEqual(kinds('a::int<=b<>c!=d||e=>f->>g'), [
      'word:a',
      'op:::',
      'word:int',
      'op:<=',
      'word:b',
      'op:<>',
      'word:c',
      'op:!=',
      'word:d',
      'op:||',
      'word:e',
      'op:=>',
      'word:f',
      'op:->>',
      'word:g',
      'eof:',
    ]);
    const [a, op, b] = tokenize('ab >= 12');
    assert.deepEqual([a?.start, a?.end, op?.start, op?.end, b?.start, b?.end], [0, 2, 3, 5, 6, 8]);
  });

  it('splits a trailing + or - off an operator as PostgreSQL does (§4.1.3)', () => {
    assert.deepEqual(kinds('a=-1'), ['word:a', 'op:=', 'op:-', 'integer:1', 'eof:']);
    assert.deepEqual(kinds('a*-1'), ['word:a', 'op:*', 'op:-', 'integer:1', 'eof:']);
    assert.deepEqual(kinds('a!=-1'), ['word:a', 'op:!=-', 'integer:1', 'eof:']);
  });

  it('skips line and nested block comments', () => {
    assert.deepEqual(kinds('1 -- c\n/* a /* b */ c */ 2'), ['integer:1', 'integer:2', 'eof:']);
    assert.deepEqual(kinds('1--c'), ['integer:1', 'eof:']);
  });

  it('reports lexical errors in PostgreSQL wording with 1-based positions', () => {
    const cases: [string, string, number][] = [
      ["select 'abc", `unterminated quoted string at or near "'abc"`, 8],
      ['select /* abc', 'unterminated /* comment at or near "/* abc"', 8],
      ['select "abc', 'unterminated quoted identifier at or near ""abc"', 8],
      ['select $$abc', 'unterminated dollar-quoted string at or near "$$abc"', 8],
      ['select 123abc', 'trailing junk after numeric literal at or near "123abc"', 8],
      ["select '😀', 'x", `unterminated quoted string at or near "'x"`, 13],
    ];
    for (const [sql, message, position] of cases) {
      assert.throws(
        () => tokenize(sql),
        (e: unknown) =>
          e instanceof LakeError &&
          e.sqlstate === '42601' &&
          e.message === message &&
          e.position === position,
        sql,
      );
    }
  });
});
