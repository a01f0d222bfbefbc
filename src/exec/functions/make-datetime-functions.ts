import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { daysFromCivil, daysInMonth, MICROS_PER_DAY } from '../../common/values/calendar.js';
import { localToUtc, resolveTimeZone } from '../../common/values/time-zone.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { zoneByName } from '../kernels/zone-abbreviations.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * make_date, make_time, make_timestamp, make_timestamptz and make_interval (PostgreSQL
 * docs §9.9, date.c and timestamp.c): fields in, one value out, 22008 for a field out of
 * range with PostgreSQL's message. A negative year is BC (-44 is 44 BC); there is no year 0.
 */
const { int4: I, float8: F, text: T, date: D, time: TM, timestamp: TS, timestamptz: TZ } = Types;
const { interval: IV } = Types;

const overflow = (message: string): LakeError =>
  new LakeError(SqlState.datetimeFieldOverflow, message);
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** C's `%02g`: six significant digits, zero-padded to two characters. */
function g2(x: number): string {
  const s = String(Number(x.toPrecision(6)));
  return s.length < 2 ? s.padStart(2, '0') : s;
}

/** Days since 1970 of a (year, month, day) with PostgreSQL's BC years; 22008 when invalid. */
function makeDays(year: number, month: number, day: number): number {
  const y = year < 0 ? year + 1 : year;
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) {
    throw overflow(`date field value out of range: ${Math.abs(year)}-${pad2(month)}-${pad2(day)}`);
  }
  return daysFromCivil(y, month, day);
}

/** Microseconds into the day; hour 24 and second 60 are allowed up to 24:00:00 in total. */
function makeTimeMicros(hour: number, min: number, sec: number): bigint {
  const micros = Math.round(sec * 1e6);
  const total = (hour * 60 + min) * 60 * 1e6 + micros;
  if (
    hour < 0 ||
    hour > 24 ||
    min < 0 ||
    min >= 60 ||
    !(micros >= 0 && micros <= 60e6) ||
    total > 86_400e6
  ) {
    throw overflow(`time field value out of range: ${hour}:${pad2(min)}:${g2(sec)}`);
  }
  return BigInt(total);
}

function makeLocal(values: readonly SqlValue[]): bigint {
  const [y, mo, d, h, mi, s] = values.map(Number);
  const days = makeDays(y ?? 0, mo ?? 0, d ?? 0);
  return BigInt(days) * MICROS_PER_DAY + makeTimeMicros(h ?? 0, mi ?? 0, s ?? 0);
}

const INT32 = 2 ** 31;
const range = (): LakeError => overflow('interval out of range');

/** make_interval(years, months, weeks, days, hours, mins, secs), every field defaulting to 0. */
function makeInterval(values: readonly SqlValue[]): Interval {
  const [years = 0, months = 0, weeks = 0, days = 0, hours = 0, mins = 0, secs = 0] =
    values.map(Number);
  const m = years * 12 + months;
  const d = weeks * 7 + days;
  const micros = Math.round(secs * 1e6);
  if (!Number.isFinite(micros) || Math.abs(m) >= INT32 || Math.abs(d) >= INT32) throw range();
  const total = BigInt(hours) * 3_600_000_000n + BigInt(mins) * 60_000_000n + BigInt(micros);
  if (total >= 2n ** 63n || total < -(2n ** 63n)) throw range();
  return { months: m, days: d, micros: total };
}

/** make_interval's optional arguments: any prefix of the seven fields. */
function intervalResolve(argTypes: readonly SqlType[]): Signature | null {
  if (argTypes.length > 7) return null;
  const want = [I, I, I, I, I, I, F].slice(0, argTypes.length);
  return overloads(sig(want, IV))(argTypes);
}

const makeTimestamptz: Kernel = (input) =>
  strict((values) => {
    const local = makeLocal(values);
    const zone = values.length > 6 ? zoneByName(scalarText(values[6])) : null;
    return localToUtc(zone ?? resolveTimeZone(input.ctx.timeZone), local);
  })(input);

export const makeDatetimeFunctions: readonly ScalarFunction[] = [
  fn(
    'make_date',
    overloads(sig([I, I, I], D)),
    strict(([y, m, d]) => makeDays(Number(y), Number(m), Number(d))),
  ),
  fn(
    'make_time',
    overloads(sig([I, I, F], TM)),
    strict(([h, m, s]) => makeTimeMicros(Number(h), Number(m), Number(s))),
  ),
  fn('make_timestamp', overloads(sig([I, I, I, I, I, F], TS)), strict(makeLocal)),
  fn(
    'make_timestamptz',
    overloads(sig([I, I, I, I, I, F], TZ), sig([I, I, I, I, I, F, T], TZ)),
    makeTimestamptz,
  ),
  fn('make_interval', intervalResolve, strict(makeInterval)),
];
