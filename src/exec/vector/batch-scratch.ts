/**
 * Reusable memory for the typed arrays a batch's kernels make and drop: gathered columns,
 * arithmetic results, filter masks and row lists. A fresh typed array of a row group's
 * length costs more than the loop that fills it (the allocator maps, zeroes and later
 * unmaps its pages, and the buffers' external memory drives V8 into frequent full
 * collections: measured at about 6x the cost of a gather into an existing array). Inside a
 * scope, those arrays are views of buffers kept from earlier batches instead.
 *
 * A scope is opened by a consumer that keeps nothing of a batch once it has folded it
 * (the worker half of an aggregate), and it ends each batch with `release`. Outside a
 * scope every request is a plain new array. The scope is per thread and assumes one
 * statement task runs at a time on it, which holds in the scan workers (one task per
 * worker, scan-pool.ts); typed kernels do not run on the main thread.
 *
 * Arrays from a scope are not zeroed: every caller writes each element it hands on.
 */
class ScratchPool {
  /** Free buffers by size class (log2 of their byte length). */
  private readonly free: ArrayBuffer[][] = [];
  private readonly taken: ArrayBuffer[] = [];
  private pooledBytes = 0;

  take(bytes: number): ArrayBuffer {
    const size = Math.max(MIN_POOLED, 2 ** Math.ceil(Math.log2(bytes)));
    const cls = Math.log2(size);
    const buffer = this.free[cls]?.pop() ?? this.fresh(size);
    this.taken.push(buffer);
    return buffer;
  }

  private fresh(size: number): ArrayBuffer {
    this.pooledBytes += size;
    return new ArrayBuffer(size);
  }

  /** Returns every buffer taken since the last release; past the cap they are dropped. */
  release(): void {
    for (const b of this.taken) {
      if (this.pooledBytes > MAX_POOLED) {
        this.pooledBytes -= b.byteLength;
        continue;
      }
      (this.free[Math.log2(b.byteLength)] ??= []).push(b);
    }
    this.taken.length = 0;
  }
}

/** Below this a new array is cheap (V8 keeps small ones on its heap): not pooled. */
const MIN_POOLED = 4096;
/** What a thread keeps between batches at most. */
const MAX_POOLED = 32 * 1024 * 1024;

/** The thread's pool: its free buffers outlive a scope, so the next statement's batches reuse them. */
const pool = new ScratchPool();
let active: ScratchPool | null = null;

export interface BatchScratch {
  /** Ends a batch: its scratch arrays may be handed out again. */
  release(): void;
  /** Ends the scope. */
  close(): void;
}

const inert: BatchScratch = { release: () => undefined, close: () => undefined };

/**
 * Opens a scratch scope on this thread; a scope opened inside another is inert (its
 * arrays come from the outer one, released by its owner).
 */
export function openBatchScratch(): BatchScratch {
  if (active !== null) return inert;
  active = pool;
  return {
    release: () => pool.release(),
    close: () => {
      pool.release();
      active = null;
    },
  };
}

export function scratchF64(n: number): Float64Array {
  return active === null || n * 8 < MIN_POOLED
    ? new Float64Array(n)
    : new Float64Array(active.take(n * 8), 0, n);
}

export function scratchI32(n: number): Int32Array {
  return active === null || n * 4 < MIN_POOLED
    ? new Int32Array(n)
    : new Int32Array(active.take(n * 4), 0, n);
}

export function scratchU8(n: number): Uint8Array {
  return active === null || n < MIN_POOLED
    ? new Uint8Array(n)
    : new Uint8Array(active.take(n), 0, n);
}
