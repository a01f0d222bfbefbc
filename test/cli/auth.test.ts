/**
 * Password authentication end to end against `lakegate serve --config` with users: SCRAM-SHA-256
 * (a verifier from `lakegate hash-password`), md5 (PostgreSQL's stored "md5" + md5(password ||
 * user)) and cleartext `password`, each with psql and node-postgres; wrong passwords fail with
 * PostgreSQL's wording and 28P01; no password ever reaches the server's log.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { describeResult } from '../clients/run-process.js';
import { cleanEnv, psql, runCli, startServe, tempDir, type ServeProcess } from './cli-process.js';

const users = [
  { name: 'sam', method: 'scram-sha-256', password: 'Scram-pass-9f2' },
  { name: 'mia', method: 'md5', password: 'md5-pass-71c' },
  { name: 'pat', method: 'password', password: 'clear-pass-3d8' },
] as const;
const wrong = 'wrong-pass-e0a';

describe('password authentication', () => {
  const dir = tempDir('lakegate-cli-auth-');
  let server: ServeProcess | undefined;

  before(async () => {
    const verifier = await runCli(['hash-password'], { input: `${users[0].password}\n` });
    assert.equal(verifier.code, 0, describeResult('lakegate hash-password', verifier));
    assert.match(
      verifier.stdout,
      /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+\n$/,
    );
    const md5 = `md5${createHash('md5').update(`${users[1].password}${users[1].name}`).digest('hex')}`;
    const secrets = [verifier.stdout.trim(), md5, users[2].password];
    const file = join(dir.path, 'lakegate.yaml');
    writeFileSync(
      file,
      `catalogs:\n  local:\n    type: local\n    warehouse: ${join(dir.path, 'warehouse')}\nusers:\n` +
        users
          .map(
            (u, i) =>
              `  - name: ${u.name}\n    method: ${u.method}\n    password: "${secrets[i]}"\n`,
          )
          .join(''),
    );
    server = await startServe(['--config', file, '--port', '0'], {
      env: cleanEnv({ LAKEGATE_LOG_FORMAT: 'json', LAKEGATE_LOG_LEVEL: 'trace' }),
    });
  });

  after(async () => {
    await server?.stop();
    dir.remove();
  });

  const conninfo = (user: string): string =>
    `host=127.0.0.1 port=${String(server?.port)} dbname=local user=${user}`;

  for (const user of users) {
    it(`${user.method}: psql logs in with the right password`, async () => {
      const result = await psql(conninfo(user.name), ['-At', '-c', 'SELECT current_user'], {
        env: cleanEnv({ PGPASSWORD: user.password }),
      });
      assert.equal(result.code, 0, describeResult('psql', result));
      assert.equal(result.stdout, `${user.name}\n`);
    });

    it(`${user.method}: psql is refused a wrong password`, async () => {
      const result = await psql(conninfo(user.name), ['-c', 'SELECT 1'], {
        env: cleanEnv({ PGPASSWORD: wrong }),
      });
      assert.equal(result.code, 2, describeResult('psql', result));
      assert.match(
        result.stderr,
        new RegExp(`failed: FATAL: {2}password authentication failed for user "${user.name}"\\n$`),
      );
    });

    it(`${user.method}: node-postgres logs in, and gets 28P01 for a wrong password`, async () => {
      const options = {
        host: '127.0.0.1',
        port: server?.port ?? 0,
        database: 'local',
        user: user.name,
      };
      const client = new pg.Client({ ...options, password: user.password });
      await client.connect();
      try {
        const result = await client.query<{ u: string }>('SELECT current_user AS u');
        assert.deepEqual(result.rows, [{ u: user.name }]);
      } finally {
        await client.end();
      }
      const refused = new pg.Client({ ...options, password: wrong });
      refused.on('error', () => undefined);
      await assert.rejects(refused.connect(), (err: unknown) => {
        const e = err as { code?: string; message?: string; severity?: string };
        assert.equal(e.code, '28P01');
        assert.equal(e.severity, 'FATAL');
        assert.equal(e.message, `password authentication failed for user "${user.name}"`);
        return true;
      });
    });
  }

  it('no password, right or wrong, appears in the server log', async () => {
    // The log is flushed every 250 ms: wait for the failures, then one more flush.
    await server?.waitForLog(/authentication failed/);
    await new Promise((r) => setTimeout(r, 600));
    const log = server?.stderr() ?? '';
    for (const secret of [...users.map((u) => u.password), wrong]) {
      assert.ok(!log.includes(secret), `the log contains the password "${secret}"`);
    }
  });
});
