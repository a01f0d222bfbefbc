import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import type { ColumnBatch } from './column-batch.js';
import { takeRows } from './column-batch.js';
import { comparatorFor, compareCodePoints, type Comparator } from './kernels/compare-values.js';

export interface SortSpec {
  readonly column: number;
  readonly type: SqlType;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** Concatenates batches into one (the sort and aggregate inputs). */
export function concatBatches(batches: readonly ColumnBatch[], width: number): ColumnBatch {
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  let rowCount = 0;
  for (const b of batches) {
    b.columns.forEach((col, i) => columns[i]?.push(...col));
    rowCount += b.rowCount;
  }
  return { columns, rowCount };
}

/** A stable sort by the keys, with NULLS FIRST/LAST per key (docs §7.5). */
export function sortRows(batch: ColumnBatch, keys: readonly SortSpec[]): ColumnBatch {
  return takeRows(batch, sortOrder(batch.columns, keys, batch.rowCount));
}

/**
 * The row order of a stable sort of rows [0, rowCount) of `columns` by `keys`
 * (whose `column` index into `columns`), NULLS FIRST/LAST per key.
 */
export function sortOrder(
  columns: readonly (readonly SqlValue[])[],
  keys: readonly SortSpec[],
  rowCount: number,
): number[] {
  const order = new Array<number>(rowCount);
  for (let i = 0; i < rowCount; i++) order[i] = i;
  order.sort(rowComparator(columns, keys));
  return order;
}

/** Compares two rows (by index) of `columns` by `keys`, ties broken by position (stable). */
export function rowComparator(
  columns: readonly (readonly SqlValue[])[],
  keys: readonly SortSpec[],
): (a: number, b: number) => number {
  const compares = keys.map((k) => ({
    cmp: sortComparatorFor(k.type),
    col: columns[k.column] ?? [],
    sign: k.descending ? -1 : 1,
    nullSign: k.nullsFirst ? -1 : 1,
  }));
  return (a, b) => {
    for (let i = 0; i < compares.length; i++) {
      const k = compares[i]!;
      const x = k.col[a] ?? null;
      const y = k.col[b] ?? null;
      if (x === null || y === null) {
        if (x === y) continue;
        return x === null ? k.nullSign : -k.nullSign;
      }
      const c = k.cmp(x, y);
      if (c !== 0) return c * k.sign;
    }
    return a - b;
  };
}

/**
 * ORDER BY's comparator for a type. Text sorts in the byte order of its UTF-8
 * encoding (the C collation), which is code point order; JS's `<` compares UTF-16
 * code units, which puts U+10000.. (surrogate pairs) below U+E000..U+FFFF, so text
 * is compared here by code point. bpchar ignores trailing blanks (bpcharcmp).
 */
export function sortComparatorFor(type: SqlType): Comparator {
  switch (type.kind) {
    case 'int2':
    case 'int4':
    case 'oid':
      return (a, b) => (a as number) - (b as number);
    case 'date': // ±Infinity are dates too: no subtraction
      return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
    case 'int8':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
    case 'text':
    case 'varchar':
    case 'name':
    case 'char':
    case 'json':
    case 'unknown':
      return (a, b) => compareCodePoints(a as string, b as string);
    case 'bpchar':
      return (a, b) => compareCodePoints(trimEnd(a as string), trimEnd(b as string));
    default:
      return comparatorFor(type);
  }
}

const trimEnd = (s: string): string => (s.endsWith(' ') ? s.replace(/ +$/, '') : s);

/**
 * Compares row `a` of `left` with row `b` of `right` (same layout) by `keys`, with no
 * tie-break: top-N tests incoming rows against the last row it keeps.
 */
export function crossRowComparator(
  left: readonly (readonly SqlValue[])[],
  right: readonly (readonly SqlValue[])[],
  keys: readonly SortSpec[],
): (a: number, b: number) => number {
  const compares = keys.map((k) => ({
    cmp: sortComparatorFor(k.type),
    x: left[k.column] ?? [],
    y: right[k.column] ?? [],
    sign: k.descending ? -1 : 1,
    nullSign: k.nullsFirst ? -1 : 1,
  }));
  return (a, b) => {
    for (let i = 0; i < compares.length; i++) {
      const k = compares[i]!;
      const x = k.x[a] ?? null;
      const y = k.y[b] ?? null;
      if (x === null || y === null) {
        if (x === y) continue;
        return x === null ? k.nullSign : -k.nullSign;
      }
      const c = k.cmp(x, y);
      if (c !== 0) return c * k.sign;
    }
    return 0;
  };
}
