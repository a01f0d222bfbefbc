import { LakeError } from '../errors.js';
import type { SqlType, SqlTypeKind } from '../sql-types.js';
import { SqlState } from '../sqlstate.js';
import type { SqlValue } from '../sql-value.js';
import type { TextOptions } from './format-value.js';
import { parseJson, parseJsonb } from './json-text.js';
import { parseArray } from './parse-array.js';
import { parseBytea } from './parse-bytea.js';
import { parseDate, parseTime, parseTimestamp, parseTimestamptz } from './parse-datetime.js';
import { parseInterval } from './parse-interval.js';
import { parseMapText } from './parse-map.js';
import {
  INT_RANGES,
  parseBool,
  parseFloatText,
  parseInteger,
  parseNumeric,
} from './parse-number.js';
import { parseUuid } from './parse-uuid.js';
import { resolveTimeZone } from './time-zone.js';

/** Parses one value's text; throws LakeError with PostgreSQL's SQLSTATE and wording. */
export type TextParser = (text: string) => SqlValue;

type ParserFactory = (type: SqlType, options: Pick<TextOptions, 'timeZone'>) => TextParser;

const identity: ParserFactory = () => (text) => text;

/** Each type's input function (PostgreSQL's typinput), applied with the type's typmod. */
const parsers: Record<SqlTypeKind, ParserFactory> = {
  bool: () => parseBool,
  int2: () => (text) => Number(parseInteger(text, INT_RANGES.int2)),
  int4: () => (text) => Number(parseInteger(text, INT_RANGES.int4)),
  int8: () => (text) => parseInteger(text, INT_RANGES.int8),
  oid: () => (text) => Number(BigInt.asUintN(32, parseInteger(text, INT_RANGES.oid))),
  float4: () => (text) => parseFloatText(text, 'float4'),
  float8: () => (text) => parseFloatText(text, 'float8'),
  numeric: (t) => {
    const [precision, scale] = t.kind === 'numeric' ? [t.precision, t.scale] : [null, null];
    return (text) => parseNumeric(text, precision, scale);
  },
  text: identity,
  unknown: identity,
  varchar: (t) => lengthChecked(t, false),
  bpchar: (t) => lengthChecked(t, true),
  // name is truncated to NAMEDATALEN-1 = 63 bytes (docs §8.3), on a character boundary.
  name: () => (text) => truncateUtf8(text, 63),
  // "char" keeps only the first byte (docs §8.3, Table 8.5).
  char: () => (text) => truncateUtf8(text, 1),
  json: () => parseJson,
  jsonb: () => parseJsonb,
  bytea: () => parseBytea,
  uuid: () => parseUuid,
  date: () => parseDate,
  time: () => parseTime,
  timestamp: () => parseTimestamp,
  timestamptz: (_, o) => {
    const zone = resolveTimeZone(o.timeZone);
    return (text) => parseTimestamptz(text, zone);
  },
  interval: () => parseInterval,
  array: (t, o) => {
    const element = textParser(t.kind === 'array' ? t.element : t, o);
    return (text) => parseArray(text, element);
  },
  map: (t, o) => (text) => parseMapText(text, t, (x) => textParser(x, o)),
};

/** The input function of a type, resolved once (use per column or parameter list). */
export function textParser(type: SqlType, options: Pick<TextOptions, 'timeZone'>): TextParser {
  return parsers[type.kind](type, options);
}

/** PostgreSQL's text input of one value of a type (text-format Bind parameters, casts from text). */
export function parseValue(
  type: SqlType,
  text: string,
  options: Pick<TextOptions, 'timeZone'>,
): SqlValue {
  return textParser(type, options)(text);
}

/**
 * varchar(n)/bpchar(n) input: too long is 22001 unless the excess is spaces
 * (docs §8.3); bpchar pads to n.
 */
function lengthChecked(t: SqlType, pad: boolean): TextParser {
  const n = t.kind === 'varchar' || t.kind === 'bpchar' ? t.length : null;
  if (n === null) return (text) => text;
  const typeName = pad ? `character(${n})` : `character varying(${n})`;
  return (text) => {
    const chars = [...text];
    if (chars.length > n) {
      if (chars.slice(n).some((c) => c !== ' ')) {
        throw new LakeError(
          SqlState.stringDataRightTruncation,
          `value too long for type ${typeName}`,
        );
      }
      return chars.slice(0, n).join('');
    }
    return pad ? text + ' '.repeat(n - chars.length) : text;
  };
}

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const c of text) {
    bytes += Buffer.byteLength(c, 'utf8');
    if (bytes > maxBytes) break;
    out += c;
  }
  return out;
}
