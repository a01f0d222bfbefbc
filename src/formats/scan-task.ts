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
