/**
 * The JSON log of `lakegate serve` (LAKEGATE_LOG_FORMAT=json): one `connection authorized`
 * line per connection and one `statement` line per statement, with its SQL text and duration.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeResult } from '../clients/run-process.js';
import {
  cleanEnv,
  jsonLogLines,
  psql,
  startServe,
  tempDir,
  type ServeProcess,
} from './cli-process.js';

describe('JSON log', () => {
  const dir = tempDir('lakegate-cli-log-');
  let server: ServeProcess | undefined;

  after(async () => {
    await server?.stop();
    dir.remove();
  });

  it('logs each connection once and each statement with its SQL and duration', async () => {
    server = await startServe(['--warehouse', join(dir.path, 'w'), '--demo', '--port', '0'], {
      env: cleanEnv({ LAKEGATE_LOG_FORMAT: 'json' }),
    });
    const conninfo = `host=127.0.0.1 port=${server.port} dbname=local user=tester`;
    const statements = ['SELECT count(*) FROM sample.orders', "SELECT 'log-marker-1' AS m"];
    for (const sql of statements) {
      const result = await psql(conninfo, ['-At', '-c', sql]);
      assert.equal(result.code, 0, describeResult('psql', result));
    }
    const failed = await psql(conninfo, ['-c', 'SELECT 1/0']);
    assert.equal(failed.code, 1, describeResult('psql', failed));
    // The log is flushed every 250 ms: wait for the last statement's line.
    await server.waitForLog(/"sql":"SELECT 1\/0"/);
    const lines = jsonLogLines(server.stderr());
    const connections = lines.filter((l) => l['msg'] === 'connection authorized');
    assert.equal(connections.length, 3, JSON.stringify(connections));
    for (const c of connections) {
      assert.equal(c['user'], 'tester');
      assert.equal(c['database'], 'local');
      assert.equal(typeof c['pid'], 'number');
    }
    const logged = lines.filter((l) => l['msg'] === 'statement');
    assert.deepEqual(
      logged.map((l) => l['sql']),
      [...statements, 'SELECT 1/0'],
    );
    for (const l of logged) {
      assert.equal(typeof l['durationMs'], 'number');
      assert.ok((l['durationMs'] as number) >= 0);
    }
    assert.deepEqual(logged[2]?.['error'], { sqlstate: '22012', message: 'division by zero' });
    // Statements carry their connection's pid, which ties them to the connection line.
    assert.deepEqual(
      logged.map((l) => l['pid']),
      connections.map((c) => c['pid']),
    );
  });
});
