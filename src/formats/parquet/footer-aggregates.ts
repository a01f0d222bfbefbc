import type { SqlValue } from '../../common/sql-value.js';
import type { PruneResult } from './prune-parquet.js';
import { type Family, compareIn, familyOf, partitionValueOf } from './prune-values.js';

/**
 * Aggregates answered from footers without reading pages: `count(*)` from row counts,
 * `min`/`max` from row-group statistics or partition values. Each returns null when the
 * footers cannot answer exactly, and the engine scans instead.
 */

/**
 * count(*) of the rows that survive pruning, when pruning decided every filter exactly
 * (no residual: `filterCount` filters were pushed and all are in `exactFilters`).
 */
export function footerRowCount(pruned: PruneResult, filterCount: number): bigint | null {
  if (pruned.exactFilters.length !== filterCount) return null;
  let rows = 0n;
  for (const { file, rowGroups } of pruned.kept) {
    for (const g of rowGroups) rows += BigInt(file.footer.rowGroups[g]?.numRows ?? 0);
  }
  return rows;
}

export interface FooterExtremeRequest {
  readonly pruned: PruneResult;
  readonly filterCount: number;
  /** A data or partition column of the table, with its Hive type. */
  readonly column: { readonly name: string; readonly type: string };
  readonly partition: boolean;
  readonly fn: 'min' | 'max';
}

/**
 * min/max of a column over the surviving rows: `{ value }` (null when every value is
 * NULL or no row survives), or null when not answerable: a residual filter, a row group
 * without exact statistics, or a type whose order is not the statistics' order (floats,
 * booleans, binary, nested).
 */
export function footerExtreme(req: FooterExtremeRequest): { value: SqlValue } | null {
  if (req.pruned.exactFilters.length !== req.filterCount) return null;
  const family = familyOf(req.column.type);
  if (family === null) return null;
  const sign = req.fn === 'max' ? 1 : -1;
  let best: SqlValue = null;
  const offer = (v: SqlValue): boolean => {
    if (best === null) {
      best = v;
      return true;
    }
    const cmp = compareIn(family, v, best);
    if (cmp === null) return false;
    if (sign * cmp > 0) best = v;
    return true;
  };
  for (const { file, rowGroups } of req.pruned.kept) {
    if (req.partition) {
      const text = file.partitionValues[req.column.name];
      if (text === undefined) return null;
      if (text === null) continue;
      const v = typedPartitionValue(family, req.column.type, text);
      if (v === undefined || !offer(v)) return null;
      continue;
    }
    const at = file.footer.columns.findIndex((c) => c.name === req.column.name);
    if (at < 0) continue; // the file lacks the column: NULL in all its rows
    for (const g of rowGroups) {
      const rg = file.footer.rowGroups[g];
      const s = rg?.statistics[at];
      if (rg === undefined || rg.numRows === 0) continue;
      if (s === undefined || s === null || s.nullCount === null) return null;
      // An all-null chunk has no bounds (parquet-rs then marks them inexact): nothing to offer.
      if (s.nullCount >= rg.numRows) continue;
      if (!s.exact) return null;
      const v = req.fn === 'max' ? s.max : s.min;
      if (v === null || !offer(v)) return null;
    }
  }
  return { value: best };
}

/** A partition's text as the SqlValue of its Hive type (int: number, bigint: bigint). */
function typedPartitionValue(family: Family, type: string, text: string): SqlValue | undefined {
  const v = partitionValueOf(family, text);
  if (family !== 'integer' || typeof v !== 'bigint') return v;
  const t = type.trim().toLowerCase();
  return t === 'bigint' || t === 'long' ? v : Number(v);
}
