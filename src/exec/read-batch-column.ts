import { DataType, type Data, type Vector } from 'apache-arrow';
import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { readColumn, valueReader } from '../common/values/read-value.js';
import { gatherColumn } from './column-batch.js';

/**
 * A scanned column as SqlValues. Parquet readers hand string columns back
 * dictionary-encoded; the values are decoded once per dictionary and looked up
 * by index, everything else goes through the common value reader.
 */
export function readBatchColumn(vector: Vector, type: SqlType): SqlValue[] {
  if (!DataType.isDictionary(vector.type)) return readColumn(vector, type);
  const out = new Array<SqlValue>(vector.length);
  let at = 0;
  for (const d of vector.data as readonly Data[]) {
    const dictionary = d.dictionary;
    const values = dictionary ? readColumn(dictionary, type) : [];
    const indices = d.values as ArrayLike<number | bigint>;
    // No per-row getValid when the chunk has no nulls (the usual case for keys).
    const noNulls = d.nullCount === 0;
    for (let i = 0; i < d.length; i++) {
      out[at + i] = noNulls || d.getValid(i) ? (values[Number(indices[i] ?? 0)] ?? null) : null;
    }
    at += d.length;
  }
  return out;
}

/** The values at `rows` of a scanned column (a filter's survivors), read one by one. */
export function readBatchRows(vector: Vector, type: SqlType, rows: Int32Array): SqlValue[] {
  const chunks = vector.data as readonly Data[];
  if (chunks.length !== 1 || DataType.isDictionary(vector.type))
    return gatherColumn(readBatchColumn(vector, type), rows);
  const d = chunks[0]!;
  const read = valueReader(type);
  const out = new Array<SqlValue>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = read(d, rows[k]!);
  return out;
}
