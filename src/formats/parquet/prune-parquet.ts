import type { TableRef } from '../../../catalog/catalog.js';
import type { BoundExpr, ColumnId } from '../../../planner/plan/bound-expr.js';
import type {
  ParquetColumnStatistics,
  ParquetFooter,
  ParquetRowGroupStatistics,
  ScanTask,
} from '../scan-task.js';
import { type ColumnFacts, type Domain, type FactsOf, T, outcomes } from './prune-evaluate.js';
import { type PlannedParquetFile, groupRowGroups, tasksOfFile } from './plan-parquet-scan.js';
import { type Family, familyOf, partitionValueOf } from './prune-values.js';

export interface PruneRequest {
  /** The table's files with footers (planParquetFiles). */
  readonly files: readonly PlannedParquetFile[];
  readonly table: Pick<TableRef, 'columns' | 'partitionKeys'>;
  /** Pushed conjuncts over the scan's columns, by `ref` id. */
  readonly filters: readonly BoundExpr[];
  /** Scan column id → table column name (data or partition column). */
  readonly columnNames: ReadonlyMap<ColumnId, string>;
  /** The projection the tasks read. */
  readonly columns: readonly string[];
}

export interface PruneCounts {
  readonly total: number;
  readonly pruned: number;
}

/** A file that may hold matching rows and its row groups that may. */
export interface KeptFile {
  readonly file: PlannedParquetFile;
  readonly rowGroups: readonly number[];
}

export interface PruneResult {
  readonly tasks: ScanTask[];
  readonly kept: readonly KeptFile[];
  readonly files: PruneCounts;
  readonly rowGroups: PruneCounts;
  /** Compressed bytes of the scanned columns' chunks: in all row groups, and in those skipped. */
  readonly bytes: PruneCounts;
  /**
   * Indexes of the filters decided exactly by pruning: TRUE for every row of every kept
   * file from its partition values alone, so they need no residual filter.
   */
  readonly exactFilters: readonly number[];
}

/**
 * The compressed bytes a scan of `columns` reads from a row group: the chunks of those
 * columns the file has (a partition column or one the file lacks reads nothing).
 */
function columnBytes(
  footer: ParquetFooter,
  columns: readonly string[],
): (rg: ParquetRowGroupStatistics) => number {
  const at = new Map(footer.columns.map((c, i) => [c.name, i]));
  const read = [...new Set(columns)].flatMap((c) => at.get(c) ?? []);
  return (rg) => read.reduce((n, i) => n + (rg.columnSizes[i] ?? 0), 0);
}

/**
 * Partition pruning (exact: the constants of a file's partition) then row-group pruning
 * (inexact: footer min/max/null counts) of a plain Parquet scan, over the same bound
 * filter (DESIGN.md §3 "Pruning"). A file or row group is skipped only when no row of it
 * can make every filter TRUE.
 */
export function pruneParquet(req: PruneRequest): PruneResult {
  const partitionFamilies = familiesOf(req.table.partitionKeys);
  const dataFamilies = familiesOf(req.table.columns);
  const exact = new Set(req.filters.map((_, i) => i));
  const kept: KeptFile[] = [];
  const tasks: ScanTask[] = [];
  let rowGroupsTotal = 0;
  let rowGroupsPruned = 0;
  let bytesTotal = 0;
  let bytesPruned = 0;
  for (const file of req.files) {
    const rgs = file.footer.rowGroups;
    const readBytes = columnBytes(file.footer, req.columns);
    const fileBytes = rgs.reduce((n, rg) => n + readBytes(rg), 0);
    rowGroupsTotal += rgs.length;
    bytesTotal += fileBytes;
    const partition = partitionFacts(file, partitionFamilies);
    const fileLevel = factsWith(req.columnNames, partition, () => undefined);
    const fileOutcomes = req.filters.map((f) => outcomes(f, fileLevel));
    if (!fileOutcomes.every((o) => (o & T) !== 0)) {
      rowGroupsPruned += rgs.length;
      bytesPruned += fileBytes;
      continue;
    }
    const columnIndex = new Map(file.footer.columns.map((c, i) => [c.name, i]));
    const keep = (g: number): boolean => {
      const rg = rgs[g];
      if (rg === undefined) return false;
      const facts = factsWith(req.columnNames, partition, (name) => {
        const family = dataFamilies.get(name);
        const at = columnIndex.get(name);
        if (family === undefined) return undefined;
        const stats = at === undefined ? undefined : rg.statistics[at];
        // A column the file lacks reads as NULL in every row.
        if (at === undefined) return { family, domain: { kind: 'exact', value: null } };
        return { family, domain: statsDomain(stats ?? null, rg.numRows) };
      });
      return req.filters.every((f) => (outcomes(f, facts) & T) !== 0);
    };
    const runs = groupRowGroups(file.footer, keep);
    const survivors = runs.flat();
    const survivorSet = new Set(survivors);
    rgs.forEach((rg, g) => {
      if (!survivorSet.has(g)) {
        rowGroupsPruned++;
        bytesPruned += readBytes(rg);
      }
    });
    if (survivors.length === 0) continue;
    // Exact only if TRUE for every row of every kept file, whatever its data columns hold.
    fileOutcomes.forEach((o, i) => {
      if (o !== T) exact.delete(i);
    });
    kept.push({ file, rowGroups: survivors });
    tasks.push(...tasksOfFile(file, runs, req.columns));
  }
  return {
    tasks,
    kept,
    files: { total: req.files.length, pruned: req.files.length - kept.length },
    rowGroups: { total: rowGroupsTotal, pruned: rowGroupsPruned },
    bytes: { total: bytesTotal, pruned: bytesPruned },
    exactFilters: [...exact].sort((a, b) => a - b),
  };
}

function familiesOf(
  columns: readonly { name: string; type: string }[],
): Map<string, Family | null> {
  return new Map(columns.map((c) => [c.name, familyOf(c.type)]));
}

/** A file's partition constants as facts; a value that does not parse is unknown. */
function partitionFacts(
  file: PlannedParquetFile,
  families: ReadonlyMap<string, Family | null>,
): Map<string, ColumnFacts> {
  const facts = new Map<string, ColumnFacts>();
  for (const [name, family] of families) {
    const text = file.partitionValues[name];
    const value =
      text === undefined ? undefined : text === null ? null : partitionValueOf(family, text);
    const domain: Domain = value === undefined ? { kind: 'unknown' } : { kind: 'exact', value };
    facts.set(name, { family, domain });
  }
  return facts;
}

function factsWith(
  names: ReadonlyMap<ColumnId, string>,
  partition: ReadonlyMap<string, ColumnFacts>,
  data: (name: string) => ColumnFacts | undefined,
): FactsOf {
  return (id) => {
    const name = names.get(id);
    if (name === undefined) return undefined;
    return partition.get(name) ?? data(name);
  };
}

function statsDomain(s: ParquetColumnStatistics | null, rows: number): Domain {
  if (s === null) return { kind: 'unknown' };
  const nulls =
    s.nullCount === null
      ? 'unknown'
      : s.nullCount === 0
        ? 'none'
        : s.nullCount >= rows
          ? 'all'
          : 'some';
  return { kind: 'range', min: s.min, max: s.max, nulls };
}
