import type { RecordBatch } from 'apache-arrow';
import type { TextOptions } from '../common/values/format-value.js';
import type { ResultColumn } from '../engine/query-engine.js';
import { encodeColumn, type EncodedColumn, type FormatCode } from './types/column-encoder.js';

export type { EncodedColumn };
/** Session settings that change how values print: TimeZone, extra_float_digits. */
export type EncodeOptions = TextOptions;

/** Encodes every column of a batch in its requested format, column by column. */
export function encodeColumns(
  batch: RecordBatch,
  columns: readonly ResultColumn[],
  formats: readonly number[],
  options: EncodeOptions,
): EncodedColumn[] {
  return columns.map((column, i) => {
    const vector = batch.getChildAt(i);
    if (!vector) throw new Error(`batch has ${batch.numCols} columns, expected ${columns.length}`);
    return encodeColumn(vector, column.type, (formats[i] ?? 0) as FormatCode, options);
  });
}
