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
    assertError('GRANT SELECT ON t TO u', '0A000', 'GRANT is not supported yet', 1);
    assertError('SELECT 1;\n  lock table t', '0A000', 'LOCK is not supported yet', 13);
    assertError('CREATE VIEW v AS SELECT 1', '0A000', 'CREATE VIEW is not supported yet', 8);
    assertError('DROP FUNCTION f', '0A000', 'DROP FUNCTION is not supported yet', 6);
    assertError('ALTER VIEW v RENAME TO w', '0A000', 'ALTER VIEW is not supported yet', 7);
    assertError('EXPLAIN PREPARE p AS SELECT 1', '0A000', 'PREPARE is not supported yet', 9);
    assertError(
      'INSERT INTO t VALUES (1) RETURNING *',
      '0A000',
      'RETURNING is not supported yet',
      26,
    );
    assertError(
      'SELECT array_agg(x) WITHIN GROUP (ORDER BY x) FROM t',
      '0A000',
      'WITHIN GROUP is not supported yet',
      21,
    );
    assertError('VACUUM FULL', '0A000', 'VACUUM is not supported yet', 8);
    assertError('COPY t FROM STDIN', '0A000', 'COPY FROM is not supported yet', 8);
    assertError('FETCH BACKWARD 1 FROM c', '0A000', 'FETCH BACKWARD is not supported yet', 7);
    assertError('SELECT a @> b', '0A000', 'operator @> is not supported yet', 10);
  });

  it('reports syntax errors in lake statements at the offending token', () => {
    // Positions follow PostgreSQL's rule: the first token that cannot continue the statement.
    assertError('merge into t using s on true', '42601', 'syntax error at end of input', 29);
    assertError(
      'MERGE INTO t USING s ON a WHEN MATCHED THEN INSERT *',
      '42601',
      'syntax error at or near "INSERT"',
      45,
    );
    assertError('ALTER TABLE t FROB x', '42601', 'syntax error at or near "FROB"', 15);
    assertError('CREATE TABLE t (a int,)', '42601', 'syntax error at or near ")"', 23);
    assertError('CREATE TABLE t (a) USING iceberg', '42601', 'syntax error at or near ")"', 18);
    assertError(
      "CREATE TABLE t LOCATION 'a' LOCATION 'b'",
      '42601',
      'syntax error at or near "LOCATION"',
      29,
    );
    assertError('CALL p(1', '42601', 'syntax error at end of input', 9);
    assertError(
      'SELECT sum(x) OVER (ROWS BETWEEN 1 PRECEDING) FROM t',
      '42601',
      'syntax error at or near ")"',
      45,
    );
    assertError(
      'SELECT count(*) FILTER (a > 1) FROM t',
      '42601',
      'syntax error at or near "a"',
      25,
    );
    assertError('SHOW TABLES IN', '42601', 'syntax error at end of input', 15);
    assertError('DESCRIBE', '42601', 'syntax error at end of input', 9);
    assertError('RESTORE TABLE t TO 3', '42601', 'syntax error at or near "3"', 20);
    assertError('INSERT t VALUES (1)', '42601', 'syntax error at or near "t"', 8);
    assertError('UPDATE t SET a = 1 WHERE', '42601', 'syntax error at end of input', 25);
  });

  it('rejects unknown EXPLAIN options', () => {
    assertError('EXPLAIN (foo) SELECT 1', '42601', 'unrecognized EXPLAIN option "foo"', 10);
  });

  it('does not treat words as Object.prototype members', () => {
    assert.equal(parseSql('SELECT constructor, tostring FROM hasownproperty').length, 1);
    assertError('constructor', '42601', 'syntax error at or near "constructor"', 1);
  });
});
