import type { Catalog, TableRef } from '../catalog/catalog.js';
import {
  planParquetFiles,
  type PlannedParquetFile,
} from '../src/formats/parquet/plan-parquet-scan.js';
import type { FileIO } from '../src/storage/file-io.js';
import type { ScanPool } from './scan-pool.js';

/** What listing a table's files needs: storage, the workers (footers), the catalogs. */
export interface TableFileServices {
  readonly io: FileIO;
  readonly scanPool: ScanPool;
  readonly catalogs: ReadonlyMap<string, Catalog>;
}

/**
 * A plain Parquet table's data files with their footers: those of its registered
 * partitions when it is partitioned (Hive semantics), every visible file otherwise.
 * Footers are decoded in the workers, which keep them for the scan that follows.
 */
export async function tableFiles(
  table: TableRef,
  services: TableFileServices,
): Promise<PlannedParquetFile[]> {
  const catalog = services.catalogs.get(table.catalog);
  const partitions =
    table.partitionKeys.length > 0
      ? ((await catalog?.listPartitions?.(table.ident)) ?? null)
      : null;
  return planParquetFiles(table, services.io, services.scanPool.readFooters, { partitions });
}
