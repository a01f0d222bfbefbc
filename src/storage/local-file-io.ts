import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { FileIO, FileInfo } from './file-io.js';
import { errnoCode, ioError } from './io-error.js';

/**
 * FileIO over the local file system (node:fs/promises). Writes are crash-safe:
 * data goes to a temp file in the target directory, which is fsynced and then
 * renamed (or hard-linked for put-if-absent, since link(2) fails with EEXIST
 * atomically), and the directory is fsynced so the new name survives a crash.
 */
export class LocalFileIO implements FileIO {
  readonly scheme = 'file';

  async stat(path: string): Promise<FileInfo | null> {
    const p = localPath(path);
    try {
      const s = await stat(p);
      return s.isFile() ? { path: p, size: s.size, modifiedMs: s.mtimeMs } : null;
    } catch (err) {
      if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return null;
      throw ioError('stat', p, err);
    }
  }

  async list(dir: string, options: { recursive?: boolean } = {}): Promise<FileInfo[]> {
    const out: FileInfo[] = [];
    await this.walk(localPath(dir), options.recursive === true, out);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private async walk(dir: string, recursive: boolean, out: FileInfo[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return;
      throw ioError('open directory', dir, err);
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (recursive) await this.walk(p, true, out);
      } else if (e.isFile()) {
        const info = await this.stat(p);
        if (info) out.push(info);
      }
    }
  }

  async read(path: string): Promise<Uint8Array> {
    const p = localPath(path);
    try {
      return new Uint8Array(await readFile(p));
    } catch (err) {
      throw ioError('read', p, err);
    }
  }

  async readRange(path: string, start: number, end: number): Promise<Uint8Array> {
    const p = localPath(path);
    const length = Math.max(0, end - start);
    const buf = new Uint8Array(length);
    let filled = 0;
    try {
      const fh = await open(p, 'r');
      try {
        while (filled < length) {
          const { bytesRead } = await fh.read(buf, filled, length - filled, start + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw ioError('read', p, err);
    }
    return filled === length ? buf : buf.subarray(0, filled);
  }

  async writeAtomic(path: string, data: Uint8Array): Promise<void> {
    const p = localPath(path);
    const tmp = await this.writeTemp(p, data);
    try {
      await rename(tmp, p);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw ioError('rename', p, err);
    }
    await syncDirectory(dirname(p));
  }

  async writeIfAbsent(path: string, data: Uint8Array): Promise<void> {
    const p = localPath(path);
    const tmp = await this.writeTemp(p, data);
    try {
      await link(tmp, p);
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') throw alreadyExists(p, err);
      throw ioError('create', p, err);
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    await syncDirectory(dirname(p));
  }

  /** Writes and fsyncs a uniquely named temp file beside `p`; returns its path. */
  private async writeTemp(p: string, data: Uint8Array): Promise<string> {
    const dir = dirname(p);
    await this.mkdirs(dir);
    // A leading dot keeps the temp file out of table listings (see src/formats).
    const tmp = join(dir, `.${basename(p)}.${randomUUID()}.tmp`);
    try {
      const fh = await open(tmp, 'wx');
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw ioError('write', tmp, err);
    }
    return tmp;
  }

  async delete(path: string): Promise<void> {
    const p = localPath(path);
    try {
      await unlink(p);
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw ioError('remove', p, err);
    }
  }

  async mkdirs(path: string): Promise<void> {
    const p = localPath(path);
    try {
      await mkdir(p, { recursive: true });
    } catch (err) {
      throw ioError('create directory', p, err);
    }
  }
}

/** Accepts plain paths and `file://` URIs. */
function localPath(path: string): string {
  return path.startsWith('file://') ? fileURLToPath(path) : path;
}

function alreadyExists(path: string, cause: unknown): LakeError {
  return new LakeError(
    SqlState.serializationFailure,
    `could not create file "${path}": File exists`,
    {
      kind: 'conflict',
      cause,
    },
  );
}

/** fsync of the directory makes a rename or link durable (POSIX leaves it to the caller). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    // Some file systems refuse fsync on a directory; the data itself is already synced.
    const code = errnoCode(err);
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM')
      throw ioError('fsync', dir, err);
  }
}
