import { LakeError } from '../../common/errors.js';
import { formatType, Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import {
  civilFromDays,
  daysFromCivil,
  floorDivMod,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
} from '../../common/values/calendar.js';
import { formatDecimal } from '../../common/values/decimal-text.js';
import { localToUtc, resolveTimeZone } from '../../common/values/time-zone.js';
import { strict, type KernelInput } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * extract / date_part / date_trunc (PostgreSQL docs §9.9.1, §9.9.2) over date, timestamp
 * and timestamptz. Values are taken apart in local wall-clock microseconds: a timestamptz
 * is first shifted into the session's TimeZone, as PostgreSQL does.
 */

/** Field names and the abbreviations and plurals PostgreSQL accepts for them. */
const FIELD_ALIASES: Record<string, string> = {
  y: 'year',
  yr: 'year',
  yrs: 'year',
  years: 'year',
  mon: 'month',
  mons: 'month',
  months: 'month',
  d: 'day',
  days: 'day',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hours: 'hour',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minutes: 'minute',
  s: 'second',
  sec: 'second',
  secs: 'second',
  seconds: 'second',
  ms: 'milliseconds',
  millisecond: 'milliseconds',
  msec: 'milliseconds',
  us: 'microseconds',
  microsecond: 'microseconds',
  usec: 'microseconds',
  weeks: 'week',
  w: 'week',
  quarters: 'quarter',
  decades: 'decade',
  centuries: 'century',
  millenniums: 'millennium',
};

const TIME_FIELDS = new Set(['hour', 'minute', 'second', 'milliseconds', 'microseconds']);
/** The UTC offset fields, which only timestamptz has (0A000 for date and timestamp). */
const ZONE_FIELDS = new Set(['timezone', 'timezone_hour', 'timezone_minute']);

/** A date/time value taken apart: civil date and the microseconds into its day. */
interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly days: number;
  readonly timeOfDay: bigint;
  readonly local: bigint;
}

/** The canonical unit a field argument names ('Years' → 'year'). */
function unitName(text: SqlValue): { raw: string; name: string } {
  const raw = scalarText(text).trim().toLowerCase();
  return { raw, name: FIELD_ALIASES[raw] ?? raw };
}

function fieldName(text: SqlValue, type: SqlType): string {
  const { raw, name } = unitName(text);
  if (
    (type.kind === 'date' && TIME_FIELDS.has(name)) ||
    (type.kind !== 'timestamptz' && ZONE_FIELDS.has(name))
  ) {
    throw new LakeError(
      SqlState.featureNotSupported,
      `unit "${raw}" not supported for type ${formatType(type)}`,
    );
  }
  return name;
}

function unknownUnit(raw: string, type: SqlType): LakeError {
  return new LakeError(
    SqlState.invalidParameterValue,
    `unit "${raw}" not recognized for type ${formatType(type)}`,
  );
}

/** Local wall-clock microseconds of a date, timestamp or timestamptz value. */
function localMicros(v: SqlValue, type: SqlType, input: KernelInput): bigint {
  if (type.kind === 'date') return BigInt(v as number) * MICROS_PER_DAY;
  const micros = v as bigint;
  if (type.kind !== 'timestamptz') return micros;
  const offset = resolveTimeZone(input.ctx.timeZone).offsetAt(micros);
  return micros + BigInt(offset) * MICROS_PER_SECOND;
}

function partsOf(local: bigint): Parts {
  const [dayIndex, timeOfDay] = floorDivMod(local, MICROS_PER_DAY);
  const days = Number(dayIndex);
  const { year, month, day } = civilFromDays(days);
  return { year, month, day, days, timeOfDay, local };
}

/** ISO 8601 week number and its year: weeks start on Monday; week 1 holds January 4th. */
function isoWeek(p: Parts): { week: number; year: number } {
  const isoDow = ((((p.days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  const thursday = p.days + 4 - isoDow;
  const year = civilFromDays(thursday).year;
  return { week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1, year };
}

/** A field's value as decimal text (extract returns numeric since PostgreSQL 14). */
function fieldValue(field: string, p: Parts, v: SqlValue, type: SqlType): string {
  const micros = Number(p.timeOfDay % 60_000_000n);
  const dow = (((p.days + 4) % 7) + 7) % 7;
  switch (field) {
    case 'year':
      return String(p.year > 0 ? p.year : p.year - 1);
    case 'month':
      return String(p.month);
    case 'day':
      return String(p.day);
    case 'hour':
      return String(Number(p.timeOfDay / 3_600_000_000n));
    case 'minute':
      return String(Number((p.timeOfDay / 60_000_000n) % 60n));
    case 'second':
      return formatDecimal(BigInt(micros), 6);
    case 'milliseconds':
      return formatDecimal(BigInt(micros), 3);
    case 'microseconds':
      return String(micros);
    case 'quarter':
      return String(Math.ceil(p.month / 3));
    case 'dow':
      return String(dow);
    case 'isodow':
      return String(dow === 0 ? 7 : dow);
    case 'doy':
      return String(p.days - daysFromCivil(p.year, 1, 1) + 1);
    case 'week':
      return String(isoWeek(p).week);
    case 'isoyear':
      return String(isoWeek(p).year);
    case 'decade':
      return String(Math.floor(p.year / 10));
    case 'century':
      return String(
        p.year > 0 ? Math.floor((p.year + 99) / 100) : -Math.floor((100 - p.year) / 100),
      );
    case 'millennium':
      return String(
        p.year > 0 ? Math.floor((p.year + 999) / 1000) : -Math.floor((1000 - p.year) / 1000),
      );
    case 'epoch': {
      const instant = type.kind === 'timestamptz' ? (v as bigint) : p.local;
      return type.kind === 'date' ? String(instant / MICROS_PER_SECOND) : formatDecimal(instant, 6);
    }
    default:
      throw unknownUnit(field, type);
  }
}

/** timezone, timezone_hour, timezone_minute: the session zone's offset, seconds east. */
function zoneField(field: string, v: SqlValue, input: KernelInput): string {
  const offset = resolveTimeZone(input.ctx.timeZone).offsetAt(v as bigint);
  if (field === 'timezone') return String(offset);
  const value =
    field === 'timezone_hour' ? Math.trunc(offset / 3600) : Math.trunc(offset / 60) % 60;
  return String(value === 0 ? 0 : value);
}

function extractValue(field: SqlValue, v: SqlValue, type: SqlType, input: KernelInput): string {
  const name = fieldName(field, type);
  if (ZONE_FIELDS.has(name)) return zoneField(name, v, input);
  return fieldValue(name, partsOf(localMicros(v, type, input)), v, type);
}

/** Truncates local wall-clock microseconds to a field's boundary. */
function truncate(field: string, local: bigint, type: SqlType): bigint {
  const p = partsOf(local);
  const atDay = (y: number, m: number, d: number): bigint =>
    BigInt(daysFromCivil(y, m, d)) * MICROS_PER_DAY;
  const units: Record<string, bigint> = {
    microseconds: 1n,
    milliseconds: 1000n,
    second: MICROS_PER_SECOND,
    minute: 60n * MICROS_PER_SECOND,
    hour: 3600n * MICROS_PER_SECOND,
    day: MICROS_PER_DAY,
  };
  const unit = units[field];
  if (unit !== undefined) return floorDivMod(local, unit)[0] * unit;
  switch (field) {
    case 'week': {
      const isoDow = ((((p.days + 3) % 7) + 7) % 7) + 1;
      return BigInt(p.days - isoDow + 1) * MICROS_PER_DAY;
    }
    case 'month':
      return atDay(p.year, p.month, 1);
    case 'quarter':
      return atDay(p.year, 3 * Math.floor((p.month - 1) / 3) + 1, 1);
    case 'year':
      return atDay(p.year, 1, 1);
    case 'decade':
      return atDay(Math.floor(p.year / 10) * 10, 1, 1);
    case 'century':
      return atDay(Math.floor((p.year - 1) / 100) * 100 + 1, 1, 1);
    case 'millennium':
      return atDay(Math.floor((p.year - 1) / 1000) * 1000 + 1, 1, 1);
    default:
      throw unknownUnit(field, type);
  }
}

function truncValue(field: SqlValue, v: SqlValue, input: KernelInput): bigint {
  const type = input.argTypes[1] ?? Types.timestamp;
  const { name } = unitName(field);
  const truncated = truncate(name, localMicros(v, type, input), type);
  return type.kind === 'timestamptz'
    ? localToUtc(resolveTimeZone(input.ctx.timeZone), truncated)
    : truncated;
}

/**
 * The date/time argument's signature: timestamp stays timestamp; date, timestamptz and
 * unknown literals resolve to timestamptz, as PostgreSQL's preferred type of the category.
 */
function datetimeResolve(returns: (t: SqlType) => SqlType) {
  return (argTypes: readonly SqlType[]): Signature | null => {
    const [field, value] = argTypes;
    if (argTypes.length !== 2 || !field || !value) return null;
    if (!['text', 'varchar', 'unknown'].includes(field.kind)) return null;
    const exact = ['date', 'timestamp', 'timestamptz'].includes(value.kind);
    const t = exact ? value : value.kind === 'unknown' ? Types.timestamptz : null;
    return t ? sig([Types.text, t], returns(t)) : null;
  };
}

const truncResolve = (argTypes: readonly SqlType[]): Signature | null => {
  const s = datetimeResolve((t) => t)(argTypes);
  const value = s?.args[1];
  if (!s || !value) return null;
  const t = value.kind === 'date' ? Types.timestamptz : value;
  return sig([Types.text, t], t);
};

export const datetimeFunctions: readonly ScalarFunction[] = [
  fn(
    'extract',
    datetimeResolve(() => Types.numeric()),
    strict(([f, v], input) =>
      extractValue(f ?? null, v ?? null, input.argTypes[1] ?? Types.timestamp, input),
    ),
  ),
  fn(
    'date_part',
    datetimeResolve(() => Types.float8),
    strict(([f, v], input) =>
      Number(extractValue(f ?? null, v ?? null, input.argTypes[1] ?? Types.timestamp, input)),
    ),
  ),
  fn(
    'date_trunc',
    truncResolve,
    strict(([f, v], input) => truncValue(f ?? null, v ?? null, input)),
  ),
];
