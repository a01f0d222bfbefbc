import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalFileIO } from '../../src/storage/local-file-io.js';
import { withFileLock } from './file-lock.js';

describe('withFileLock', () => {
  const io = new LocalFileIO();
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-lock-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('excludes concurrent holders and releases the lock file', async () => {
    const lock = join(dir, 'a.lock');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        withFileLock(io, lock, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    assert.equal(maxInside, 1);
    assert.equal(await io.stat(lock), null);
  });

  it('breaks a lock left by a dead process', async () => {
    const lock = join(dir, 'dead.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout.toString());
    await writeFile(lock, JSON.stringify({ token: 'old', pid, host: hostname(), at: Date.now() }));
    const started = Date.now();
    assert.equal(await withFileLock(io, lock, () => Promise.resolve(42), { timeoutMs: 2000 }), 42);
    assert.ok(Date.now() - started < 1000);
  });

  it('breaks a lock older than staleMs, and times out with 55P03 on a fresh live one', async () => {
    const lock = join(dir, 'old.lock');
    await writeFile(
      lock,
      JSON.stringify({ token: 'old', pid: process.pid, host: hostname(), at: 0 }),
    );
    await utimes(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    assert.equal(
      await withFileLock(io, lock, () => Promise.resolve('ok'), { staleMs: 30_000 }),
      'ok',
    );
    await writeFile(
      lock,
      JSON.stringify({ token: 'live', pid: process.pid, host: hostname(), at: Date.now() }),
    );
    await assert.rejects(
      withFileLock(io, lock, () => Promise.resolve(1), { timeoutMs: 100 }),
      { sqlstate: '55P03' },
    );
    assert.notEqual(await io.stat(lock), null, 'a live lock is left alone');
  });
});
