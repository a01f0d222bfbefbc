import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';
import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../sql-value.js';
import {
  daysFromCivil,
  daysInMonth,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  MICROS_PER_MINUTE,
  MICROS_PER_SECOND,
} from './calendar.js';
import { datetimeOutOfRange, invalidSyntax } from './input-error.js';
import { trimSpace } from './parse-number.js';
import { localToUtc, resolveTimeZone, type TimeZone } from './time-zone.js';

/**
 * date/time/timestamp/timestamptz input in ISO 8601 form (PostgreSQL docs §8.5.1):
 * `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][zone][ BC]`, plus 'epoch' and '±infinity'.
 */

const DATE_TIME =
  /^(\d{4,7})-(\d{1,2})-(\d{1,2})(?:(?:T|[ \t]+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?)?(.*)$/i;
const TIME_ONLY = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?(.*)$/;
const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/;
/** The lowest Julian day PostgreSQL accepts: 4714-11-24 BC. */
const MIN_DAYS = daysFromCivil(-4713, 11, 24);

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: string;
}

/** date_in: days since 1970-01-01 (±Infinity for 'infinity'). */
export function parseDate(text: string): number {
  const s = trimSpace(text).toLowerCase();
  if (s === 'epoch') return 0;
  if (s === 'infinity' || s === '+infinity') return Infinity;
  if (s === '-infinity') return -Infinity;
  const m = DATE_TIME.exec(s);
  if (!m) throw invalidSyntax('date', text);
  // date_in parses a whole datetime and keeps the date: pgjdbc sends '2024-02-10 +00'.
  const { bc } = splitSuffix(m[8] ?? '', 'date', text);
  return civilDays(m, bc, text);
}

function civilDays(m: RegExpExecArray, bc: boolean, text: string): number {
  const yearOfEra = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (yearOfEra === 0 || month < 1 || month > 12) throw datetimeOutOfRange(text);
  const year = bc ? 1 - yearOfEra : yearOfEra;
  if (day < 1 || day > daysInMonth(year, month)) throw datetimeOutOfRange(text);
  const days = daysFromCivil(year, month, day);
  if (days < MIN_DAYS)
    throw new LakeError(SqlState.datetimeFieldOverflow, `date out of range: "${text}"`);
  return days;
}

/** Splits a trailing ` BC`/` AD` and a zone (offset, Z or zone name) off the rest of the text. */
function splitSuffix(rest: string, typeName: string, text: string): { bc: boolean; zone: string } {
  let r = trimSpace(rest);
  let bc = false;
  const era = /(?:^|\s)(bc|ad)$/i.exec(r);
  if (era) {
    bc = era[1]?.toLowerCase() === 'bc';
    r = trimSpace(r.slice(0, era.index));
  }
  if (r !== '' && !/^[+-]\d|^[a-z]/i.test(r)) throw invalidSyntax(typeName, text);
  return { bc, zone: r };
}

/** time_in: microseconds since midnight; any zone is ignored, as PostgreSQL does. */
export function parseTime(text: string): bigint {
  const s = trimSpace(text);
  const m = TIME_ONLY.exec(s);
  if (!m) throw invalidSyntax('time', text);
  splitSuffix(m[5] ?? '', 'time', text);
  const clock = {
    hour: Number(m[1]),
    minute: Number(m[2]),
    second: Number(m[3] ?? 0),
    fraction: m[4] ?? '',
  };
  return clockMicros(clock, text);
}

function clockMicros(c: Clock, text: string): bigint {
  const micros = fractionMicros(c.fraction);
  const past24 = c.hour === 24 && (c.minute > 0 || c.second > 0 || micros > 0n);
  if (c.hour > 24 || past24 || c.minute > 59 || c.second > 60) throw datetimeOutOfRange(text);
  return (
    BigInt(c.hour) * MICROS_PER_HOUR +
    BigInt(c.minute) * MICROS_PER_MINUTE +
    BigInt(c.second) * MICROS_PER_SECOND +
    micros
  );
}

/** Fraction digits rounded to microseconds (half up). */
function fractionMicros(fraction: string): bigint {
  if (fraction === '') return 0n;
  const padded = (fraction + '000000').slice(0, 7);
  return (BigInt(padded) + 5n) / 10n;
}

/** timestamp_in: microseconds since 1970-01-01 of the wall-clock time; a zone is ignored. */
export function parseTimestamp(text: string): bigint {
  const special = timestampSpecial(text);
  if (special !== null) return special;
  return parseLocal(text, 'timestamp').local;
}

/** timestamptz_in: an explicit offset or zone wins; otherwise the session zone applies. */
export function parseTimestamptz(text: string, session: TimeZone): bigint {
  const special = timestampSpecial(text);
  if (special !== null) return special;
  const { local, zone } = parseLocal(text, 'timestamp with time zone');
  if (zone === '') return localToUtc(session, local);
  const offset = OFFSET.exec(zone);
  if (!offset) return localToUtc(resolveTimeZone(zone), local);
  const seconds = Number(offset[2]) * 3600 + Number(offset[3] ?? 0) * 60 + Number(offset[4] ?? 0);
  const signed = offset[1] === '-' ? -seconds : seconds;
  return local - BigInt(signed) * MICROS_PER_SECOND;
}

function timestampSpecial(text: string): bigint | null {
  const s = trimSpace(text).toLowerCase();
  if (s === 'epoch') return 0n;
  if (s === 'infinity' || s === '+infinity') return TIMESTAMP_INFINITY;
  if (s === '-infinity') return TIMESTAMP_MINUS_INFINITY;
  return null;
}

function parseLocal(text: string, typeName: string): { local: bigint; zone: string } {
  const m = DATE_TIME.exec(trimSpace(text));
  if (!m) throw invalidSyntax(typeName, text);
  const { bc, zone } = splitSuffix(m[8] ?? '', typeName, text);
  const days = civilDays(m, bc, text);
  const clock = {
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    fraction: m[7] ?? '',
  };
  return { local: BigInt(days) * MICROS_PER_DAY + clockMicros(clock, text), zone };
}
