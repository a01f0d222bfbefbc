/**
 * TLS end to end: a self-signed certificate made by openssl at test time, `tls: {cert, key}` in
 * the config, psql with sslmode=require, SCRAM-SHA-256-PLUS with channel_binding=require over
 * the real handshake, and a server without TLS refusing sslmode=require while sslmode=prefer
 * falls back to plain text.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeResult } from '../clients/run-process.js';
import { cleanEnv, psql, runCli, startServe, tempDir, type ServeProcess } from './cli-process.js';

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const skip =
  openssl.status === 0 ? false : 'openssl is not installed: cannot make a test certificate';
const password = 'tls-scram-pass-51b';

describe('TLS', { skip }, () => {
  const dir = tempDir('lakegate-cli-tls-');
  let tlsServer: ServeProcess | undefined;
  let plainServer: ServeProcess | undefined;

  before(async () => {
    const cert = join(dir.path, 'server.crt');
    const key = join(dir.path, 'server.key');
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-days',
        '1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(made.status, 0, `openssl req failed: ${made.stderr}`);
    const verifier = await runCli(['hash-password', password]);
    assert.equal(verifier.code, 0, describeResult('lakegate hash-password', verifier));
    const file = join(dir.path, 'tls.yaml');
    writeFileSync(
      file,
      `tls:\n  cert: ${cert}\n  key: ${key}\nusers:\n  - name: sam\n    method: scram-sha-256\n    password: "${verifier.stdout.trim()}"\n  - name: tina\n    method: trust\n`,
    );
    const warehouse = join(dir.path, 'warehouse');
    [tlsServer, plainServer] = await Promise.all([
      startServe(['--config', file, '--warehouse', warehouse, '--port', '0']),
      startServe(['--warehouse', join(dir.path, 'plain'), '--port', '0']),
    ]);
  });

  after(async () => {
    await Promise.all([tlsServer?.stop(), plainServer?.stop()]);
    dir.remove();
  });

  it('psql with sslmode=require runs SELECT 1 over TLS', async () => {
    const conninfo = `host=127.0.0.1 port=${String(tlsServer?.port)} dbname=local user=tina sslmode=require`;
    const result = await psql(conninfo, ['-At', '-c', 'SELECT 1']);
    assert.equal(result.code, 0, describeResult('psql', result));
    assert.equal(result.stdout, '1\n');
    await tlsServer?.waitForLog(/"user":"tina".*"tls":true/);
  });

  it('SCRAM-SHA-256-PLUS: psql with channel_binding=require logs in', async () => {
    const conninfo = `host=127.0.0.1 port=${String(tlsServer?.port)} dbname=local user=sam sslmode=require channel_binding=require`;
    const result = await psql(conninfo, ['-At', '-c', 'SELECT current_user'], {
      env: cleanEnv({ PGPASSWORD: password }),
    });
    assert.equal(result.code, 0, describeResult('psql', result));
    assert.equal(result.stdout, 'sam\n');
  });

  it('SCRAM-SHA-256-PLUS with a wrong password is 28P01', async () => {
    const conninfo = `host=127.0.0.1 port=${String(tlsServer?.port)} dbname=local user=sam sslmode=require channel_binding=require`;
    const result = await psql(conninfo, ['-c', 'SELECT 1'], {
      env: cleanEnv({ PGPASSWORD: 'nope' }),
    });
    assert.equal(result.code, 2, describeResult('psql', result));
    assert.match(result.stderr, /FATAL: {2}password authentication failed for user "sam"/);
  });

  it('a client that answers S with garbage ends only its connection, logged as 08P01', async () => {
    const socket = connect(tlsServer!.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const sslRequest = Buffer.alloc(8);
    sslRequest.writeInt32BE(8, 0);
    sslRequest.writeInt32BE(80877103, 4);
    socket.write(sslRequest);
    const answer = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
    assert.equal(answer.toString(), 'S');
    socket.on('error', () => undefined);
    socket.write('this is not a TLS ClientHello\n'.repeat(20));
    await new Promise((resolve) => socket.once('close', resolve));
    const log = await tlsServer!.waitForLog(/could not accept SSL connection/);
    assert.doesNotMatch(log, /"level":50/, 'a bad handshake is not an internal error');
    const result = await psql(
      `host=127.0.0.1 port=${String(tlsServer?.port)} dbname=local user=tina sslmode=require`,
      ['-At', '-c', 'SELECT 2'],
    );
    assert.equal(result.stdout, '2\n', describeResult('psql', result));
  });

  it('without TLS configured, sslmode=require fails and sslmode=prefer falls back', async () => {
    const base = `host=127.0.0.1 port=${String(plainServer?.port)} dbname=local user=tester`;
    const required = await psql(`${base} sslmode=require`, ['-c', 'SELECT 1']);
    assert.equal(required.code, 2, describeResult('psql sslmode=require', required));
    assert.match(
      required.stderr,
      /^psql: error: connection to server at "127\.0\.0\.1", port \d+ failed: server does not support SSL, but SSL was required\n$/,
    );
    const preferred = await psql(`${base} sslmode=prefer`, ['-At', '-c', 'SELECT 1']);
    assert.equal(preferred.code, 0, describeResult('psql sslmode=prefer', preferred));
    assert.equal(preferred.stdout, '1\n');
  });
});
