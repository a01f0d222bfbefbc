import type { TableColumn } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { FileIO } from '../../storage/file-io.js';
import type { FooterReader, ParquetFooter } from '../scan-task.js';
import { type HiveType, formatHiveType, parseHiveType } from './hive-type.js';
import { listParquetFiles } from './plan-parquet-scan.js';

/** A data file's footer with the path named in conflict messages. */
export interface FileSchema {
  readonly path: string;
  readonly footer: Pick<ParquetFooter, 'columns'>;
}

/**
 * A table's columns from its files' footers, for CREATE EXTERNAL TABLE without a column
 * list: the union by name in first-seen order (as Spark's `mergeSchema`), widening where
 * no value changes (tinyint < smallint < int < bigint, float < double, decimals to one
 * holding both, element-wise inside arrays, maps and structs). Columns named like a
 * partition key are left out: the directory value wins (Spark's partition inference).
 * Any other disagreement is 42804, naming both files.
 */
export function inferSchema(
  files: readonly FileSchema[],
  partitionKeys: readonly string[] = [],
): TableColumn[] {
  const skip = new Set(partitionKeys);
  const merged = new Map<string, { type: HiveType; path: string }>();
  for (const file of files) {
    for (const column of file.footer.columns) {
      if (skip.has(column.name)) continue;
      const type = parseHiveType(column.type);
      const seen = merged.get(column.name);
      if (seen === undefined) {
        merged.set(column.name, { type, path: file.path });
        continue;
      }
      const wider = widen(seen.type, type);
      if (wider === null) throw conflict(column.name, seen, { type, path: file.path });
      merged.set(column.name, { type: wider, path: seen.path });
    }
  }
  return [...merged].map(([name, { type }]) => ({ name, type: formatHiveType(type) }));
}

/**
 * The columns of the Parquet files under a location (CREATE EXTERNAL TABLE without
 * columns). Every footer is read: a file written later with another type must fail
 * here, not in the middle of a query. An empty location infers no columns (the caller
 * reports it: Spark's "Unable to infer schema").
 */
export async function inferTableSchema(
  location: string,
  io: FileIO,
  readFooters: FooterReader,
  partitionKeys: readonly string[] = [],
): Promise<TableColumn[]> {
  const files = await listParquetFiles(location, io);
  const footers = await readFooters(files.map((f) => ({ path: f.path, size: f.size })));
  const schemas = files.flatMap((f, i) => {
    const footer = footers[i];
    return footer === undefined ? [] : [{ path: f.path, footer }];
  });
  return inferSchema(schemas, partitionKeys);
}

const INTEGER_RANK: Readonly<Record<string, number>> = {
  tinyint: 1,
  smallint: 2,
  int: 3,
  bigint: 4,
};
const FLOAT_RANK: Readonly<Record<string, number>> = { float: 1, double: 2 };

/** The narrowest type holding both without changing a value, or null when there is none. */
export function widen(a: HiveType, b: HiveType): HiveType | null {
  if (a.kind === 'primitive' && b.kind === 'primitive') {
    if (a.name === b.name) return a;
    for (const rank of [INTEGER_RANK, FLOAT_RANK]) {
      const ra = rank[a.name];
      const rb = rank[b.name];
      if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
    }
    return null;
  }
  if (a.kind === 'decimal' && b.kind === 'decimal') {
    const scale = Math.max(a.scale, b.scale);
    const integer = Math.max(a.precision - a.scale, b.precision - b.scale);
    return integer + scale > 38 ? null : { kind: 'decimal', precision: integer + scale, scale };
  }
  if (a.kind === 'array' && b.kind === 'array') {
    const element = widen(a.element, b.element);
    return element === null ? null : { kind: 'array', element };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const key = widen(a.key, b.key);
    const value = widen(a.value, b.value);
    return key === null || value === null ? null : { kind: 'map', key, value };
  }
  if (a.kind === 'struct' && b.kind === 'struct') {
    const fields = [...a.fields];
    for (const f of b.fields) {
      const i = fields.findIndex((x) => x.name === f.name);
      const existing = fields[i];
      if (existing === undefined) {
        fields.push(f);
        continue;
      }
      const type = widen(existing.type, f.type);
      if (type === null) return null;
      fields[i] = { name: f.name, type };
    }
    return { kind: 'struct', fields };
  }
  return null;
}

function conflict(
  name: string,
  a: { type: HiveType; path: string },
  b: { type: HiveType; path: string },
): LakeError {
  return new LakeError(
    SqlState.datatypeMismatch,
    `column "${name}" has type ${formatHiveType(a.type)} in file "${a.path}" but ${formatHiveType(b.type)} in file "${b.path}"`,
    { hint: 'Declare the columns in CREATE EXTERNAL TABLE, or rewrite the files with one type.' },
  );
}
