import type { RecordBatch } from 'apache-arrow';
import { Types } from '../../common/sql-types.js';
import { toRecordBatch } from '../../exec/to-record-batch.js';
import type { ResultColumn } from '../query-engine.js';

/** Text columns, as SHOW and EXPLAIN return. */
export function textColumns(...names: string[]): ResultColumn[] {
  return names.map((name) => ({ name, type: Types.text }));
}

/** Rows of text as one batch. */
export async function* textBatches(
  columns: readonly ResultColumn[],
  rows: readonly (readonly string[])[],
): AsyncGenerator<RecordBatch> {
  const values = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  yield await Promise.resolve(toRecordBatch(columns, values, rows.length));
}
