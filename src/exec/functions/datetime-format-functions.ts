import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { daysInMonth, MICROS_PER_SECOND } from '../../common/values/calendar.js';
import { parseDate, parseTimestamptz } from '../../common/values/parse-datetime.js';
import { localToUtc, type TimeZone } from '../../common/values/time-zone.js';
import { localOf, partsOf, partsOfLocal, zoneOf } from '../kernels/datetime-parts.js';
import {
  compileJavaPattern,
  formatJava,
  parseJava,
  type ParsedDateTime,
} from '../kernels/java-datetime-pattern.js';
import { strict, type Kernel, type KernelInput } from '../kernels/kernel.js';
import { compilePgTemplate, formatPg, parsePg } from '../kernels/pg-datetime-template.js';
import { scalarText } from '../kernels/scalar-text.js';
import { isNumberToChar, numberToChar, numberToCharResolve } from './number-format-functions.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Formatting and parsing date/time text. PostgreSQL's to_char, to_timestamp and to_date
 * take its template patterns (YYYY-MM-DD HH24:MI:SS); when the pattern is plainly a
 * Java one (yyyy-MM-dd HH:mm:ss: `MM` with lower-case `yy`/`dd`, or `HH:mm`, `mm:ss`),
 * Spark's meaning is taken, since users paste both. Spark's date_format, from_unixtime
 * and unix_timestamp take Java patterns and, as Spark does, give NULL for text that does
 * not parse; PostgreSQL's names raise 22007/22008.
 */
const { text: T, date: D, timestamp: TS, timestamptz: TZ, int8: L, float8: F } = Types;
const DEFAULT_JAVA = 'yyyy-MM-dd HH:mm:ss';
const str = (v: SqlValue | undefined): string => scalarText(v);

export function isJavaPattern(fmt: string): boolean {
  return (/MM/.test(fmt) && /yy|dd/.test(fmt)) || /HH:mm|mm:ss|ss\.S|'/.test(fmt);
}

function outOfRange(text: string): LakeError {
  return new LakeError(
    SqlState.datetimeFieldOverflow,
    `date/time field value out of range: "${text}"`,
  );
}

function valid(r: ParsedDateTime): boolean {
  return (
    r.month >= 1 &&
    r.month <= 12 &&
    r.day >= 1 &&
    r.day <= daysInMonth(r.year, r.month) &&
    r.hour < 24 &&
    r.minute < 60 &&
    r.second < 60
  );
}

/** The instant (timestamptz), local timestamp or date that parsed fields name. */
function build(r: ParsedDateTime, to: SqlType, zone: TimeZone): SqlValue {
  const local = localOf(r.year, r.month, r.day, r.hour, r.minute, r.second, r.micros);
  if (to.kind === 'date') return Number(local / 86_400_000_000n);
  if (to.kind === 'timestamp') return local;
  return r.offset !== null ? local - BigInt(r.offset) * MICROS_PER_SECOND : localToUtc(zone, local);
}

/** Parses with a pattern of either dialect; Java text that does not match is NULL. */
function parseWith(
  text: string,
  fmt: string,
  to: SqlType,
  zone: TimeZone,
  strictPg: boolean,
): SqlValue {
  if (isJavaPattern(fmt) || !strictPg) {
    const r = parseJava(text, compileJavaPattern(fmt), fmt);
    return r && valid(r) ? build(r, to, zone) : null;
  }
  const r = parsePg(text, compilePgTemplate(fmt));
  if (!valid(r)) throw outOfRange(text);
  return build(r, to, zone);
}

const toTimestampKernel: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  const first = input.argTypes[0]?.kind;
  return strict(([v, f]) => {
    if (first === 'float8') return epochSeconds(v as number);
    if (f !== undefined) return parseWith(str(v), str(f), TZ, zone, true);
    try {
      return parseTimestamptz(str(v), zone);
    } catch {
      return null; // Spark's to_timestamp(text): NULL for text that is not a timestamp.
    }
  })(input);
};

function epochSeconds(s: number): SqlValue {
  if (!Number.isFinite(s)) {
    if (Number.isNaN(s))
      throw new LakeError(SqlState.datetimeFieldOverflow, 'timestamp cannot be NaN');
    return s > 0 ? 0x7fffffffffffffffn : -0x8000000000000000n;
  }
  return BigInt(Math.round(s * 1e6));
}

const toDateKernel: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  return strict(([v, f]) => {
    if (f !== undefined) return parseWith(str(v), str(f), D, zone, true);
    try {
      return parseDate(str(v));
    } catch {
      return null;
    }
  })(input);
};

/** to_char(ts, fmt) / date_format(ts, javaFmt): the value in local time, then the pattern. */
function formatter(java: boolean): Kernel {
  return (input: KernelInput) => {
    const zone = zoneOf(input.ctx.timeZone);
    const type = input.argTypes[0] ?? TS;
    const zoneName = type.kind === 'timestamptz' ? input.ctx.timeZone : '';
    return strict(([v, f]) => {
      const p = partsOf(v as SqlValue, type, zone);
      const fmt = str(f);
      return java || isJavaPattern(fmt)
        ? formatJava(p, compileJavaPattern(fmt), zoneName)
        : formatPg(
            p,
            compilePgTemplate(fmt),
            zoneName.toUpperCase() === zoneName ? zoneName : zoneName,
          );
    })(input);
  };
}

/** from_unixtime(seconds [, fmt]): Spark, text in the session time zone. */
const fromUnixtime: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  return strict(([s, f]) => {
    const utc = BigInt(s as bigint) * MICROS_PER_SECOND;
    const p = partsOfLocal(
      utc + BigInt(zone.offsetAt(utc)) * MICROS_PER_SECOND,
      zone.offsetAt(utc),
    );
    return formatJava(
      p,
      compileJavaPattern(f === undefined ? DEFAULT_JAVA : str(f)),
      input.ctx.timeZone,
    );
  })(input);
};

/** unix_timestamp([x [, fmt]]): Spark, seconds since the epoch (floor), NULL for unparsable text. */
const unixTimestamp: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  if (input.args.length === 0) {
    return new Array<SqlValue>(input.rowCount).fill(
      input.ctx.statementStartMicros / MICROS_PER_SECOND,
    );
  }
  const type = input.argTypes[0] ?? T;
  return strict(([v, f]) => {
    let micros: SqlValue;
    if (type.kind === 'date') micros = localOf(1970, 1, 1) + BigInt(v as number) * 86_400_000_000n;
    else if (type.kind === 'timestamp' || type.kind === 'timestamptz') micros = v as bigint;
    else micros = parseWith(str(v), f === undefined ? DEFAULT_JAVA : str(f), TZ, zone, false);
    if (type.kind === 'date' || type.kind === 'timestamp')
      micros = localToUtc(zone, micros as bigint);
    if (micros === null) return null;
    const m = micros as bigint;
    return (
      (m - (((m % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND)) / MICROS_PER_SECOND
    );
  })(input);
};

const datetimeArg = (t: SqlType | undefined): SqlType | null =>
  t === undefined
    ? null
    : t.kind === 'timestamptz' || t.kind === 'timestamp'
      ? t
      : t.kind === 'date'
        ? TS
        : t.kind === 'unknown'
          ? TZ
          : null;

function formatResolve(argTypes: readonly SqlType[]): Signature | null {
  const t = datetimeArg(argTypes[0]);
  if (argTypes.length !== 2 || t === null) return null;
  return overloads(sig([t, T], T))(argTypes);
}

const datetimeToChar = formatter(false);

export const datetimeFormatFunctions: readonly ScalarFunction[] = [
  // to_char over numbers is number-format-functions.ts's; one name, dispatched on type.
  fn(
    'to_char',
    (a) => numberToCharResolve(a) ?? formatResolve(a),
    (input) => (isNumberToChar(input.argTypes[0]) ? numberToChar(input) : datetimeToChar(input)),
  ),
  fn('date_format', formatResolve, formatter(true)),
  fn('to_timestamp', overloads(sig([T], TZ), sig([T, T], TZ), sig([F], TZ)), toTimestampKernel),
  fn('to_date', overloads(sig([T], D), sig([T, T], D)), toDateKernel),
  fn('from_unixtime', overloads(sig([L], T), sig([L, T], T)), fromUnixtime),
  fn(
    'unix_timestamp',
    (args) =>
      args.length === 0
        ? sig([], L)
        : args.length === 1 && datetimeArg(args[0]) !== null && args[0]?.kind !== 'unknown'
          ? sig([args[0] as SqlType], L)
          : overloads(sig([T], L), sig([T, T], L))(args),
    unixTimestamp,
  ),
  fn(
    'to_unixtime',
    overloads(sig([TZ], F)),
    strict(([v]) => Number(v) / 1e6),
  ),
];
