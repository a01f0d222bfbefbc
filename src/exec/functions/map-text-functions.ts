import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { jsonValueFormatter } from '../../common/values/format-map.js';
import { textFormatter } from '../../common/values/format-value.js';
import { asMap } from '../../common/values/sql-value-guards.js';
import type { Kernel } from '../kernels/kernel.js';
import { compileRegex } from '../kernels/regex-cache.js';
import { scalarText } from '../kernels/scalar-text.js';
import { buildMap } from './map-functions.js';
import { splitBy } from './regex-functions.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';

/**
 * Map functions that go through text (Spark 3.5):
 *
 * - `map_entries(m)`: Spark returns array<struct<key: K, value: V>>. lakegate's SqlType
 *   has no struct (row) type yet, so the entries come back as one `json` array of
 *   `{"key": k, "value": v}` objects, in the map's order: the text Spark's
 *   `to_json(map_entries(m))` prints. Keys and values are JSON of their own kind, as in
 *   a map's own text form (format-map.ts): numbers and booleans bare, arrays and maps
 *   nested, everything else a JSON string of its text output.
 * - `str_to_map(text [, pairDelim [, keyValueDelim]])` → map<string, string>, by
 *   Spark's StringToMap: split the text at pairDelim (default ','), each piece once at
 *   keyValueDelim (default ':'); a piece without it is a key with a NULL value, and
 *   `''` is the map {"": NULL}. As in Spark both delimiters are (Java) regular
 *   expressions, translated by regex-translate.ts and split with Java's
 *   String.split rules (splitBy: trailing empty strings kept, an empty pattern splits
 *   into characters); a duplicate key is 22023 (Spark's default mapKeyDedupPolicy
 *   EXCEPTION). Spark requires constant delimiters; here any text is accepted, and a
 *   NULL argument gives NULL.
 */
const mapEntries: Kernel = (input) => {
  const t = input.argTypes[0];
  const out = new Array<SqlValue>(input.rowCount);
  const column = input.args[0] ?? [];
  if (t?.kind !== 'map') return out.fill(null);
  const options = { timeZone: input.ctx.timeZone, extraFloatDigits: input.ctx.extraFloatDigits };
  const text = (x: SqlType): ((v: SqlValue) => string) => textFormatter(x, options);
  const key = jsonValueFormatter(t.key, text);
  const value = jsonValueFormatter(t.value, text);
  for (let r = 0; r < input.rowCount; r++) {
    const m = column[r] ?? null;
    if (m === null) {
      out[r] = null;
      continue;
    }
    let s = '[';
    for (const [k, v] of asMap(m)) {
      if (s.length > 1) s += ',';
      s += `{"key":${key(k)},"value":${v === null ? 'null' : value(v)}}`;
    }
    out[r] = `${s}]`;
  }
  return out;
};

/** One key-value piece split once at the delimiter: the key, and the value or NULL. */
function keyValue(piece: string, delimiter: RegExp): [string, string | null] {
  // Spark splits at an empty pattern character by character: limit 2 keeps the rest whole.
  if (delimiter.source === '(?:)' || delimiter.source === '')
    return piece === '' ? ['', null] : splitFirst(piece);
  const [k = '', v = null] = splitBy(piece, delimiter, 2);
  return [k, v];
}

function splitFirst(s: string): [string, string | null] {
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return first.length === s.length ? [s, null] : [first, s.slice(first.length)];
}

const strToMap: Kernel = (input) => {
  const out = new Array<SqlValue>(input.rowCount);
  const [texts = [], pairs, kvs] = input.args;
  const keys: string[] = [];
  const values: (string | null)[] = [];
  for (let r = 0; r < input.rowCount; r++) {
    const s = texts[r] ?? null;
    const p = pairs ? (pairs[r] ?? null) : ',';
    const kv = kvs ? (kvs[r] ?? null) : ':';
    if (s === null || p === null || kv === null) {
      out[r] = null;
      continue;
    }
    const kvRe = compileRegex(scalarText(kv), 'java');
    keys.length = 0;
    values.length = 0;
    for (const piece of splitBy(scalarText(s), compileRegex(scalarText(p), 'java'), -1)) {
      const [k, v] = keyValue(piece, kvRe);
      keys.push(k);
      values.push(v);
    }
    out[r] = buildMap(keys, values, Types.text);
  }
  return out;
};

const T = Types.text;
const TT = Types.map(T, T);

export const mapTextFunctions: readonly ScalarFunction[] = [
  fn(
    'map_entries',
    (argTypes) => {
      const [m] = argTypes;
      return argTypes.length === 1 && m?.kind === 'map' ? { args: [m], returns: Types.json } : null;
    },
    mapEntries,
  ),
  fn('str_to_map', overloads(sig([T], TT), sig([T, T], TT), sig([T, T, T], TT)), strToMap),
];
