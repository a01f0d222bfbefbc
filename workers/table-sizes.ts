import type { TableRef } from '../catalog/catalog.js';
import type { SqlValue } from '../src/common/sql-value.js';
import { familyOf } from '../src/formats/parquet/prune-values.js';
import type { PlannedParquetFile } from '../src/formats/parquet/plan-parquet-scan.js';
import { tableFiles, type TableFileServices } from './table-files.js';

/** What the footers tell the join orderer about a table. */
export interface TableSize {
  readonly rows: number;
  /**
   * Upper bounds on distinct values by column, for integer columns whose every chunk has
   * min/max statistics: at most max - min + 1, and at most the row count. A join on
   * n_nationkey (25 values) multiplies rows; one on o_orderkey does not.
   */
  readonly distinct: ReadonlyMap<string, number>;
}

/**
 * Sizes of plain Parquet tables from their footers (read in the workers, which keep them
 * for the scan that follows), for join ordering: without them every table counts as a
 * million rows and a join may build its hash table on lineitem instead of supplier. A
 * table that cannot be listed or read is left out (unknown); its scan reports the error.
 */
export async function tableSizes(
  tables: readonly TableRef[],
  services: TableFileServices,
): Promise<Map<TableRef, TableSize>> {
  const sizes = new Map<TableRef, TableSize>();
  await Promise.all(
    tables
      .filter((t) => t.format === 'parquet')
      .map(async (table) => {
        try {
          sizes.set(table, sizeOf(await tableFiles(table, services)));
        } catch {
          // Unknown size: the optimizer's default stands.
        }
      }),
  );
  return sizes;
}

function sizeOf(files: readonly PlannedParquetFile[]): TableSize {
  let rows = 0;
  const ranges = new Map<string, { min: number; max: number } | null>();
  for (const f of files) {
    for (const rg of f.footer.rowGroups) {
      rows += rg.numRows;
      f.footer.columns.forEach((c, i) => {
        if (familyOf(c.type) !== 'integer' || ranges.get(c.name) === null) return;
        const s = rg.statistics[i];
        const min = asNumber(s?.min ?? null);
        const max = asNumber(s?.max ?? null);
        if (min === null || max === null) return void ranges.set(c.name, null);
        const r = ranges.get(c.name);
        ranges.set(
          c.name,
          r ? { min: Math.min(r.min, min), max: Math.max(r.max, max) } : { min, max },
        );
      });
    }
  }
  const distinct = new Map<string, number>();
  for (const [name, r] of ranges) if (r) distinct.set(name, Math.min(rows, r.max - r.min + 1));
  return { rows, distinct };
}

const asNumber = (v: SqlValue): number | null =>
  typeof v === 'number' || typeof v === 'bigint' ? Number(v) : null;
