import type { FileIO } from '../src/storage/file-io.js';
import { ParquetSource } from '../src/storage/parquet-reader.js';

/**
 * Opened Parquet files of one worker, least recently used evicted. Consecutive tasks
 * over one file (one per row-group run) reuse its decoded footer. Lake data files are
 * immutable once written, so path and size identify a version.
 */
export class ParquetSourceCache {
  private readonly entries = new Map<string, Promise<ParquetSource>>();

  constructor(private readonly capacity: number) {}

  async open(io: FileIO, path: string, size: number): Promise<ParquetSource> {
    const key = `${size}:${path}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = ParquetSource.open(io, path, size);
      // A failed open is not cached: the next task retries.
      entry.catch(() => this.entries.delete(key));
    } else {
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    while (this.entries.size > this.capacity) {
      const [oldest] = this.entries;
      if (oldest === undefined) return;
      this.entries.delete(oldest[0]);
      oldest[1].then((s) => s.close()).catch(() => undefined);
    }
  }
}
