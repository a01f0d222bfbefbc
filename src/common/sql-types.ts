import { assertNever } from './assert.js';

/**
 * The SQL types lakegate exposes to clients. Each maps to one PostgreSQL type
 * (OID, typlen, typmod) on the wire and to one Arrow physical type in batches
 * (see arrow-types.ts). Lake types (Spark STRING, BIGINT, DECIMAL, TIMESTAMP_NTZ, ...)
 * are mapped onto these by the binder.
 */
export type ScalarKind =
  | 'bool'
  | 'int2'
  | 'int4'
  | 'int8'
  | 'float4'
  | 'float8'
  | 'text'
  | 'bytea'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'jsonb'
  | 'oid'
  | 'name'
  | 'char'
  /** A NULL or quoted literal whose type is not yet decided (PostgreSQL's `unknown`). */
  | 'unknown';

export type SqlType =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'numeric'; readonly precision: number | null; readonly scale: number | null }
  | { readonly kind: 'varchar'; readonly length: number | null }
  | { readonly kind: 'bpchar'; readonly length: number | null }
  | { readonly kind: 'array'; readonly element: SqlType }
  /**
   * Spark/Hive MAP<K, V> (Trino map(K, V)). PostgreSQL has no map type: on the wire a map
   * is `text` (OID 25) holding a JSON object, see values/format-map.ts.
   */
  | { readonly kind: 'map'; readonly key: SqlType; readonly value: SqlType };

export type SqlTypeKind = SqlType['kind'];

const scalarCache = new Map<ScalarKind, SqlType>();

/** Interned scalar types, so `t === scalar('int4')` comparisons are cheap and plans stay small. */
export function scalar(kind: ScalarKind): SqlType {
  let t = scalarCache.get(kind);
  if (!t) {
    t = Object.freeze({ kind });
    scalarCache.set(kind, t);
  }
  return t;
}

export const Types = {
  bool: scalar('bool'),
  int2: scalar('int2'),
  int4: scalar('int4'),
  int8: scalar('int8'),
  float4: scalar('float4'),
  float8: scalar('float8'),
  text: scalar('text'),
  bytea: scalar('bytea'),
  date: scalar('date'),
  time: scalar('time'),
  timestamp: scalar('timestamp'),
  timestamptz: scalar('timestamptz'),
  interval: scalar('interval'),
  uuid: scalar('uuid'),
  json: scalar('json'),
  jsonb: scalar('jsonb'),
  oid: scalar('oid'),
  name: scalar('name'),
  char: scalar('char'),
  unknown: scalar('unknown'),
  numeric: (precision: number | null = null, scale: number | null = null): SqlType => ({
    kind: 'numeric',
    precision,
    scale,
  }),
  varchar: (length: number | null = null): SqlType => ({ kind: 'varchar', length }),
  bpchar: (length: number | null = null): SqlType => ({ kind: 'bpchar', length }),
  array: (element: SqlType): SqlType => ({ kind: 'array', element }),
  map: (key: SqlType, value: SqlType): SqlType => ({ kind: 'map', key, value }),
} as const;

/** Catalog facts PostgreSQL clients need about a type (pg_type: oid, typlen, array oid). */
export interface PgTypeInfo {
  readonly oid: number;
  readonly arrayOid: number;
  readonly name: string;
  /** pg_type.typlen: fixed byte width, or -1 for varlena. */
  readonly typlen: number;
}

/** Kinds with a pg_type row of their own (arrays use their element's array OID). */
type PgBaseKind = Exclude<SqlTypeKind, 'array' | 'map'>;

/** A map travels as text (JSON object text): PostgreSQL has no map type. */
const MAP_WIRE_KIND = 'text' satisfies PgBaseKind;

const pgTypes: Record<PgBaseKind, PgTypeInfo> = {
  bool: { oid: 16, arrayOid: 1000, name: 'bool', typlen: 1 },
  bytea: { oid: 17, arrayOid: 1001, name: 'bytea', typlen: -1 },
  char: { oid: 18, arrayOid: 1002, name: 'char', typlen: 1 },
  name: { oid: 19, arrayOid: 1003, name: 'name', typlen: 64 },
  int8: { oid: 20, arrayOid: 1016, name: 'int8', typlen: 8 },
  int2: { oid: 21, arrayOid: 1005, name: 'int2', typlen: 2 },
  int4: { oid: 23, arrayOid: 1007, name: 'int4', typlen: 4 },
  text: { oid: 25, arrayOid: 1009, name: 'text', typlen: -1 },
  oid: { oid: 26, arrayOid: 1028, name: 'oid', typlen: 4 },
  json: { oid: 114, arrayOid: 199, name: 'json', typlen: -1 },
  float4: { oid: 700, arrayOid: 1021, name: 'float4', typlen: 4 },
  float8: { oid: 701, arrayOid: 1022, name: 'float8', typlen: 8 },
  unknown: { oid: 705, arrayOid: 0, name: 'unknown', typlen: -2 },
  bpchar: { oid: 1042, arrayOid: 1014, name: 'bpchar', typlen: -1 },
  varchar: { oid: 1043, arrayOid: 1015, name: 'varchar', typlen: -1 },
  date: { oid: 1082, arrayOid: 1182, name: 'date', typlen: 4 },
  time: { oid: 1083, arrayOid: 1183, name: 'time', typlen: 8 },
  timestamp: { oid: 1114, arrayOid: 1115, name: 'timestamp', typlen: 8 },
  timestamptz: { oid: 1184, arrayOid: 1185, name: 'timestamptz', typlen: 8 },
  interval: { oid: 1186, arrayOid: 1187, name: 'interval', typlen: 16 },
  numeric: { oid: 1700, arrayOid: 1231, name: 'numeric', typlen: -1 },
  uuid: { oid: 2950, arrayOid: 2951, name: 'uuid', typlen: 16 },
  jsonb: { oid: 3802, arrayOid: 3807, name: 'jsonb', typlen: -1 },
};

/** Every base type lakegate exposes, as pg_type describes it (for the system catalog). */
export function pgBaseTypes(): readonly PgTypeInfo[] {
  return Object.values(pgTypes);
}

/** The PostgreSQL type OID of a SQL type. */
export function pgTypeOid(t: SqlType): number {
  return t.kind === 'array' ? pgTypes[elementKind(t.element)].arrayOid : pgTypes[baseKind(t)].oid;
}

/** pg_type.typlen of a SQL type (arrays are varlena). */
export function pgTypeLen(t: SqlType): number {
  return t.kind === 'array' ? -1 : pgTypes[baseKind(t)].typlen;
}

/**
 * The type modifier reported in RowDescription, encoded as PostgreSQL does:
 * varchar/bpchar length + 4 (VARHDRSZ); numeric ((precision << 16) | scale) + 4; else -1.
 */
export function pgTypeMod(t: SqlType): number {
  switch (t.kind) {
    case 'varchar':
    case 'bpchar':
      return t.length === null ? -1 : t.length + 4;
    case 'numeric':
      return t.precision === null ? -1 : ((t.precision << 16) | (t.scale ?? 0)) + 4;
    default:
      return -1;
  }
}

/** The type's name as PostgreSQL's format_type prints it (for SHOW, errors, pg_typeof). */
export function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'array':
      return `${formatType(t.element)}[]`;
    case 'map':
      // Spark's spelling (DESCRIBE, typeof): map<string,int> reads as the DDL users wrote.
      return `map<${formatType(t.key)},${formatType(t.value)}>`;
    case 'numeric':
      return t.precision === null ? 'numeric' : `numeric(${t.precision},${t.scale ?? 0})`;
    case 'varchar':
      return t.length === null ? 'character varying' : `character varying(${t.length})`;
    case 'bpchar':
      return t.length === null ? 'bpchar' : `character(${t.length})`;
    case 'bool':
      return 'boolean';
    case 'int2':
      return 'smallint';
    case 'int4':
      return 'integer';
    case 'int8':
      return 'bigint';
    case 'float4':
      return 'real';
    case 'float8':
      return 'double precision';
    case 'time':
      return 'time without time zone';
    case 'timestamp':
      return 'timestamp without time zone';
    case 'timestamptz':
      return 'timestamp with time zone';
    case 'char':
      return '"char"';
    case 'text':
    case 'bytea':
    case 'date':
    case 'interval':
    case 'uuid':
    case 'json':
    case 'jsonb':
    case 'oid':
    case 'name':
    case 'unknown':
      return t.kind;
    default:
      return assertNever(t);
  }
}

/** Looks a SQL type up by its PostgreSQL OID (for Parse's parameter types); undefined if unknown. */
export function sqlTypeFromOid(oid: number): SqlType | undefined {
  return oidIndex().get(oid);
}

let oidMap: Map<number, SqlType> | undefined;
function oidIndex(): Map<number, SqlType> {
  if (oidMap) return oidMap;
  oidMap = new Map();
  for (const [kind, info] of Object.entries(pgTypes) as [PgBaseKind, PgTypeInfo][]) {
    const t: SqlType =
      kind === 'numeric'
        ? Types.numeric()
        : kind === 'varchar'
          ? Types.varchar()
          : kind === 'bpchar'
            ? Types.bpchar()
            : scalar(kind);
    oidMap.set(info.oid, t);
    if (info.arrayOid !== 0) oidMap.set(info.arrayOid, Types.array(t));
  }
  return oidMap;
}

function elementKind(t: SqlType): PgBaseKind {
  // PostgreSQL has no arrays of arrays as distinct types: int4[][] is still _int4.
  return t.kind === 'array' ? elementKind(t.element) : baseKind(t);
}

function baseKind(t: Exclude<SqlType, { kind: 'array' }>): PgBaseKind {
  return t.kind === 'map' ? MAP_WIRE_KIND : t.kind;
}

export function sameType(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'array':
      return b.kind === 'array' && sameType(a.element, b.element);
    case 'map':
      return b.kind === 'map' && sameType(a.key, b.key) && sameType(a.value, b.value);
    case 'numeric':
      return b.kind === 'numeric' && a.precision === b.precision && a.scale === b.scale;
    case 'varchar':
    case 'bpchar':
      return (b.kind === 'varchar' || b.kind === 'bpchar') && a.length === b.length;
    default:
      return true;
  }
}
