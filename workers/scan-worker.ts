import { move } from 'piscina';
import { serializeError } from '../src/common/errors.js';
import { fileIOForPath } from '../src/storage/file-io-for-path.js';
import { ParquetSourceCache } from './parquet-source-cache.js';
import { type TaskData, readScanTask, readTaskPages } from './read-scan-task.js';
import { runFragment } from './run-fragment.js';
import type { FooterRequest, FooterResponse, ScanRequest, ScanResponse } from './scan-protocol.js';

/**
 * The scan worker's entry (loaded by piscina in each worker thread). Importing the
 * Parquet adapter instantiates parquet-wasm once per thread. Every failure returns as
 * data, so a bad file fails its statement and never the worker.
 */
const cache = new ParquetSourceCache(16);

export async function runScanTask(request: ScanRequest): Promise<ScanResponse> {
  if (request.cancelFlag !== undefined && Atomics.load(request.cancelFlag, 0) !== 0) {
    return { skipped: true };
  }
  try {
    const io = fileIOForPath(request.task.file);
    const { task, fragment } = request;
    let bytes: Uint8Array;
    if (fragment === undefined) {
      bytes = await readScanTask(task, io, cache, request.batchSize);
    } else {
      const data: TaskData = (await readTaskPages(task, io, cache, fragment.scan)) ?? {
        kind: 'ipc',
        bytes: await readScanTask(task, io, cache, request.batchSize),
      };
      bytes = await runFragment(data, fragment, request.cancelFlag);
    }
    // Transfers the buffer to the main thread instead of copying it.
    return move(bytes) as Uint8Array;
  } catch (err) {
    return { error: serializeError(err) };
  }
}

/**
 * A data file's footer, for planning. The opened file stays in this worker's cache, so
 * a scan task on it that lands here does not read the footer again.
 */
export async function readFooter(request: FooterRequest): Promise<FooterResponse> {
  try {
    const source = await cache.open(fileIOForPath(request.path), request.path, request.size);
    const { rowGroups, columns } = await source.footer();
    return { rowGroups, columns };
  } catch (err) {
    return { error: serializeError(err) };
  }
}

/**
 * Nothing but a short wait: run once per worker when the pool starts, so each worker
 * has compiled its modules and instantiated parquet-wasm before the first query
 * (about a second on a small machine). The wait keeps one worker from taking them all.
 */
export async function warm(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
