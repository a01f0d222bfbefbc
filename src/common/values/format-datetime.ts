import { TIMESTAMP_INFINITY, TIMESTAMP_MINUS_INFINITY } from '../sql-value.js';
import {
  civilFromDays,
  floorDivMod,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  MICROS_PER_MINUTE,
  MICROS_PER_SECOND,
} from './calendar.js';
import type { TimeZone } from './time-zone.js';

/**
 * Date/time text output in DateStyle=ISO (PostgreSQL docs §8.5.2): dates
 * `YYYY-MM-DD`, years before 1 as `YYYY-MM-DD BC`, fractional seconds trimmed.
 */

const pad = (n: number | bigint, width: number): string => String(n).padStart(width, '0');

/** date_out for days since 1970-01-01 (±Infinity are 'infinity'/'-infinity'). */
export function formatDate(days: number): string {
  if (days === Infinity) return 'infinity';
  if (days === -Infinity) return '-infinity';
  const [text, bc] = civilText(days);
  return bc ? `${text} BC` : text;
}

function civilText(days: number): [string, boolean] {
  const { year, month, day } = civilFromDays(days);
  const bc = year <= 0;
  return [`${pad(bc ? 1 - year : year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, bc];
}

/** time_out for microseconds since midnight: `HH:MM:SS[.ffffff]`, trailing zeros trimmed. */
export function formatTime(micros: bigint): string {
  const hours = micros / MICROS_PER_HOUR;
  const minutes = (micros % MICROS_PER_HOUR) / MICROS_PER_MINUTE;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${formatSeconds(micros % MICROS_PER_MINUTE)}`;
}

/** `SS[.ffffff]` of a non-negative microsecond count below one minute. */
function formatSeconds(micros: bigint): string {
  const whole = pad(micros / MICROS_PER_SECOND, 2);
  const frac = micros % MICROS_PER_SECOND;
  return frac === 0n ? whole : `${whole}.${pad(frac, 6).replace(/0+$/, '')}`;
}

/** timestamp_out for microseconds since 1970-01-01: `YYYY-MM-DD HH:MM:SS[.ffffff][ BC]`. */
export function formatTimestamp(micros: bigint): string {
  const special = infinityText(micros);
  if (special) return special;
  const [text, bc] = localText(micros);
  return bc ? `${text} BC` : text;
}

/** timestamptz_out: the instant in the session zone with its offset, e.g. `+05:30`. */
export function formatTimestamptz(micros: bigint, zone: TimeZone): string {
  const special = infinityText(micros);
  if (special) return special;
  const offset = zone.offsetAt(micros);
  const [text, bc] = localText(micros + BigInt(offset) * MICROS_PER_SECOND);
  const withZone = text + formatOffset(offset);
  return bc ? `${withZone} BC` : withZone;
}

function infinityText(micros: bigint): string | null {
  if (micros === TIMESTAMP_INFINITY) return 'infinity';
  if (micros === TIMESTAMP_MINUS_INFINITY) return '-infinity';
  return null;
}

function localText(micros: bigint): [string, boolean] {
  const [days, tod] = floorDivMod(micros, MICROS_PER_DAY);
  const [date, bc] = civilText(Number(days));
  return [`${date} ${formatTime(tod)}`, bc];
}

/** A UTC offset as PostgreSQL prints it: `+HH`, `+HH:MM` or `+HH:MM:SS`. */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (s !== 0) return `${sign}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  return m !== 0 ? `${sign}${pad(h, 2)}:${pad(m, 2)}` : `${sign}${pad(h, 2)}`;
}
