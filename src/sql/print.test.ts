import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSql } from './parse.js';
import { printStatement } from './print.js';

// The corpus stays in src/sql; tests run from dist/src/sql.
const corpusPath = fileURLToPath(new URL('../../../src/sql/corpus.sql', import.meta.url));

function reprint(sql: string): string {
  const parsed = parseSql(sql);
  assert.equal(parsed.length, 1, sql);
  return printStatement((parsed[0] as (typeof parsed)[number]).statement);
}

describe('printer', () => {
  it('round-trips every corpus statement stably', () => {
    const statements = parseSql(readFileSync(corpusPath, 'utf8'));
    assert.ok(statements.length > 100, `corpus has ${statements.length} statements`);
    for (const { statement, text } of statements) {
      const once = printStatement(statement);
      const twice = reprint(once);
      assert.equal(twice, once, `unstable round trip for: ${text}`);
      assert.equal(reprint(twice), twice);
    }
  });

  it('prints canonical SQL', () => {
    assert.equal(
      reprint('select a+b*c as "X" from t where not a'),
      'SELECT a + b * c AS "X" FROM t WHERE NOT a',
    );
    assert.equal(reprint('select (a+b)*c, -(1), - 2'), 'SELECT (a + b) * c, -1, -2');
    assert.equal(reprint('select x::int, (-1)::text'), 'SELECT CAST(x AS int), CAST(-1 AS text)');
    assert.equal(
      reprint('select "select", "Up", a_1 from "from"'),
      'SELECT "select", "Up", a_1 FROM "from"',
    );
    assert.equal(
      reprint('select * from t version as of 3 x'),
      'SELECT * FROM t FOR VERSION AS OF 3 AS x',
    );
    assert.equal(reprint('select extract(year from d)'), 'SELECT EXTRACT(year FROM d)');
    assert.equal(reprint('set time zone local'), 'SET timezone TO DEFAULT');
    assert.equal(
      reprint('copy t to stdout with csv header'),
      "COPY (SELECT * FROM t) TO STDOUT WITH (FORMAT 'csv', HEADER)",
    );
  });
});
