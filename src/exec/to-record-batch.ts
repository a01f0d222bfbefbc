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
  const data = columns.map((c, i) => buildData(physicalType(c.type), values[i] ?? []));
  const shape = shapeOf(columns, data);
  const struct = makeData({ type: shape.struct, length: rowCount, nullCount: 0, children: data });
  return new RecordBatch(shape.schema, struct);
}

/** The columns' schema, made once per columns array (a cached plan's columns are one array). */
function shapeOf(columns: ResultColumns, data: readonly Data[]): CachedShape {
  const cached = shapes.get(columns);
  if (cached) return cached;
  const fields = columns.map((c, i) => new Field(c.name, data[i]!.type, true));
  const shape = { schema: new Schema(fields), struct: new Struct(fields) };
  shapes.set(columns, shape);
  return shape;
}

/**
 * Unconstrained numeric has no fixed scale, but Decimal128 does, and numeric values
 * each keep their own (`1.5` and `2.25` print as such in one column): such a column, or
 * an array of it, crosses Arrow as text.
 */
function physicalType(type: SqlType): SqlType {
  if (type.kind === 'numeric' && type.scale === null) return Types.text;
  if (type.kind === 'array') {
    const element = physicalType(type.element);
    return element === type.element ? type : Types.array(element);
  }
  return type;
}
