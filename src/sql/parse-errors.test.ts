import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LakeError } from '../common/errors.js';
import { parseSql } from './parse.js';

/** Expected SQLSTATE, message and 1-based position; positions checked against PostgreSQL 15. */
function assertError(sql: string, sqlstate: string, message: string, position: number): void {
  assert.throws(
    () => parseSql(sql),
    (e: unknown) => {
      assert.ok(e instanceof LakeError, `${sql}: not a LakeError`);
      assert.deepEqual([e.sqlstate, e.message, e.position], [sqlstate, message, position], sql);
      return true;
    },
  );
}

describe('parse errors', () => {
  it('reports syntax errors as PostgreSQL does', () => {
    assertError('select 1 +', '42601', 'syntax error at end of input', 11);
    assertError('select 1 +  ', '42601', 'syntax error at end of input', 13);
    assertError('select 1 + ;', '42601', 'syntax error at or near ";"', 12);
    assertError('SELECT 1; SELECT 2 +', '42601', 'syntax error at end of input', 21);
    assertError('selec 1', '42601', 'syntax error at or near "selec"', 1);
    assertError('select 1 from', '42601', 'syntax error at end of input', 14);
    assertError('select 1 = 1 = true', '42601', 'syntax error at or near "="', 14);
    assertError("select 'a' 'b'", '42601', `syntax error at or near "'b'"`, 12);
    assertError('select 1 x, 2 from, 3', '42601', 'syntax error at or near ","', 19);
    assertError("select interval '1' day (3)", '42601', 'syntax error at or near "("', 25);
    assertError('SELECT 1 FROM t WHERE a = 1 AND', '42601', 'syntax error at end of input', 32);
  });

  it('counts characters, not UTF-16 units, in positions', () => {
    assertError("select 'é😀' + ;", '42601', 'syntax error at or near ";"', 15);
    assertError("select '😀😀' ) ", '42601', 'syntax error at or near ")"', 13);
  });

  it('reports lexical errors', () => {
    assertError("select 'abc", '42601', `unterminated quoted string at or near "'abc"`, 8);
    assertError('select 1; /* x', '42601', 'unterminated /* comment at or near "/* x"', 11);
  });

  it('reports recognised but unsupported statements and syntax as 0A000', () => {
    assertError('INSERT INTO t VALUES (1)', '0A000', 'INSERT is not supported yet', 1);
    assertError(
      'SELECT 1;\n  merge into t using s on true',
      '0A000',
      'MERGE is not supported yet',
      13,
    );
    assertError("CALL cat.system.expire_snapshots('t')", '0A000', 'CALL is not supported yet', 1);
    assertError('CREATE TABLE t (a int)', '0A000', 'CREATE is not supported yet', 1);
    assertError('EXPLAIN DELETE FROM t', '0A000', 'DELETE is not supported yet', 9);
    assertError(
      'SELECT count(*) OVER () FROM t',
      '0A000',
      'window function (OVER) is not supported yet',
      17,
    );
    assertError('COPY t FROM STDIN', '0A000', 'COPY FROM is not supported yet', 8);
    assertError('FETCH BACKWARD 1 FROM c', '0A000', 'FETCH BACKWARD is not supported yet', 7);
    assertError('SELECT a @> b', '0A000', 'operator @> is not supported yet', 10);
  });

  it('rejects unknown EXPLAIN options', () => {
    assertError('EXPLAIN (foo) SELECT 1', '42601', 'unrecognized EXPLAIN option "foo"', 10);
  });

  it('does not treat words as Object.prototype members', () => {
    assert.equal(parseSql('SELECT constructor, tostring FROM hasownproperty').length, 1);
    assertError('constructor', '42601', 'syntax error at or near "constructor"', 1);
  });
});
