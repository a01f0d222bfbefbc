import type { FileIO } from './file-io.js';

/**
 * The part of the DOM Blob that parquet-wasm's `ParquetFile.fromFile` uses: `size`,
 * `slice(start, end)` and `arrayBuffer()`. Each `arrayBuffer()` is one ranged read
 * through FileIO, so only the footer and the requested column chunks are read
 * (see /work/shared/FACTS.md, parquet-wasm 0.8).
 */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): BlobLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where the first I/O failure is kept while parquet-wasm sees a short read instead. */
export interface IoFailureSink {
  failure: unknown;
}

export function rangeBlob(
  io: FileIO,
  path: string,
  size: number,
  sink: IoFailureSink = { failure: undefined },
): BlobLike {
  return slice(io, path, 0, size, sink);
}

function slice(
  io: FileIO,
  path: string,
  start: number,
  end: number,
  sink: IoFailureSink,
): BlobLike {
  return {
    size: end - start,
    slice(s = 0, e = end - start): BlobLike {
      const from = start + clamp(s, end - start);
      const to = start + clamp(e, end - start);
      return slice(io, path, from, Math.max(from, to), sink);
    },
    async arrayBuffer(): Promise<ArrayBuffer> {
      try {
        const bytes = await io.readRange(path, start, end);
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        if (whole && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
        const copy = new ArrayBuffer(bytes.byteLength);
        new Uint8Array(copy).set(bytes);
        return copy;
      } catch (err) {
        // A rejected read panics parquet-wasm 0.8 (a wasm `unreachable` trap outside any
        // promise), so report no bytes: the reader then fails normally, and the caller
        // reports the recorded failure instead of its message.
        sink.failure ??= err;
        return new ArrayBuffer(0);
      }
    },
  };
}

/** Blob.slice semantics: negative offsets count from the end. */
function clamp(offset: number, size: number): number {
  return offset < 0 ? Math.max(0, size + offset) : Math.min(offset, size);
}
