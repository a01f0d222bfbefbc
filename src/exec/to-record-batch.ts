import { Field, makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { Types, type SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { buildData } from '../common/values/build-vector.js';

/** Result columns of SqlValues → one Arrow RecordBatch (names may repeat, as in SQL). */
export function toRecordBatch(
  columns: readonly { readonly name: string; readonly type: SqlType }[],
  values: readonly (readonly SqlValue[])[],
  rowCount: number,
): RecordBatch {
  const data = columns.map((c, i) =>
    buildData(physicalType(c.type, values[i] ?? []), values[i] ?? []),
  );
  const fields = columns.map((c, i) => new Field(c.name, data[i]!.type, true));
  const struct = makeData({
    type: new Struct(fields),
    length: rowCount,
    nullCount: 0,
    children: data,
  });
  return new RecordBatch(new Schema(fields), struct);
}

/**
 * Unconstrained numeric has no fixed scale, but Decimal128 does: hold each batch at
 * the largest scale its values have, so `1.5` is not printed as `1.500000`.
 */
function physicalType(type: SqlType, values: readonly SqlValue[]): SqlType {
  if (type.kind !== 'numeric' || type.scale !== null) return type;
  let scale = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const dot = v.indexOf('.');
    if (dot >= 0) scale = Math.max(scale, v.length - dot - 1);
  }
  return Types.numeric(38, Math.min(scale, 38));
}
