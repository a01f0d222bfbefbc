import { LakeError } from '../../common/errors.js';
import type { SqlValue } from '../../common/sql-value.js';
import { castColumn, converter } from './cast.js';
import type { Kernel } from './kernel.js';

/**
 * TRY_CAST(x AS t) (Spark, Trino, DuckDB): the cast, except that a value the cast
 * rejects with a data exception (SQLSTATE class 22: bad text, out of range) becomes
 * NULL. The binder emits `call('try_cast', t, [x])`; the whole column is cast at once
 * and only a failing batch falls back to row by row.
 */
export const tryCastKernel: Kernel = (input) => {
  const from = input.argTypes[0];
  const values = input.args[0] ?? [];
  if (from === undefined) return new Array<SqlValue>(input.rowCount).fill(null);
  try {
    return castColumn(values, from, input.resultType, input.ctx);
  } catch (err) {
    if (!isDataError(err)) throw err;
  }
  const f = converter(from, input.resultType, input.ctx);
  const out = new Array<SqlValue>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    try {
      out[i] = v === null ? null : f(v);
    } catch (err) {
      if (!isDataError(err)) throw err;
      out[i] = null;
    }
  }
  return out;
};

function isDataError(err: unknown): boolean {
  return err instanceof LakeError && err.sqlstate.startsWith('22');
}
