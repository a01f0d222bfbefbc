/**
 * `lakegate serve` configuration end to end: LAKEGATE_* environment overrides, a YAML file
 * with users, invalid values (a one-line message and exit 1, never a stack trace), refusing a
 * non-loopback address without users, and an unknown dbname as psql reports it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeResult } from '../clients/run-process.js';
import { freePort } from '../support/free-port.js';
import { cleanEnv, psql, runCli, startServe, tempDir, type ServeProcess } from './cli-process.js';

describe('lakegate serve configuration', () => {
  const dir = tempDir('lakegate-cli-config-');
  const servers: ServeProcess[] = [];

  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    dir.remove();
  });

  it('LAKEGATE_PORT and LAKEGATE_WAREHOUSE configure the server', async () => {
    const port = await freePort();
    const warehouse = join(dir.path, 'env-warehouse');
    const server = await startServe(['--demo'], {
      env: cleanEnv({ LAKEGATE_PORT: String(port), LAKEGATE_WAREHOUSE: warehouse }),
    });
    servers.push(server);
    assert.equal(server.port, port);
    const result = await psql(`host=127.0.0.1 port=${port} dbname=local user=tester`, [
      '-At',
      '-c',
      'SELECT count(*) FROM sample.orders',
    ]);
    assert.equal(result.code, 0, describeResult('psql', result));
    assert.equal(result.stdout, '500\n');
    // --demo wrote its table into the warehouse from the environment.
    await server.waitForLog(/created demo table sample\.orders/);
    const second = await runCli(['sql', 'SELECT count(*) AS n FROM sample.orders'], {
      env: cleanEnv({ LAKEGATE_WAREHOUSE: warehouse }),
    });
    assert.equal(second.code, 0, describeResult('lakegate sql', second));
    assert.equal(second.stdout, '  n  \n-----\n 500\n(1 row)\n\n');
  });

  it('--config reads listen, catalogs and users from YAML; flags override it', async () => {
    const warehouse = join(dir.path, 'yaml-warehouse');
    const file = join(dir.path, 'users.yaml');
    writeFileSync(
      file,
      `listen:\n  host: 127.0.0.1\n  port: 1\ndefault_catalog: lake\ncatalogs:\n  lake:\n    type: local\n    warehouse: ${warehouse}\nusers:\n  - name: alice\n    method: password\n    password: "s3cret"\n`,
    );
    const server = await startServe(['--config', file, '--port', '0', '--demo']);
    servers.push(server);
    const ok = await psql(
      `host=127.0.0.1 port=${server.port} dbname=lake user=alice`,
      ['-At', '-c', 'SELECT current_database(), current_user'],
      { env: cleanEnv({ PGPASSWORD: 's3cret' }) },
    );
    assert.equal(ok.code, 0, describeResult('psql', ok));
    assert.equal(ok.stdout, 'lake|alice\n');
    const nouser = await psql(
      `host=127.0.0.1 port=${server.port} dbname=lake user=bob`,
      ['-c', 'SELECT 1'],
      { env: cleanEnv({ PGPASSWORD: 'x' }) },
    );
    assert.equal(nouser.code, 2, describeResult('psql', nouser));
    // PostgreSQL hides whether the role exists: the same message as a wrong password.
    assert.match(nouser.stderr, /FATAL: {2}password authentication failed for user "bob"/);
  });

  const invalid: [string, string, RegExp][] = [
    ['a bad duration', 'limits:\n  shutdown_grace: soon\n', /^lakegate: invalid duration "soon"/],
    [
      'a port out of range',
      'listen:\n  port: 99999\n',
      /^lakegate: port must be an integer from 0 to 65535, got "99999"/,
    ],
    [
      'a negative limit',
      'limits:\n  max_connections: -3\n',
      /^lakegate: limits\.max_connections must be a non-negative integer, got "-3"/,
    ],
    [
      'an unknown auth method',
      'users:\n  - name: a\n    method: kerberos\n',
      /^lakegate: users\[0\]\.method "kerberos" is not one of/,
    ],
    [
      'a user without a password',
      'users:\n  - name: a\n    method: md5\n',
      /^lakegate: users\[0\]\.password is required for md5/,
    ],
    [
      'a log format',
      'log:\n  format: xml\n',
      /^lakegate: log\.format must be auto, json or pretty, got "xml"/,
    ],
    [
      'YAML that is not a mapping',
      '- just\n- a list\n',
      /^lakegate: invalid config file ".*": top level must be a mapping/,
    ],
    [
      'half a TLS pair',
      'tls:\n  cert: /nonexistent.crt\n',
      /^lakegate: tls needs both cert and key/,
    ],
  ];
  for (const [what, yaml, message] of invalid) {
    it(`refuses ${what} with a one-line message and exit 1`, async () => {
      const file = join(dir.path, `invalid-${what.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, yaml);
      // No --port flag: it would override listen.port. Every case fails before listening.
      const result = await runCli(['serve', '--config', file], { timeoutMs: 30_000 });
      assert.equal(result.code, 1, describeResult('lakegate serve', result));
      assert.match(result.stderr, message);
      assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /\n\s+at |internal error/);
    });
  }

  it('a missing config file is reported by name', async () => {
    const result = await runCli(['serve', '--config', join(dir.path, 'absent.yaml')]);
    assert.equal(result.code, 1, describeResult('lakegate serve', result));
    assert.match(result.stderr, /^lakegate: cannot read config file ".*absent\.yaml"/);
  });

  it('a port already in use is a clear error with exit 1', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli([
        'serve',
        '--port',
        String(port),
        '--warehouse',
        join(dir.path, 'busy'),
      ]);
      assert.equal(result.code, 1, describeResult('lakegate serve', result));
      assert.match(
        result.stderr,
        new RegExp(`^lakegate: could not listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`),
      );
    } finally {
      busy.close();
    }
  });

  it('refuses --host 0.0.0.0 without users, before listening', async () => {
    const result = await runCli([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--warehouse',
      join(dir.path, 'open'),
    ]);
    assert.equal(result.code, 1, describeResult('lakegate serve --host 0.0.0.0', result));
    assert.equal(
      result.stderr,
      'lakegate: refusing to listen on 0.0.0.0 without configured users: trust authentication is for loopback only (add users to the config file)\n',
    );
  });

  it('a dbname that is not a catalog is FATAL 3D000 in psql', async () => {
    const server = await startServe(['--warehouse', join(dir.path, 'w3'), '--port', '0']);
    servers.push(server);
    const result = await psql(`host=127.0.0.1 port=${server.port} dbname=nope user=tester`, [
      '-c',
      'SELECT 1',
    ]);
    assert.equal(result.code, 2, describeResult('psql', result));
    assert.match(
      result.stderr,
      /^psql: error: connection to server at "127\.0\.0\.1", port \d+ failed: FATAL: {2}database "nope" does not exist\n$/,
    );
  });
});
