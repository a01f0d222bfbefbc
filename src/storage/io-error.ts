import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';

/**
 * An operating-system failure on a file as PostgreSQL reports it: SQLSTATE 58030
 * (io_error) and the wording of its fd.c messages, e.g.
 * `could not open file "x": No such file or directory` (the `%m` part is strerror).
 */
export function ioError(action: string, path: string, err: unknown): LakeError {
  return new LakeError(SqlState.ioError, `could not ${action} file "${path}": ${reason(err)}`, {
    kind: 'io',
    cause: err,
  });
}

const strerror: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOSPC: 'No space left on device',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
  EROFS: 'Read-only file system',
};

function reason(err: unknown): string {
  const code = errnoCode(err);
  if (code !== undefined && strerror[code] !== undefined) return strerror[code];
  return err instanceof Error ? err.message : String(err);
}

/** The errno name (`ENOENT`, ...) of a Node system error, if it is one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
