import type { SqlType } from '../sql-types.js';
import type { SqlMap, SqlValue } from '../sql-value.js';
import { asArray, asBoolean, asMap } from './sql-value-guards.js';

/**
 * A map's text form. PostgreSQL has no map type, so a map column travels as `text`
 * (OID 25) holding a JSON object: keys are the key type's text output as JSON strings,
 * entries keep the map's order, and each value is JSON of its own kind so psql users
 * read it and json functions (or JSON.parse) take it back:
 *
 *   map<string,int>     {"a":1,"b":null}
 *   map<string,string>  {"added-data-files":"1"}
 *   map<int,array<int>> {"1":[1,2]}
 *
 * Integers and finite numerics/floats print as JSON numbers (their own exact text), bool
 * as true/false, arrays as JSON arrays, maps as nested objects, json/jsonb as themselves,
 * everything else (dates, timestamps, NaN, bytea, ...) as a JSON string of its text
 * output. Spark prints `{a -> 1}` and Trino `{a=1}`; neither reads back unambiguously.
 * parse-map.ts is the inverse.
 */
export function formatMap(
  value: SqlMap,
  key: (v: SqlValue) => string,
  json: (v: SqlValue) => string,
): string {
  let out = '{';
  let first = true;
  for (const [k, v] of value) {
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key(k))}:${v === null ? 'null' : json(v)}`;
  }
  return `${out}}`;
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The JSON form of one non-null value of a type, given the type's text output.
 * `text` resolves a type's text output (format-value.ts passes its own, which avoids
 * an import cycle).
 */
export function jsonValueFormatter(
  type: SqlType,
  text: (t: SqlType) => (v: SqlValue) => string,
): (v: SqlValue) => string {
  switch (type.kind) {
    case 'int2':
    case 'int4':
    case 'int8':
    case 'oid':
    case 'float4':
    case 'float8':
    case 'numeric': {
      const out = text(type);
      return (v) => {
        const s = out(v);
        return JSON_NUMBER.test(s) ? s : JSON.stringify(s);
      };
    }
    case 'bool':
      return (v) => (asBoolean(v) ? 'true' : 'false');
    case 'json':
    case 'jsonb':
      return text(type);
    case 'array': {
      const element = jsonValueFormatter(type.element, text);
      return (v) =>
        `[${asArray(v)
          .map((x) => (x === null ? 'null' : element(x)))
          .join(',')}]`;
    }
    case 'map': {
      const k = text(type.key);
      const j = jsonValueFormatter(type.value, text);
      return (v) => formatMap(asMap(v), k, j);
    }
    default: {
      const out = text(type);
      return (v) => JSON.stringify(out(v));
    }
  }
}
