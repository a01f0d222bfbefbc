import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LakeError } from '../../src/common/errors.js';
import type { FileIO } from '../../src/storage/file-io.js';

export interface FileLockOptions {
  /** Give up waiting after this long (55P03). */
  readonly timeoutMs?: number;
  /** A lock older than this is abandoned, whoever holds it; holds last milliseconds. */
  readonly staleMs?: number;
}

interface LockOwner {
  readonly token: string;
  readonly pid: number;
  readonly host: string;
  readonly at: number;
}

/**
 * Runs `fn` holding an exclusive lock file, for processes sharing a directory. The lock
 * is created with put-if-absent (link(2) of a fully written temp file, so its content
 * is never partial). A lock left by a dead process on this host, or older than
 * `staleMs`, is removed, after re-reading it to check it is still the same lock.
 */
export async function withFileLock<T>(
  io: FileIO,
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const owner = await acquire(io, lockPath, options);
  try {
    return await fn();
  } finally {
    const current = await readOwner(io, lockPath);
    if (current?.token === owner.token) await io.delete(lockPath);
  }
}

async function acquire(io: FileIO, lockPath: string, options: FileLockOptions): Promise<LockOwner> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = {
      token: randomUUID(),
      pid: process.pid,
      host: hostname(),
      at: Date.now(),
    };
    try {
      await io.writeIfAbsent(lockPath, new TextEncoder().encode(JSON.stringify(owner)));
      return owner;
    } catch (err) {
      if (!(err instanceof LakeError) || err.kind !== 'conflict') throw err;
    }
    if (await breakIfStale(io, lockPath, staleMs)) continue;
    if (Date.now() > deadline) {
      throw new LakeError('55P03', `could not obtain lock on "${lockPath}"`, {
        hint: 'Another lakegate process is writing the catalog; if none is running, remove the lock file.',
      });
    }
    await sleep(Math.min(50, 2 + attempt * 2) + randomInt(5));
  }
}

async function breakIfStale(io: FileIO, lockPath: string, staleMs: number): Promise<boolean> {
  const [info, owner] = await Promise.all([io.stat(lockPath), readOwner(io, lockPath)]);
  if (info === null) return true; // released meanwhile
  const dead = owner !== null && owner.host === hostname() && !processAlive(owner.pid);
  if (!dead && Date.now() - info.modifiedMs < staleMs) return false;
  const again = await readOwner(io, lockPath);
  if (again?.token === owner?.token) await io.delete(lockPath);
  return true;
}

async function readOwner(io: FileIO, lockPath: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(new TextDecoder().decode(await io.read(lockPath))) as LockOwner;
  } catch {
    return null; // gone, or unreadable: treated by age alone
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as { code?: string }).code === 'EPERM';
  }
}
