/**
 * Graceful shutdown of `lakegate serve` on SIGTERM: running statements finish within
 * `limits.shutdown_grace`, new connections are refused meanwhile, and statements that outlast
 * the grace end with FATAL 57P01 as PostgreSQL's fast shutdown does; the process exits 0.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { describeResult } from '../clients/run-process.js';
import { psql, startServe, tempDir, type ServeProcess } from './cli-process.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until the server has logged `count` authorized connections. */
async function authorized(server: ServeProcess, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((server.stderr().match(/connection authorized/g) ?? []).length < count) {
    assert.ok(Date.now() < deadline, `no authorized connection in time:\n${server.stderr()}`);
    await sleep(20);
  }
}

describe('graceful shutdown', () => {
  const dir = tempDir('lakegate-cli-shutdown-');
  const servers: ServeProcess[] = [];

  after(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    dir.remove();
  });

  it('SIGTERM lets a running statement finish, refuses new connections, exits 0', async () => {
    const server = await startServe(['--warehouse', join(dir.path, 'w1'), '--port', '0']);
    servers.push(server);
    const conninfo = `host=127.0.0.1 port=${server.port} dbname=local user=tester`;
    const running = psql(conninfo, ['-At', '-c', "SELECT pg_sleep(2), 'done'"]);
    await authorized(server, 1);
    await sleep(300);
    const stopped = server.stop('SIGTERM', 30_000);
    await sleep(300);
    const refused = await psql(conninfo, ['-c', 'SELECT 1']);
    assert.equal(refused.code, 2, describeResult('psql during shutdown', refused));
    assert.match(refused.stderr, /Connection refused|server closed the connection/);
    const result = await running;
    assert.equal(result.code, 0, describeResult('psql pg_sleep(2)', result));
    assert.equal(result.stdout, '|done\n');
    const exit = await stopped;
    assert.deepEqual(exit, { code: 0, signal: null, killed: false }, server.stderr());
  });

  it('a statement longer than shutdown_grace ends with FATAL 57P01; exit 0 promptly', async () => {
    const file = join(dir.path, 'grace.yaml');
    writeFileSync(file, 'limits:\n  shutdown_grace: 500ms\n');
    const server = await startServe([
      '--config',
      file,
      '--warehouse',
      join(dir.path, 'w2'),
      '--port',
      '0',
    ]);
    servers.push(server);
    const conninfo = `host=127.0.0.1 port=${server.port} dbname=local user=tester`;
    const viaPsql = psql(conninfo, ['-c', 'SELECT pg_sleep(10)']);
    const client = new pg.Client({
      host: '127.0.0.1',
      port: server.port,
      database: 'local',
      user: 'tester',
    });
    client.on('error', () => undefined);
    await client.connect();
    const viaPg = client.query('SELECT pg_sleep(10)').then(
      () => assert.fail('pg_sleep(10) should not complete'),
      (err: unknown) => err as { code?: string; severity?: string; message?: string },
    );
    await authorized(server, 2);
    await sleep(300);
    const signalled = Date.now();
    const exit = await server.stop('SIGTERM', 30_000);
    const elapsed = Date.now() - signalled;
    assert.deepEqual(exit, { code: 0, signal: null, killed: false }, server.stderr());
    // 500 ms of grace plus draining; far less than the 10 s statements.
    assert.ok(elapsed < 8_000, `exit took ${elapsed} ms`);
    const error = await viaPg;
    assert.equal(error.code, '57P01');
    assert.equal(error.severity, 'FATAL');
    assert.equal(error.message, 'terminating connection due to administrator command');
    const result = await viaPsql;
    assert.equal(result.code, 2, describeResult('psql pg_sleep(10)', result));
    assert.match(result.stderr, /FATAL: {2}terminating connection due to administrator command/);
    await client.end().catch(() => undefined);
  });
});
