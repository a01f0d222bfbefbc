/**
 * `lakegate sql`: statements run in-process and printed as psql's aligned format. The reference
 * is psql itself, run against `lakegate serve` on the same warehouse with the same SQL: psql
 * (non-interactive, `-c` with several statements) prints each result followed by one blank
 * line, and so does `lakegate sql`, so the two transcripts must be byte-identical.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeResult } from '../clients/run-process.js';
import { psql, runCli, startServe, tempDir, type ServeProcess } from './cli-process.js';

const queries = [
  'SELECT count(*) FROM sample.orders; SHOW TimeZone',
  // Header padding, an empty (NULL) last cell, right-aligned numbers, trailing blanks in text.
  "SELECT 1 AS a, NULL::text AS b; SELECT 'ab  ' AS v, 'abcdefgh' AS longer_col_name",
  "SELECT 12345 AS x, 'q' AS y, 'ab  ' AS z",
  'SELECT order_id, status FROM sample.orders ORDER BY order_id LIMIT 3',
];

describe('lakegate sql', () => {
  const warehouse = tempDir('lakegate-cli-sql-');
  let server: ServeProcess | undefined;

  before(async () => {
    server = await startServe(['--warehouse', warehouse.path, '--demo', '--port', '0']);
  });

  after(async () => {
    await server?.stop();
    warehouse.remove();
  });

  for (const sql of queries) {
    it(`prints what psql prints: ${sql}`, async () => {
      const port = String(server?.port);
      const reference = await psql(`host=127.0.0.1 port=${port} dbname=local user=tester`, [
        '-c',
        sql,
      ]);
      assert.equal(reference.code, 0, describeResult('psql', reference));
      const ours = await runCli(['sql', '--warehouse', warehouse.path, '--demo', sql]);
      assert.equal(ours.code, 0, describeResult('lakegate sql', ours));
      assert.equal(ours.stdout, reference.stdout);
    });
  }

  it('prints the exact count table', async () => {
    const ours = await runCli(['sql', '--warehouse', warehouse.path, '--demo', queries[0] ?? '']);
    assert.equal(
      ours.stdout,
      ' count \n-------\n   500\n(1 row)\n\n TimeZone \n----------\n UTC\n(1 row)\n\n',
    );
  });

  it('a syntax error exits 1 with PostgreSQL wording on stderr', async () => {
    const result = await runCli(['sql', '--warehouse', warehouse.path, 'SELEC 1']);
    assert.equal(result.code, 1, describeResult('lakegate sql', result));
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'ERROR:  syntax error at or near "SELEC"\n');
  });

  it('reads the SQL from stdin when none is given', async () => {
    const result = await runCli(['sql', '--warehouse', warehouse.path], {
      input: 'SELECT 40 + 2 AS answer;\nSELECT 1 AS one;\n',
    });
    assert.equal(result.code, 0, describeResult('lakegate sql < stdin', result));
    assert.equal(
      result.stdout,
      ' answer \n--------\n     42\n(1 row)\n\n one \n-----\n   1\n(1 row)\n\n',
    );
  });

  it('prints the command tag of a statement without rows', async () => {
    const result = await runCli(['sql', '--warehouse', warehouse.path, 'SET TimeZone = UTC']);
    assert.equal(result.code, 0, describeResult('lakegate sql', result));
    assert.equal(result.stdout, 'SET\n');
  });
});
