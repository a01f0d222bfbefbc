import { fileURLToPath } from 'node:url';
import { type RecordBatch, tableFromIPC } from 'apache-arrow';
import { Piscina } from 'piscina';
import { LakeError, deserializeError, toLakeError } from '../src/common/errors.js';
import { SqlState } from '../src/common/sqlstate.js';
import type { FooterReader, ParquetFooter, ScanTask } from '../src/formats/scan-task.js';
import {
  FOOTER_HANDLER_NAME,
  WARM_HANDLER_NAME,
  type FooterRequest,
  type FooterResponse,
  SCAN_HANDLER_NAME,
  type ScanRequest,
  type ScanResponse,
} from './scan-protocol.js';
import type { FragmentSpec } from './fragment-protocol.js';

export interface ScanPool {
  /** Batches of every task, in task order; at most `size * 2` tasks are decoded ahead. */
  scan(
    tasks: readonly ScanTask[],
    signal: AbortSignal,
    fragment?: FragmentSpec,
  ): AsyncIterable<RecordBatch>;
  /** Data files' footers, decoded in the workers (planning must not decode on the main thread). */
  readonly readFooters: FooterReader;
  close(): Promise<void>;
  readonly size: number;
}

export function createScanPool(options: { threads: number }): ScanPool {
  return new PiscinaScanPool(Math.max(1, Math.floor(options.threads)));
}

/** Resolved beside this file, so it works from dist/ wherever the package is installed. */
const workerFile = fileURLToPath(new URL('./scan-worker.js', import.meta.url));

type Settled =
  | { readonly ok: true; readonly response: ScanResponse }
  | { readonly ok: false; readonly error: unknown };

class PiscinaScanPool implements ScanPool {
  /** Settles once every worker has run its warm-up task (its modules are loaded). */
  private readonly warmed: Promise<unknown>;
  private readonly pool: Piscina<
    ScanRequest | FooterRequest | null,
    ScanResponse | FooterResponse | undefined
  >;

  constructor(readonly size: number) {
    this.pool = new Piscina({
      filename: workerFile,
      name: SCAN_HANDLER_NAME,
      minThreads: size,
      maxThreads: size,
      // One task at a time per worker: a task's kernels reuse the thread's scratch
      // buffers between batches (src/exec/vector/batch-scratch.ts).
      concurrentTasksPerWorker: 1,
    });
    // A worker that dies outside a task is replaced by piscina; the task it was
    // running has already been rejected, so there is nothing more to report here.
    this.pool.on('error', () => undefined);
    this.warmed = Promise.all(
      Array.from({ length: size }, () =>
        this.pool.run(null, { name: WARM_HANDLER_NAME }).catch(() => undefined),
      ),
    );
  }

  readonly readFooters: FooterReader = (files) =>
    Promise.all(
      files.map(async (file): Promise<ParquetFooter> => {
        const request: FooterRequest = { path: file.path, size: file.size };
        const response = (await this.pool.run(request, {
          name: FOOTER_HANDLER_NAME,
        })) as FooterResponse;
        if ('error' in response) throw deserializeError(response.error);
        return response;
      }),
    );

  scan(
    tasks: readonly ScanTask[],
    signal: AbortSignal,
    fragment?: FragmentSpec,
  ): AsyncIterable<RecordBatch> {
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const run = (task: ScanTask): Promise<Settled> =>
      this.pool.run(fragment ? { task, cancelFlag, fragment } : { task, cancelFlag }).then(
        (response) => ({ ok: true, response: response as ScanResponse }),
        (error: unknown) => ({ ok: false, error }),
      );
    return scanInOrder(tasks, signal, this.size * 2, run, () => Atomics.store(cancelFlag, 0, 1));
  }

  async close(): Promise<void> {
    // Terminating a worker while it still instantiates its ES modules can abort the
    // whole process inside Node (seen in CI: "Module::IsGraphAsync must be used on an
    // instantiated module"), so a pool closed right after it started waits for them.
    await this.warmed;
    await this.pool.destroy();
  }
}

/**
 * Runs tasks with a bounded window and yields their batches in task order. Results
 * arrive settled (never rejected), so abandoned tasks cannot raise unhandled
 * rejections; leaving for any reason (abort, error, the consumer stopping) cancels
 * the tasks not yet started.
 */
async function* scanInOrder(
  tasks: readonly ScanTask[],
  signal: AbortSignal,
  window: number,
  run: (task: ScanTask) => Promise<Settled>,
  cancel: () => void,
): AsyncGenerator<RecordBatch> {
  let onAbort = (): void => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const inflight: Promise<Settled>[] = [];
  let next = 0;
  const refill = (): void => {
    while (inflight.length < window && next < tasks.length) {
      inflight.push(run(tasks[next++] as ScanTask));
    }
  };
  try {
    throwIfAborted(signal);
    refill();
    for (let head = inflight.shift(); head !== undefined; head = inflight.shift()) {
      const settled = await Promise.race([head, aborted]);
      if (settled === 'aborted') return throwIfAborted(signal);
      refill();
      for (const batch of batchesOf(settled)) {
        yield batch;
        throwIfAborted(signal);
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    cancel();
  }
}

function batchesOf(settled: Settled): RecordBatch[] {
  if (!settled.ok) throw toLakeError(settled.error);
  const response = settled.response;
  if (response instanceof Uint8Array) return tableFromIPC(response).batches;
  if ('error' in response) throw deserializeError(response.error);
  return []; // skipped: only after cancel(), which ends the scan first
}

/** 57014, or the abort reason itself when the engine aborted with a LakeError (statement_timeout). */
function throwIfAborted(signal: AbortSignal): void {
  if (!signal.aborted) return;
  if (signal.reason instanceof LakeError) throw signal.reason;
  throw new LakeError(SqlState.queryCanceled, 'canceling statement due to user request');
}
