import { resolveAstType } from '../../../planner/bind/resolve-type-name.js';
import { assertNever } from '../../common/assert.js';
import { DEFAULT_NUMERIC_SCALE, MAX_DECIMAL_PRECISION } from '../../common/arrow-types.js';
import type { SqlType } from '../../common/sql-types.js';
import type { TypeName } from '../../sql/ast.js';

/**
 * The Hive/Spark type text a catalog column is stored with, for a SQL type (CTAS
 * columns, PostgreSQL type names in CREATE TABLE). Spark has no interval, uuid, json
 * or time column types: those are stored as strings, as Spark's JDBC source does.
 */
export function hiveTypeOfSql(t: SqlType): string {
  switch (t.kind) {
    case 'bool':
      return 'boolean';
    case 'int2':
      return 'smallint';
    case 'int4':
      return 'int';
    case 'int8':
    case 'oid':
      return 'bigint';
    case 'float4':
      return 'float';
    case 'float8':
      return 'double';
    case 'numeric':
      return `decimal(${t.precision ?? MAX_DECIMAL_PRECISION},${t.scale ?? (t.precision === null ? DEFAULT_NUMERIC_SCALE : 0)})`;
    case 'varchar':
      return t.length === null ? 'string' : `varchar(${t.length})`;
    case 'bpchar':
      return t.length === null ? 'string' : `char(${t.length})`;
    case 'bytea':
      return 'binary';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'timestamp_ntz';
    case 'timestamptz':
      return 'timestamp';
    case 'array':
      return `array<${hiveTypeOfSql(t.element)}>`;
    case 'map':
      return `map<${hiveTypeOfSql(t.key)},${hiveTypeOfSql(t.value)}>`;
    case 'text':
    case 'name':
    case 'char':
    case 'unknown':
    case 'json':
    case 'jsonb':
    case 'uuid':
    case 'time':
    case 'interval':
      return 'string';
    default:
      return assertNever(t);
  }
}

/** Spark's own spellings keep their Spark meaning (`timestamp` is an instant, `float` 4 bytes). */
const SPARK_NAMES = new Set([
  'string',
  'int',
  'tinyint',
  'smallint',
  'bigint',
  'long',
  'boolean',
  'float',
  'double',
  'date',
  'timestamp',
  'timestamp_ntz',
  'timestamp_ltz',
  'binary',
]);

/** A column type as written in CREATE TABLE, as Hive type text. */
export function hiveTypeOfAst(t: TypeName, position: number): string {
  let text: string;
  if (t.name === 'array' && t.typeArgs.length === 1 && t.typeArgs[0] !== undefined) {
    text = `array<${hiveTypeOfAst(t.typeArgs[0], position)}>`;
  } else if (t.name === 'map' && t.typeArgs.length === 2) {
    text = `map<${t.typeArgs.map((a) => hiveTypeOfAst(a, position)).join(',')}>`;
  } else if (t.name === 'struct') {
    const fields = t.typeArgs.map(
      (a, i) => `${t.fieldNames[i] ?? ''}:${hiveTypeOfAst(a, position)}`,
    );
    text = `struct<${fields.join(',')}>`;
  } else if (SPARK_NAMES.has(t.name) && t.modifiers.length === 0) {
    text = t.name === 'long' ? 'bigint' : t.name === 'timestamp_ltz' ? 'timestamp' : t.name;
  } else {
    text = hiveTypeOfSql(resolveAstType({ ...t, arrayDims: 0 }, position));
  }
  for (let i = 0; i < t.arrayDims; i++) text = `array<${text}>`;
  return text;
}
