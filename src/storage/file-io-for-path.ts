import { unsupported } from '../common/errors.js';
import type { FileIO } from './file-io.js';
import { LocalFileIO } from './local-file-io.js';

const local = new LocalFileIO();

/**
 * The FileIO that serves a path, chosen by its URI scheme. Workers use it to open the
 * files named in ScanTasks, which cross threads as plain strings. Plain paths and
 * `file://` are local; object stores are added here when their issue lands.
 */
export function fileIOForPath(path: string): FileIO {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(path)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'file') return local;
  throw unsupported(`no file system is configured for "${scheme}://" paths`);
}
