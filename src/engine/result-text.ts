import { textFormatter } from '../common/values/format-value.js';
import { readColumn } from '../common/values/read-value.js';
import type { Execution, Session } from './query-engine.js';

/**
 * Drains an execution into rows of PostgreSQL text (null for NULL), printed with the
 * session's TimeZone and extra_float_digits: what `lakegate sql` shows and what in-process
 * tests compare, the same text a client receives over the wire.
 */
export async function resultText(
  session: Session,
  execution: Execution,
): Promise<(string | null)[][]> {
  const columns = execution.columns ?? [];
  const options = {
    timeZone: session.setting('TimeZone') ?? 'UTC',
    extraFloatDigits: Number(session.setting('extra_float_digits') ?? '1'),
  };
  const formats = columns.map((c) => textFormatter(c.type, options));
  const rows: (string | null)[][] = [];
  for await (const batch of execution.batches) {
    const values = columns.map((c, i) => {
      const vector = batch.getChildAt(i);
      if (!vector) throw new Error(`result batch is missing column ${i}`);
      return readColumn(vector, c.type);
    });
    for (let r = 0; r < batch.numRows; r++) {
      rows.push(
        values.map((col, i) => {
          const v = col[r] ?? null;
          return v === null ? null : (formats[i] as (v: unknown) => string)(v);
        }),
      );
    }
  }
  return rows;
}
