import { pgBaseTypes, Types, type PgTypeInfo } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import type { SystemColumn, SystemRelation } from './system-relation.js';

/** pg_catalog's namespace OID and the bootstrap superuser's, as in every PostgreSQL. */
const PG_CATALOG_NAMESPACE = 11;
const BOOTSTRAP_SUPERUSER = 10;

/** The columns of pg_type that drivers read (PostgreSQL 15 attnums). */
const columns: readonly SystemColumn[] = [
  { name: 'oid', type: Types.oid, attnum: 1 },
  { name: 'typname', type: Types.name, attnum: 2 },
  { name: 'typnamespace', type: Types.oid, attnum: 3 },
  { name: 'typowner', type: Types.oid, attnum: 4 },
  { name: 'typlen', type: Types.int2, attnum: 5 },
  { name: 'typbyval', type: Types.bool, attnum: 6 },
  { name: 'typtype', type: Types.char, attnum: 7 },
  { name: 'typcategory', type: Types.char, attnum: 8 },
  { name: 'typisdefined', type: Types.bool, attnum: 10 },
  { name: 'typdelim', type: Types.char, attnum: 11 },
  { name: 'typrelid', type: Types.oid, attnum: 12 },
  { name: 'typelem', type: Types.oid, attnum: 14 },
  { name: 'typarray', type: Types.oid, attnum: 15 },
  { name: 'typnotnull', type: Types.bool, attnum: 25 },
  { name: 'typbasetype', type: Types.oid, attnum: 26 },
  { name: 'typtypmod', type: Types.int4, attnum: 27 },
  { name: 'typndims', type: Types.int4, attnum: 28 },
];

/** pg_type.typcategory (PostgreSQL docs, Table 53.65). */
const categories: Record<string, string> = {
  bool: 'B',
  int2: 'N',
  int4: 'N',
  int8: 'N',
  float4: 'N',
  float8: 'N',
  numeric: 'N',
  oid: 'N',
  text: 'S',
  varchar: 'S',
  bpchar: 'S',
  name: 'S',
  char: 'Z',
  date: 'D',
  time: 'D',
  timestamp: 'D',
  timestamptz: 'D',
  interval: 'T',
  unknown: 'X',
};

function baseRow(t: PgTypeInfo): SqlValue[] {
  const byValue =
    t.typlen > 0 &&
    t.typlen <= 8 &&
    t.name !== 'name' &&
    t.name !== 'uuid' &&
    t.name !== 'interval';
  return [
    t.oid,
    t.name,
    PG_CATALOG_NAMESPACE,
    BOOTSTRAP_SUPERUSER,
    t.typlen,
    byValue,
    t.name === 'unknown' ? 'p' : 'b',
    categories[t.name] ?? 'U',
    true,
    ',',
    0,
    0,
    t.arrayOid,
    false,
    0,
    -1,
    0,
  ];
}

function arrayRow(t: PgTypeInfo): SqlValue[] {
  return [
    t.arrayOid,
    `_${t.name}`,
    PG_CATALOG_NAMESPACE,
    BOOTSTRAP_SUPERUSER,
    -1,
    false,
    'b',
    'A',
    true,
    ',',
    0,
    t.oid,
    0,
    false,
    0,
    -1,
    0,
  ];
}

export const pgType: SystemRelation = {
  name: 'pg_type',
  tableOid: 1247,
  columns,
  rows: () => {
    const types = pgBaseTypes();
    return [...types.map(baseRow), ...types.filter((t) => t.arrayOid !== 0).map(arrayRow)];
  },
};
