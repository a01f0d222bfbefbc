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

/** What planning needs of a Parquet footer: row counts and sizes per row group. */
export interface ParquetFooter {
  readonly rowGroups: readonly { readonly numRows: number; readonly compressedSize: number }[];
}

/**
 * Reads the footers of data files, in order. Footers are Parquet too: the engine passes
 * the worker pool's reader, so nothing is decoded on the main event loop (DESIGN.md §3).
 */
export type FooterReader = (
  files: readonly { readonly path: string; readonly size: number }[],
) => Promise<ParquetFooter[]>;
