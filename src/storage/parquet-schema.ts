import { type ThriftStruct, field } from './thrift-compact.js';

/**
 * A Parquet file's schema (parquet-format LogicalTypes.md) as Hive/Spark type text, the
 * way Spark's ParquetToSparkSchemaConverter reads it: `bigint`, `decimal(10,2)`,
 * `timestamp`, `array<int>`, `struct<a:string>`, `map<string,bigint>`.
 */

/** Parquet's physical types (parquet.thrift `Type`). */
export const Physical = {
  BOOLEAN: 0,
  INT32: 1,
  INT64: 2,
  INT96: 3,
  FLOAT: 4,
  DOUBLE: 5,
  BYTE_ARRAY: 6,
  FIXED_LEN_BYTE_ARRAY: 7,
} as const;

/** The legacy ConvertedType values this file reads (parquet.thrift). */
const Converted = {
  UTF8: 0,
  MAP: 1,
  MAP_KEY_VALUE: 2,
  LIST: 3,
  ENUM: 4,
  DECIMAL: 5,
  DATE: 6,
  TIMESTAMP_MILLIS: 9,
  TIMESTAMP_MICROS: 10,
  UINT_8: 11,
  UINT_16: 12,
  UINT_32: 13,
  UINT_64: 14,
  INT_8: 15,
  INT_16: 16,
  JSON: 19,
} as const;

const REPEATED = 2;

/** One node of the schema tree; leaves have a physical type. */
export interface SchemaNode {
  readonly name: string;
  readonly element: ThriftStruct;
  readonly children: readonly SchemaNode[];
}

/** What decoding a leaf's statistics needs to know about it. */
export interface LeafType {
  readonly physical: number;
  /** Hive type text of the leaf alone. */
  readonly hive: string;
  /** Decimal scale; 0 otherwise. */
  readonly scale: number;
  /** Multiplier to microseconds for timestamps: 1000 (millis), 1 (micros), -1000 (nanos). */
  readonly timeUnit: number;
  readonly unsigned: boolean;
}

/** The flat schema list (depth-first, with num_children) as a tree; the root's children are the columns. */
export function schemaTree(elements: readonly ThriftStruct[]): SchemaNode {
  let next = 0;
  const build = (depth: number): SchemaNode => {
    const element = elements[next++];
    if (element === undefined || depth > 64) throw new Error('malformed Parquet schema');
    const count = field.int(element, 5) ?? 0;
    const children: SchemaNode[] = [];
    const leaf = element.has(1);
    if (!leaf) for (let i = 0; i < count; i++) children.push(build(depth + 1));
    return { name: field.string(element, 4) ?? '', element, children };
  };
  return build(0);
}

export function isLeaf(node: SchemaNode): boolean {
  return node.element.has(1);
}

function isRepeated(node: SchemaNode): boolean {
  return field.int(node.element, 3) === REPEATED;
}

/** Hive type text of a column (a top-level node), including `array<>` for a bare repeated field. */
export function hiveTypeOf(node: SchemaNode): string {
  const inner = isLeaf(node) ? leafType(node).hive : groupType(node);
  return isRepeated(node) ? `array<${inner}>` : inner;
}

function groupType(node: SchemaNode): string {
  const logical = field.struct(node.element, 10);
  const converted = field.int(node.element, 6);
  if (logical?.has(3) === true || converted === Converted.LIST) return listType(node);
  if (
    logical?.has(2) === true ||
    converted === Converted.MAP ||
    converted === Converted.MAP_KEY_VALUE
  ) {
    return mapType(node);
  }
  return `struct<${node.children.map((c) => `${c.name}:${hiveTypeOf(c)}`).join(',')}>`;
}

/** LIST: the three-level form, or the legacy two-level forms (LogicalTypes.md "Lists", backward compatibility rules). */
function listType(node: SchemaNode): string {
  const repeated = node.children[0];
  if (repeated === undefined) return 'array<string>';
  if (!isRepeated(repeated)) return `array<${hiveTypeOf(repeated)}>`;
  const only = repeated.children.length === 1 ? repeated.children[0] : undefined;
  const legacy =
    isLeaf(repeated) ||
    only === undefined ||
    repeated.name === 'array' ||
    repeated.name === `${node.name}_tuple`;
  if (legacy) return `array<${isLeaf(repeated) ? leafType(repeated).hive : groupType(repeated)}>`;
  return `array<${hiveTypeOf(only)}>`;
}

function mapType(node: SchemaNode): string {
  const kv = node.children[0];
  const key = kv?.children[0];
  const value = kv?.children[1];
  if (key === undefined) return 'map<string,string>';
  return `map<${hiveTypeOf(key)},${value === undefined ? 'string' : hiveTypeOf(value)}>`;
}

/** A primitive leaf's Hive type, from its logical type, else its converted type, else its physical type. */
export function leafType(node: SchemaNode): LeafType {
  const e = node.element;
  const physical = field.int(e, 1) ?? -1;
  const logical = field.struct(e, 10);
  const converted = field.int(e, 6);
  const base = { physical, scale: 0, timeUnit: 0, unsigned: false };
  const decimal = logical === undefined ? undefined : field.struct(logical, 5);
  if (decimal !== undefined || converted === Converted.DECIMAL) {
    const scale = (decimal && field.int(decimal, 1)) ?? field.int(e, 7) ?? 0;
    const precision = (decimal && field.int(decimal, 2)) ?? field.int(e, 8) ?? 38;
    return { ...base, hive: `decimal(${precision},${scale})`, scale };
  }
  const integer = logical === undefined ? undefined : field.struct(logical, 10);
  if (integer !== undefined)
    return integerType(base, field.int(integer, 1) ?? 32, field.bool(integer, 2) ?? true);
  const convertedInt = convertedInteger(converted);
  if (convertedInt !== undefined) return integerType(base, convertedInt[0], convertedInt[1]);
  if (logical?.has(6) === true || converted === Converted.DATE) return { ...base, hive: 'date' };
  const timestamp = logical === undefined ? undefined : field.struct(logical, 8);
  if (timestamp !== undefined) {
    const unit = field.struct(timestamp, 2);
    const timeUnit = unit?.has(1) === true ? 1000 : unit?.has(3) === true ? -1000 : 1;
    const hive = field.bool(timestamp, 1) === false ? 'timestamp_ntz' : 'timestamp';
    return { ...base, hive, timeUnit };
  }
  if (converted === Converted.TIMESTAMP_MILLIS)
    return { ...base, hive: 'timestamp', timeUnit: 1000 };
  if (converted === Converted.TIMESTAMP_MICROS) return { ...base, hive: 'timestamp', timeUnit: 1 };
  const text =
    logical?.has(1) === true ||
    logical?.has(4) === true ||
    logical?.has(12) === true ||
    converted === Converted.UTF8 ||
    converted === Converted.ENUM ||
    converted === Converted.JSON;
  if (text) return { ...base, hive: 'string' };
  return { ...base, hive: PHYSICAL_HIVE[physical] ?? 'binary' };
}

/** Physical types without annotation; INT96 is the legacy Impala/Spark timestamp. */
const PHYSICAL_HIVE: Readonly<Record<number, string>> = {
  [Physical.BOOLEAN]: 'boolean',
  [Physical.INT32]: 'int',
  [Physical.INT64]: 'bigint',
  [Physical.INT96]: 'timestamp',
  [Physical.FLOAT]: 'float',
  [Physical.DOUBLE]: 'double',
  [Physical.BYTE_ARRAY]: 'binary',
  [Physical.FIXED_LEN_BYTE_ARRAY]: 'binary',
};

function convertedInteger(c: number | undefined): [number, boolean] | undefined {
  switch (c) {
    case Converted.INT_8:
      return [8, true];
    case Converted.INT_16:
      return [16, true];
    case Converted.UINT_8:
      return [8, false];
    case Converted.UINT_16:
      return [16, false];
    case Converted.UINT_32:
      return [32, false];
    case Converted.UINT_64:
      return [64, false];
    default:
      return undefined;
  }
}

/** Signed widths map to their Hive type; unsigned ones widen, as Spark reads them. */
function integerType(base: Omit<LeafType, 'hive'>, bits: number, signed: boolean): LeafType {
  const unsigned = !signed;
  if (signed) {
    const hive = bits <= 8 ? 'tinyint' : bits <= 16 ? 'smallint' : bits <= 32 ? 'int' : 'bigint';
    return { ...base, hive };
  }
  const hive =
    bits <= 8 ? 'smallint' : bits <= 16 ? 'int' : bits <= 32 ? 'bigint' : 'decimal(20,0)';
  return { ...base, hive, unsigned };
}
