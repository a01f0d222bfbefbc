import type { SqlType, SqlTypeKind } from '../sql-types.js';
import type { SqlValue } from '../sql-value.js';
import { formatArray } from './format-array.js';
import { formatDate, formatTime, formatTimestamp, formatTimestamptz } from './format-datetime.js';
import { formatFloat } from './format-float.js';
import { formatInterval } from './format-interval.js';
import { formatMap, jsonValueFormatter } from './format-map.js';
import {
  asArray,
  asBigint,
  asBoolean,
  asBytes,
  asInterval,
  asMap,
  asNumber,
  asString,
} from './sql-value-guards.js';
import { resolveTimeZone } from './time-zone.js';

/** Session settings that change text output (PostgreSQL's TimeZone and extra_float_digits). */
export interface TextOptions {
  readonly timeZone: string;
  readonly extraFloatDigits: number;
}

/** PostgreSQL's defaults for a fresh session. */
export const DEFAULT_TEXT_OPTIONS: TextOptions = { timeZone: 'UTC', extraFloatDigits: 1 };

/** Formats one non-null value of a fixed type. */
export type TextFormatter = (value: SqlValue) => string;

type FormatterFactory = (type: SqlType, options: TextOptions) => TextFormatter;

const asText: FormatterFactory = () => asString;

/** Each type's output function (PostgreSQL's typoutput), chosen once per column. */
const formatters: Record<SqlTypeKind, FormatterFactory> = {
  bool: () => (v) => (asBoolean(v) ? 't' : 'f'),
  int2: () => (v) => String(asNumber(v)),
  int4: () => (v) => String(asNumber(v)),
  oid: () => (v) => String(asNumber(v)),
  int8: () => (v) => asBigint(v).toString(),
  float4: (_, o) => (v) => formatFloat(asNumber(v), 'float4', o.extraFloatDigits),
  float8: (_, o) => (v) => formatFloat(asNumber(v), 'float8', o.extraFloatDigits),
  numeric: asText,
  text: asText,
  varchar: asText,
  bpchar: asText,
  name: asText,
  char: asText,
  json: asText,
  jsonb: asText,
  unknown: asText,
  uuid: asText,
  // bytea_output = hex (PostgreSQL docs §8.4.1).
  bytea: () => (v) => `\\x${Buffer.from(asBytes(v)).toString('hex')}`,
  date: () => (v) => formatDate(asNumber(v)),
  time: () => (v) => formatTime(asBigint(v)),
  timestamp: () => (v) => formatTimestamp(asBigint(v)),
  timestamptz: (_, o) => {
    const zone = resolveTimeZone(o.timeZone);
    return (v) => formatTimestamptz(asBigint(v), zone);
  },
  interval: () => (v) => formatInterval(asInterval(v)),
  array: (t, o) => {
    const element = textFormatter(t.kind === 'array' ? t.element : t, o);
    return (v) => formatArray(asArray(v), element);
  },
  // JSON object text (format-map.ts): PostgreSQL has no map type to mimic.
  map: (t, o) => {
    if (t.kind !== 'map') return asText(t, o);
    const text = (x: SqlType): TextFormatter => textFormatter(x, o);
    const key = text(t.key);
    const value = jsonValueFormatter(t.value, text);
    return (v) => formatMap(asMap(v), key, value);
  },
};

/** The output function of a type, resolved once (use per column, not per row). */
export function textFormatter(type: SqlType, options: TextOptions): TextFormatter {
  return formatters[type.kind](type, options);
}

/** PostgreSQL's text output of one value; null stays null (SQL NULL). */
export function formatValue(type: SqlType, value: SqlValue, options: TextOptions): string | null {
  return value === null ? null : textFormatter(type, options)(value);
}
