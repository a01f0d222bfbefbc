/**
 * Python drivers against each target, run with the Debian interpreter and packages
 * (python3-psycopg, python3-psycopg2, python3-asyncpg), not a pyenv/venv python. Each script
 * under python/ prints one OK or FAIL line per check; this test asserts on them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientFile } from './client-files.js';
import { describeResult, runProcess } from './run-process.js';
import { selectedTargets, startTarget, type ClientTarget } from './targets.js';

const python = process.env['LAKEGATE_PYTHON'] ?? '/usr/bin/python3';

const scripts: Readonly<Record<string, readonly string[]>> = {
  'psycopg3_check.py': [
    'server-side binding',
    'prepare=True',
    'binary cursor',
    'named cursor',
    'syntax error 42601',
    'cancel 57014',
    'set/show',
  ],
  'psycopg2_check.py': [
    'client-side interpolation',
    'named cursor',
    'syntax error 42601',
    'failed transaction 25P02',
    'cancel 57014',
    'set/show',
  ],
  'asyncpg_check.py': [
    'fetch and fetchval in binary',
    'prepared statement',
    'cursor in a transaction',
    'syntax error 42601',
    'timeout cancels',
    'set/show',
  ],
};

for (const kind of selectedTargets()) {
  describe(`python drivers against ${kind}`, { timeout: 300_000 }, () => {
    let target: ClientTarget;
    before(async () => {
      target = await startTarget(kind);
    });
    after(async () => {
      await target?.close();
    });

    for (const [script, checks] of Object.entries(scripts)) {
      it(script, async () => {
        const result = await runProcess(
          python,
          [
            clientFile(`python/${script}`),
            target.host,
            String(target.port),
            target.database,
            target.user,
            target.streamSql,
          ],
          { timeoutMs: 120_000, env: { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } },
        );
        const context = describeResult(`${python} ${script}`, result);
        const lines = result.stdout.split('\n');
        for (const check of checks) {
          assert.ok(
            lines.some((line) => line === `OK ${check}` || line.startsWith(`OK ${check} `)),
            `missing OK ${check}\n${context}`,
          );
        }
        assert.equal(result.code, 0, context);
        assert.ok(lines.includes('DONE'), context);
      });
    }
  });
}
