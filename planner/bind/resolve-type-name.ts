import { LakeError } from '../../src/common/errors.js';
import { Types, type SqlType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { TypeName } from '../../src/sql/ast.js';

/**
 * Type names as written in SQL (PostgreSQL's names and aliases, docs §8) and as
 * lake catalogs spell them (Spark/Hive: string, int, bigint, double, decimal(p,s),
 * timestamp, timestamp_ntz), to our SqlType.
 */
const simple: Record<string, SqlType> = {
  bool: Types.bool,
  boolean: Types.bool,
  smallint: Types.int2,
  int2: Types.int2,
  tinyint: Types.int2,
  int: Types.int4,
  integer: Types.int4,
  int4: Types.int4,
  bigint: Types.int8,
  int8: Types.int8,
  long: Types.int8,
  real: Types.float4,
  float4: Types.float4,
  float: Types.float8,
  float8: Types.float8,
  double: Types.float8,
  'double precision': Types.float8,
  text: Types.text,
  string: Types.text,
  name: Types.name,
  bytea: Types.bytea,
  binary: Types.bytea,
  date: Types.date,
  time: Types.time,
  'time without time zone': Types.time,
  timestamp: Types.timestamp,
  'timestamp without time zone': Types.timestamp,
  timestamp_ntz: Types.timestamp,
  timestamptz: Types.timestamptz,
  'timestamp with time zone': Types.timestamptz,
  timestamp_ltz: Types.timestamptz,
  interval: Types.interval,
  uuid: Types.uuid,
  json: Types.json,
  jsonb: Types.jsonb,
  oid: Types.oid,
  '"char"': Types.char,
  regtype: Types.text,
};

/** A SQL type name with its modifiers; 42704 `type "x" does not exist` otherwise. */
export function resolveTypeName(
  name: string,
  modifiers: readonly number[],
  position?: number,
): SqlType {
  const n = name.toLowerCase();
  const [m0 = null, m1 = null] = modifiers;
  switch (n) {
    case 'numeric':
    case 'decimal':
      return Types.numeric(m0, m0 === null ? null : (m1 ?? 0));
    case 'varchar':
    case 'character varying':
      return Types.varchar(m0);
    case 'char':
    case 'character':
    case 'bpchar':
      return Types.bpchar(n === 'bpchar' ? m0 : (m0 ?? 1));
  }
  const t = simple[n];
  if (t === undefined) {
    throw new LakeError(SqlState.undefinedObject, `type "${name}" does not exist`, {
      ...(position === undefined ? {} : { position }),
    });
  }
  return t;
}

export function resolveAstType(t: TypeName, position: number): SqlType {
  const base = resolveParameterized(t, position) ?? resolveTypeName(t.name, t.modifiers, position);
  let out = base;
  for (let i = 0; i < t.arrayDims; i++) out = Types.array(out);
  return out;
}

/** Spark-style `array<T>` and `map<K, V>` (Trino `map(K, V)`); null for other names. */
function resolveParameterized(t: TypeName, position: number): SqlType | null {
  const [a, b] = t.typeArgs;
  if (t.name === 'array' && a !== undefined && t.typeArgs.length === 1) {
    return Types.array(resolveAstType(a, position));
  }
  if (t.name !== 'map') return null;
  if (a === undefined || b === undefined || t.typeArgs.length !== 2) {
    throw new LakeError(SqlState.syntaxError, 'map type needs a key and a value type', {
      position,
    });
  }
  return Types.map(resolveAstType(a, position), resolveAstType(b, position));
}

/** A catalog column's Spark/Hive type text (`decimal(10,2)`, `array<int>`, `map<string,int>`). */
export function resolveLakeType(text: string): SqlType {
  const s = text.trim().toLowerCase();
  const arr = /^array<(.*)>$/.exec(s);
  if (arr) return Types.array(resolveLakeType(arr[1] ?? ''));
  const map = /^map<(.*)>$/.exec(s);
  if (map) {
    const [k, v] = splitTopLevel(map[1] ?? '');
    if (k !== undefined && v !== undefined)
      return Types.map(resolveLakeType(k), resolveLakeType(v));
  }
  const m = /^([a-z_ ]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(s);
  if (!m) return Types.text;
  const mods = [m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  // Spark's float is 4 bytes and its timestamp is an instant (TIMESTAMP_LTZ).
  if (m[1] === 'float') return Types.float4;
  if (m[1] === 'timestamp') return Types.timestamptz;
  try {
    return resolveTypeName(m[1] ?? '', mods);
  } catch {
    return Types.text;
  }
}

/** `k, v` split at the one comma outside <> and () (`decimal(10,2), array<int>`). */
function splitTopLevel(s: string): string[] {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) return [s.slice(0, i), s.slice(i + 1)];
  }
  return [s];
}
