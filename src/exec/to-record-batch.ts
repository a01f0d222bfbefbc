import { Field, makeData, RecordBatch, Schema, Struct, type Data } from 'apache-arrow';
import { Types, type SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { buildData } from '../common/values/build-vector.js';

type ResultColumns = readonly { readonly name: string; readonly type: SqlType }[];

/** A result's Arrow schema, kept per result-columns array (a cached plan's columns are one array). */
interface CachedShape {
  readonly schema: Schema;
  readonly struct: Struct;
}

const shapes = new WeakMap<ResultColumns, CachedShape>();

/** Result columns of SqlValues → one Arrow RecordBatch (names may repeat, as in SQL). */
export function toRecordBatch(
  columns: ResultColumns,
  values: readonly (readonly SqlValue[])[],
  rowCount: number,
): RecordBatch {
  const data = columns.map((c, i) =>
    buildData(physicalType(c.type, values[i] ?? []), values[i] ?? []),
  );
  const shape = shapeOf(columns, data);
  const struct = makeData({ type: shape.struct, length: rowCount, nullCount: 0, children: data });
  return new RecordBatch(shape.schema, struct);
}

/**
 * The columns' schema, made once per columns array when their Arrow types follow from
 * the SQL types alone; an unconstrained numeric's scale follows the values, so a
 * result with one gets a schema per batch.
 */
function shapeOf(columns: ResultColumns, data: readonly Data[]): CachedShape {
  const cached = shapes.get(columns);
  if (cached) return cached;
  const fields = columns.map((c, i) => new Field(c.name, data[i]!.type, true));
  const shape = { schema: new Schema(fields), struct: new Struct(fields) };
  if (!columns.some((c) => isUnconstrainedNumeric(c.type))) shapes.set(columns, shape);
  return shape;
}

const isUnconstrainedNumeric = (t: SqlType): boolean => t.kind === 'numeric' && t.scale === null;
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
