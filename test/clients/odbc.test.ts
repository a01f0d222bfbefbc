/**
 * psqlODBC (Debian odbc-postgresql, the "PostgreSQL Unicode" driver) through the unixODBC
 * driver manager against each target, with a private odbcinst.ini/odbc.ini per target.
 *
 * - The C client (odbc/odbc_check.c, compiled with gcc at test time) covers SQLDriverConnect,
 *   SQLDescribeCol types (SQL_INTEGER, SQL_(W)VARCHAR, SQL_NUMERIC(5,2), SQL_TYPE_DATE),
 *   SQLPrepare/SQLBindParameter/SQLExecute run several times, SQLGetDiagRec's SQLSTATE 42601,
 *   and UseDeclareFetch=1/Fetch=10 (psqlODBC's BEGIN; DECLARE ... CURSOR WITH HOLD; FETCH 10
 *   ...; CLOSE; COMMIT). Skipped, with the reason, when gcc or the unixODBC headers
 *   (unixodbc-dev) are missing.
 * - isql (unixodbc) runs scripts through stdin and needs no compiler.
 *
 * On connect psqlODBC 13 sends, and needs to succeed (connection.c CC_connect), in order:
 *   SET DateStyle = 'ISO';SET extra_float_digits = 2;show transaction_isolation
 *   select oid, typbasetype from pg_type where typname = 'lo'
 * A failure of the second one fails SQLDriverConnect.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  compileOdbcCheck,
  compilerUnavailableReason,
  dsn,
  isqlPath,
  odbcUnavailableReason,
  streamDsn,
  writeOdbcConfig,
} from './odbc/odbc-setup.js';
import { describeResult, runProcess, type ProcessResult } from './run-process.js';
import { selectedTargets, startTarget, type ClientTarget } from './targets.js';

const streamRows = 500;

const cChecks = [
  'connect',
  'literals',
  'prepared',
  'syntax error 42601',
  'usable after error',
  'connect with UseDeclareFetch',
  'declare/fetch stream',
  'usable after stream',
];

const unavailable = odbcUnavailableReason();
const noCompiler = unavailable ?? compilerUnavailableReason();

function isql(source: string, script: string, env: Record<string, string>): Promise<ProcessResult> {
  // -b batch (no prompts), -v full diagnostics, -c column names, -d'|' delimited output.
  return runProcess(isqlPath, ['-b', '-v', '-c', '-d|', source], {
    input: script,
    env,
    timeoutMs: 60_000,
  });
}

for (const kind of selectedTargets()) {
  describe(`psqlODBC against ${kind}`, { timeout: 300_000, skip: unavailable }, () => {
    let target: ClientTarget;
    let workDir: string;
    let env: Record<string, string>;
    before(async () => {
      target = await startTarget(kind);
      workDir = mkdtempSync(join(tmpdir(), 'lakegate-odbc-'));
      env = writeOdbcConfig(workDir, target);
    });
    after(async () => {
      await target?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    it(
      'C client: SQLDriverConnect, describe, bind, diagnostics, declare/fetch',
      {
        skip: noCompiler,
      },
      async () => {
        const program = await compileOdbcCheck(workDir);
        const result = await runProcess(
          program,
          [`DSN=${dsn}`, target.streamSql, String(streamRows)],
          { env, timeoutMs: 120_000 },
        );
        const context = describeResult('odbc_check', result);
        const lines = result.stdout.split('\n');
        for (const check of cChecks) {
          assert.ok(lines.includes(`OK ${check}`), `missing OK ${check}\n${context}`);
        }
        assert.equal(result.code, 0, context);
        assert.ok(lines.includes('DONE'), context);
      },
    );

    it('isql: literals, syntax error 42601, still usable', async () => {
      const script = [
        "SELECT 1 AS one, 'x' AS t, 2.5::numeric(5,2) AS n, DATE '2024-01-02' AS d",
        'SELEC 1',
        'SELECT 2 AS after',
        '',
      ].join('\n');
      const result = await isql(dsn, script, env);
      const context = describeResult('isql', result);
      const lines = result.stdout.split('\n');
      assert.equal(result.code, 0, context);
      assert.deepEqual(lines.slice(0, 2), ['one|t|n|d', '1|x|2.50|2024-01-02'], context);
      assert.ok(
        lines.includes('[42601]ERROR: syntax error at or near "SELEC";'),
        `no 42601 diagnostic\n${context}`,
      );
      assert.deepEqual(lines.slice(-3), ['after', '2', ''], context);
    });

    it('isql: UseDeclareFetch=1 Fetch=10 streams every row', async () => {
      const result = await isql(streamDsn, `${target.streamSql}\nSELECT 3 AS after\n`, env);
      const context = describeResult('isql (declare/fetch)', result);
      assert.equal(result.code, 0, context);
      const lines = result.stdout.split('\n');
      // The header, the rows, then the follow-up statement's header, value and the final ''.
      assert.equal(lines[0]?.split('|')[0], 'order_id', context);
      const ids = lines.slice(1, -3);
      assert.equal(ids.length, streamRows, context);
      assert.ok(
        ids.every((line) => /^\d+(\|.*)?$/.test(line)),
        context,
      );
      assert.deepEqual(lines.slice(-3), ['after', '3', ''], context);
    });
  });
}
