import { scratchI32 } from './batch-scratch.js';
import type { Vector } from 'apache-arrow';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { gatherColumn, type ColumnBatch } from '../column-batch.js';
import { readBatchColumn, readBatchRows } from '../read-batch-column.js';
import { decodeVec } from './decode-vec.js';
import { materializeVec } from './materialize-vec.js';
import { gatherVec, type Vec, type VecDictionary } from './vec.js';

/**
 * One column of a VecBatch, converted on demand: to a typed vec for the typed
 * kernels, to SqlValues for the generic ones and for the operators downstream. Each
 * form is made at most once, and a column nobody reads is never decoded at all.
 */
export interface LazyColumn {
  readonly type: SqlType;
  vec(): Vec;
  values(): SqlValue[];
  /** The column at `rows`, still lazy. */
  take(rows: Int32Array): LazyColumn;
  /** The column's dictionary form, when it has one and its typed form was not made yet. */
  dictionary?(): VecDictionary | null;
  /** A text column's UTF-8 bytes as its file holds them, when it has them in that form. */
  utf8?(): Utf8Rows | null;
}

/**
 * Text values as UTF-8: value i is `data[offsets[i]..offsets[i + 1])`, and row k of the
 * column is value `rows[k]` (value k when `rows` is null). `valid` is by value.
 */
export interface Utf8Rows {
  readonly offsets: Int32Array;
  readonly data: Uint8Array;
  readonly valid: Uint8Array | null;
  readonly rows: Int32Array | null;
}

/** Batches on the scan side: columns that stay in Arrow or typed form until needed. */
export interface VecBatch {
  readonly rowCount: number;
  readonly columns: readonly LazyColumn[];
}

/**
 * A column read from an Arrow vector, at `rows` of it when a filter ran before anyone
 * read the column: then only the survivors are ever decoded into SqlValues.
 */
export function arrowColumn(
  vector: Vector,
  type: SqlType,
  rows: Int32Array | null = null,
): LazyColumn {
  let vec: Vec | null = null;
  let values: SqlValue[] | null = null;
  const typed = (): Vec => {
    const whole = decodeVec(vector, type);
    return rows === null ? whole : gatherVec(whole, rows);
  };
  return {
    type,
    vec: () => (vec ??= typed()),
    values: () =>
      (values ??=
        vec !== null
          ? materializeVec(vec, type)
          : rows === null
            ? readBatchColumn(vector, type)
            : readBatchRows(vector, type, rows)),
    take: (next) => {
      if (vec !== null) return vecColumn(gatherVec(vec, next), type);
      return arrowColumn(vector, type, rows === null ? next : composeRows(rows, next));
    },
  };
}

/** Rows `next` of a selection `rows`, as rows of the whole batch. */
export function composeRows(rows: Int32Array, next: Int32Array): Int32Array {
  const out = scratchI32(next.length);
  for (let k = 0; k < next.length; k++) out[k] = rows[next[k]!]!;
  return out;
}

/** A column computed by a typed kernel. */
export function vecColumn(vec: Vec, type: SqlType): LazyColumn {
  let values: SqlValue[] | null = null;
  return {
    type,
    vec: () => vec,
    values: () => (values ??= materializeVec(vec, type)),
    take: (rows) => vecColumn(gatherVec(vec, rows), type),
  };
}

/** A column already in SqlValues (generic kernels' results, cast partition values). */
export function valuesColumn(values: SqlValue[], type: SqlType): LazyColumn {
  const vec: Vec = { kind: 'values', values };
  return {
    type,
    vec: () => vec,
    values: () => values,
    take: (rows) => valuesColumn(gatherColumn(values, rows), type),
  };
}

export function takeVecRows(batch: VecBatch, rows: Int32Array): VecBatch {
  if (rows.length === batch.rowCount) return batch;
  return { rowCount: rows.length, columns: batch.columns.map((c) => c.take(rows)) };
}

/** The batch as the engine's SqlValue columns. */
export function materializeBatch(batch: VecBatch): ColumnBatch {
  return { rowCount: batch.rowCount, columns: batch.columns.map((c) => c.values()) };
}
