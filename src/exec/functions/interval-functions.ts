import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { daysInMonth, floorDivMod, MICROS_PER_DAY } from '../../common/values/calendar.js';
import { resolveTimeZone } from '../../common/values/time-zone.js';
import { localMicros, partsOfLocal } from '../kernels/datetime-parts.js';
import { strict, type Kernel, type KernelInput } from '../kernels/kernel.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * justify_days, justify_hours, justify_interval, age and date_bin (PostgreSQL docs §9.9,
 * timestamp.c: interval_justify_*, timestamp_age, timestamp_bin), step for step as
 * PostgreSQL 15 computes them so that signs and borrows come out the same.
 */
const { interval: IV, timestamp: TS, timestamptz: TZ } = Types;
const iv = (v: SqlValue | undefined): Interval => v as Interval;

/** C's truncating division of a bigint, quotient and remainder (TMODULO). */
function tmodulo(t: bigint, unit: bigint): [bigint, bigint] {
  return [t / unit, t % unit];
}

function justifyDays({ months, days, micros }: Interval): Interval {
  const whole = Math.trunc(days / 30);
  let d = days - whole * 30;
  let m = months + whole;
  if (m > 0 && d < 0) {
    d += 30;
    m--;
  } else if (m < 0 && d > 0) {
    d -= 30;
    m++;
  }
  return { months: m, days: d, micros };
}

function justifyHours({ months, days, micros }: Interval): Interval {
  const [whole, rest] = tmodulo(micros, MICROS_PER_DAY);
  let t = rest;
  let d = days + Number(whole);
  if (d > 0 && t < 0n) {
    t += MICROS_PER_DAY;
    d--;
  } else if (d < 0 && t > 0n) {
    t -= MICROS_PER_DAY;
    d++;
  }
  return { months, days: d, micros: t };
}

function justifyInterval({ months, days, micros }: Interval): Interval {
  let m = months;
  let d = days;
  let t = micros;
  // PostgreSQL 15 moves whole days out of the time first when both have the same sign.
  if ((d > 0 && t > 0n) || (d < 0 && t < 0n)) {
    const [whole, rest] = tmodulo(t, MICROS_PER_DAY);
    t = rest;
    d += Number(whole);
  }
  const wholeMonths = Math.trunc(d / 30);
  d -= wholeMonths * 30;
  m += wholeMonths;
  if (m > 0 && (d < 0 || (d === 0 && t < 0n))) {
    d += 30;
    m--;
  } else if (m < 0 && (d > 0 || (d === 0 && t > 0n))) {
    d -= 30;
    m++;
  }
  return justifyHours({ months: m, days: d, micros: t });
}

/** age(a, b): a - b in years, months and days from the two wall-clock dates (timestamp_age). */
function age(a: bigint, b: bigint): Interval {
  const p1 = partsOfLocal(a);
  const p2 = partsOfLocal(b);
  const neg = a < b ? -1 : 1;
  let fsec = neg * (p1.micros - p2.micros);
  let sec = neg * (p1.second - p2.second);
  let min = neg * (p1.minute - p2.minute);
  let hour = neg * (p1.hour - p2.hour);
  let mday = neg * (p1.day - p2.day);
  let mon = neg * (p1.month - p2.month);
  let year = neg * (p1.year - p2.year);
  const borrowFrom = a < b ? p1 : p2;
  for (; fsec < 0; sec--) fsec += 1e6;
  for (; sec < 0; min--) sec += 60;
  for (; min < 0; hour--) min += 60;
  for (; hour < 0; mday--) hour += 24;
  for (; mday < 0; mon--) mday += daysInMonth(borrowFrom.year, borrowFrom.month);
  for (; mon < 0; year--) mon += 12;
  const micros = BigInt(((hour * 60 + min) * 60 + sec) * 1e6 + fsec);
  return { months: neg * (year * 12 + mon), days: neg * mday, micros: BigInt(neg) * micros };
}

/** Local wall-clock microseconds of a timestamp or timestamptz argument. */
function local(v: SqlValue, input: KernelInput): bigint {
  const type = input.argTypes[0] ?? TS;
  return localMicros(v, type, resolveTimeZone(input.ctx.timeZone));
}

/** age(ts): from midnight of the statement's current date in the session zone. */
function today(input: KernelInput): bigint {
  const now = localMicros(input.ctx.statementStartMicros, TZ, resolveTimeZone(input.ctx.timeZone));
  return floorDivMod(now, MICROS_PER_DAY)[0] * MICROS_PER_DAY;
}

const ageKernel: Kernel = (input) =>
  strict(([a, b]) =>
    b === undefined
      ? age(today(input), local(a ?? null, input))
      : age(local(a ?? null, input), local(b, input)),
  )(input);

/** timestamp and timestamptz alike; date and untyped literals take timestamptz, as PostgreSQL. */
function timestampResolve(count: number, extra: readonly SqlType[], returns: SqlType | null) {
  return (argTypes: readonly SqlType[]): Signature | null => {
    if (argTypes.length !== count + extra.length) return null;
    const values = argTypes.slice(extra.length);
    const t = values.every((x) => x.kind === 'timestamp') ? TS : TZ;
    return overloads(sig([...extra, ...values.map(() => t)], returns ?? t))(argTypes);
  };
}

/** date_bin(stride, source, origin): the start of source's stride-wide bin counted from origin. */
function dateBin(stride: Interval, source: bigint, origin: bigint): bigint {
  if (stride.months !== 0) {
    throw new LakeError(
      SqlState.featureNotSupported,
      'timestamps cannot be binned into intervals containing months or years',
    );
  }
  const width = BigInt(stride.days) * MICROS_PER_DAY + stride.micros;
  if (width <= 0n) {
    throw new LakeError(SqlState.datetimeFieldOverflow, 'stride must be greater than zero');
  }
  return origin + floorDivMod(source - origin, width)[0] * width;
}

export const intervalFunctions: readonly ScalarFunction[] = [
  fn(
    'justify_days',
    overloads(sig([IV], IV)),
    strict(([v]) => justifyDays(iv(v))),
  ),
  fn(
    'justify_hours',
    overloads(sig([IV], IV)),
    strict(([v]) => justifyHours(iv(v))),
  ),
  fn(
    'justify_interval',
    overloads(sig([IV], IV)),
    strict(([v]) => justifyInterval(iv(v))),
  ),
  fn(
    'age',
    (argTypes) => timestampResolve(argTypes.length === 1 ? 1 : 2, [], IV)(argTypes),
    ageKernel,
  ),
  fn(
    'date_bin',
    timestampResolve(2, [IV], null),
    strict(([s, v, o]) => dateBin(iv(s), v as bigint, o as bigint)),
  ),
];
