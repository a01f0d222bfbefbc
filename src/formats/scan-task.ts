import type { ParquetFooterDetails } from '../storage/parquet-footer.js';

/**
 * What a format plans and the one executor reads (DESIGN.md §3, "Formats plan; one
 * executor reads"). Plain data: it crosses to worker threads by structured clone.
 */
export interface ScanTask {
  /** Path or URI of the data file, as FileIO understands it. */
  readonly file: string;
  readonly fileSize: number;
  /** Row-group indexes to read; the whole file when absent. */
  readonly rowGroups?: readonly number[];
  /**
   * Projection by name for plain Parquet; field ids come with Iceberg. Batches keep this
   * order; a column the file lacks is left out of them (the consumer reads it as NULL).
   */
  readonly columns: readonly string[];
  /** Hive-style partition constants; null is the default (null) partition. */
  readonly partitionValues: Readonly<Record<string, string | null>>;
}

/**
 * What planning needs of a Parquet footer: per row group its row count, compressed size
 * and column statistics (for pruning and footer-only aggregates); the columns with their
 * Hive types (for schema inference). Decoded in src/storage/parquet-footer.ts.
 */
export type ParquetFooter = Pick<ParquetFooterDetails, 'rowGroups' | 'columns'>;
export type {
  ParquetColumnInfo,
  ParquetColumnStatistics,
  ParquetRowGroupStatistics,
} from '../storage/parquet-footer.js';

/**
 * Reads the footers of data files, in order. Footers are Parquet too: the engine passes
 * the worker pool's reader, so nothing is decoded on the main event loop (DESIGN.md §3).
 */
export type FooterReader = (
  files: readonly { readonly path: string; readonly size: number }[],
) => Promise<ParquetFooter[]>;
