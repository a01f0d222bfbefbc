import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import {
  civilFromDays,
  daysFromCivil,
  floorDivMod,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
} from '../../common/values/calendar.js';
import { localToUtc, resolveTimeZone, type TimeZone } from '../../common/values/time-zone.js';

/**
 * Date/time values taken apart in local wall-clock time, and put back together. A
 * timestamptz is shifted into the session TimeZone first (as PostgreSQL's extract and
 * to_char do); a date is its midnight; a timestamp (Spark's TIMESTAMP_NTZ) is already
 * local.
 */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Microseconds into the second. */
  readonly micros: number;
  /** Days since 1970-01-01 of the local date. */
  readonly days: number;
  /** 0 = Sunday .. 6 = Saturday. */
  readonly dow: number;
  /** 1-based day of the year. */
  readonly doy: number;
  /** Seconds east of UTC in effect (0 for date and timestamp). */
  readonly offset: number;
}

export function zoneOf(name: string): TimeZone {
  return resolveTimeZone(name);
}

/** Local wall-clock microseconds of a date, timestamp or timestamptz value. */
export function localMicros(v: SqlValue, type: SqlType, zone: TimeZone): bigint {
  if (type.kind === 'date') return BigInt(v as number) * MICROS_PER_DAY;
  const micros = v as bigint;
  if (type.kind !== 'timestamptz') return micros;
  return micros + BigInt(zone.offsetAt(micros)) * MICROS_PER_SECOND;
}

export function partsOfLocal(local: bigint, offset = 0): LocalParts {
  const [dayIndex, tod] = floorDivMod(local, MICROS_PER_DAY);
  const days = Number(dayIndex);
  const { year, month, day } = civilFromDays(days);
  const t = Number(tod);
  const secs = Math.floor(t / 1e6);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    micros: t % 1e6,
    days,
    dow: (((days + 4) % 7) + 7) % 7,
    doy: days - daysFromCivil(year, 1, 1) + 1,
    offset,
  };
}

export function partsOf(v: SqlValue, type: SqlType, zone: TimeZone): LocalParts {
  const local = localMicros(v, type, zone);
  const offset = type.kind === 'timestamptz' ? zone.offsetAt(v as bigint) : 0;
  return partsOfLocal(local, offset);
}

/** Local wall-clock microseconds → a value of `type` (timestamptz via the zone's rules). */
export function fromLocal(local: bigint, type: SqlType, zone: TimeZone): SqlValue {
  if (type.kind === 'date') return Number(floorDivMod(local, MICROS_PER_DAY)[0]);
  return type.kind === 'timestamptz' ? localToUtc(zone, local) : local;
}

export function localOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  micros = 0,
): bigint {
  const days = daysFromCivil(year, month, day);
  return (
    BigInt(days) * MICROS_PER_DAY + BigInt(((hour * 60 + minute) * 60 + second) * 1e6 + micros)
  );
}

/** Adds months to a civil date, clamping the day to the target month's length (add_months). */
export function addMonths(
  year: number,
  month: number,
  day: number,
  n: number,
): [number, number, number] {
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = civilFromDays(daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
  return [y, m, Math.min(day, last)];
}

export function lastDayOfMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** ISO 8601 week number and week-numbering year of a day count. */
export function isoWeek(days: number): { week: number; year: number } {
  const isoDow = ((((days + 3) % 7) + 7) % 7) + 1;
  const thursday = days + 4 - isoDow;
  const year = civilFromDays(thursday).year;
  return { week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1, year };
}
