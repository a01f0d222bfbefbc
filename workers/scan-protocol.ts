import type { SerializedError } from '../src/common/errors.js';
import type { ParquetFooter, ScanTask } from '../src/formats/scan-task.js';
import type { FragmentSpec } from './fragment-protocol.js';

/**
 * What crosses between the main thread and a scan worker (DESIGN.md §2, workers/):
 * plain data in; Arrow IPC stream bytes out, moved (transferred, not copied), or the
 * error as data.
 */
export interface ScanRequest {
  readonly task: ScanTask;
  readonly batchSize?: number;
  /**
   * One Int32 shared by all tasks of a scan; non-zero once the scan is abandoned
   * (aborted, failed or closed early), so queued tasks return at once instead of
   * decoding. Running tasks finish: terminating a worker mid-task costs a thread
   * restart and races with its result.
   */
  readonly cancelFlag?: Int32Array;
  /** Run this plan over the task's rows and return its output instead of the decoded columns. */
  readonly fragment?: FragmentSpec;
}

export interface ScanFailure {
  readonly error: SerializedError;
}

export interface ScanSkipped {
  readonly skipped: true;
}

export type ScanResponse = Uint8Array | ScanFailure | ScanSkipped;

/** A data file whose footer planning needs. */
export interface FooterRequest {
  readonly path: string;
  readonly size: number;
}

export type FooterResponse = ParquetFooter | ScanFailure;

/** The worker module's exports piscina calls (named: DESIGN.md §5 has no default exports). */
export const SCAN_HANDLER_NAME = 'runScanTask';
export const FOOTER_HANDLER_NAME = 'readFooter';
/** The scan worker's export that only makes the worker load its modules (scan-pool.ts). */
export const WARM_HANDLER_NAME = 'warm';
