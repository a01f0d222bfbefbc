import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { daysFromCivil, floorDivMod, MICROS_PER_DAY } from '../../common/values/calendar.js';
import {
  addMonths,
  fromLocal,
  isoWeek,
  lastDayOfMonth,
  localMicros,
  partsOf,
  partsOfLocal,
  zoneOf,
  type LocalParts,
} from '../kernels/datetime-parts.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Spark's and Trino's date functions (no PostgreSQL counterpart, so their semantics):
 * year/month/day/... field getters, date_add/date_sub/datediff (Spark, days), Trino's
 * date_add(unit, n, ts) and date_diff(unit, a, b), add_months, last_day,
 * months_between, and PostgreSQL's localtimestamp. A timestamptz is read in the
 * session TimeZone.
 */
const { int4: I, int8: L, date: D, timestamp: TS, timestamptz: TZ, text: T, float8: F } = Types;
const isDatetime = (t: SqlType | undefined): boolean =>
  t !== undefined && (t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamptz');

/** One date/time argument: kept as is; an unknown literal is read as a timestamp. */
function datetimeResolve(returns: SqlType, extra: readonly SqlType[] = []) {
  return (argTypes: readonly SqlType[]): Signature | null => {
    const t = argTypes[0];
    if (argTypes.length !== 1 + extra.length || t === undefined) return null;
    const arg = isDatetime(t) ? t : t.kind === 'unknown' || t.kind === 'text' ? TS : null;
    if (arg === null) return null;
    return overloads(sig([arg, ...extra], returns))(argTypes);
  };
}

function getter(name: string, f: (p: LocalParts) => number): ScalarFunction {
  return fn(name, datetimeResolve(I), (input) => {
    const zone = zoneOf(input.ctx.timeZone);
    const type = input.argTypes[0] ?? TS;
    return strict(([v]) => f(partsOf(v as SqlValue, type, zone)))(input);
  });
}

/** A date (days) from a date or timestamp argument (Spark casts timestamps to their date). */
function daysKernel(f: (days: number, rest: readonly SqlValue[]) => SqlValue): Kernel {
  return (input) => {
    const zone = zoneOf(input.ctx.timeZone);
    const type = input.argTypes[0] ?? D;
    return strict(([v, ...rest]) =>
      f(Number(floorDivMod(localMicros(v as SqlValue, type, zone), MICROS_PER_DAY)[0]), rest),
    )(input);
  };
}

const dateArgResolve =
  (extra: readonly SqlType[], returns: SqlType) =>
  (argTypes: readonly SqlType[]): Signature | null => {
    const t = argTypes[0];
    const arg =
      t !== undefined && isDatetime(t) ? t : t?.kind === 'unknown' || t?.kind === 'text' ? D : null;
    return arg === null ? null : overloads(sig([arg, ...extra], returns))(argTypes);
  };

const UNIT_MICROS: Record<string, bigint> = {
  microsecond: 1n,
  millisecond: 1000n,
  second: 1_000_000n,
  minute: 60_000_000n,
  hour: 3_600_000_000n,
  day: MICROS_PER_DAY,
  week: 7n * MICROS_PER_DAY,
};
const UNIT_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

function unitOf(v: SqlValue | undefined): string {
  const u = scalarText(v).trim().toLowerCase().replace(/s$/, '');
  if (UNIT_MICROS[u] === undefined && UNIT_MONTHS[u] === undefined) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `'${scalarText(v)}' is not a valid DATE/TIMESTAMP field`,
    );
  }
  return u;
}

/** Trino's date_add(unit, n, value): months clamp the day; other units add exact time. */
const trinoDateAdd: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  const type = input.argTypes[2] ?? TS;
  return strict(([u, n, v]) => {
    const unit = unitOf(u);
    const local = localMicros(v as SqlValue, type, zone);
    const months = UNIT_MONTHS[unit];
    if (months === undefined) {
      const step = (UNIT_MICROS[unit] ?? 1n) * BigInt(n as bigint);
      if (type.kind === 'timestamptz' && (UNIT_MICROS[unit] ?? 0n) < MICROS_PER_DAY)
        return (v as bigint) + step;
      return fromLocal(local + step, type, zone);
    }
    const p = partsOfLocal(local);
    const [y, m, d] = addMonths(p.year, p.month, p.day, months * Number(n));
    const tod = floorDivMod(local, MICROS_PER_DAY)[1];
    return fromLocal(BigInt(daysFromCivil(y, m, d)) * MICROS_PER_DAY + tod, type, zone);
  })(input);
};

/** Whole months from a to b, counting a month only once its day and time are reached. */
function monthsBetweenWhole(a: LocalParts, b: LocalParts, aTod: bigint, bTod: bigint): number {
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  const later = (x: LocalParts, xt: bigint, y: LocalParts, yt: bigint): boolean =>
    x.day > y.day || (x.day === y.day && xt > yt);
  if (months > 0 && later(a, aTod, b, bTod)) months--;
  if (months < 0 && later(b, bTod, a, aTod)) months++;
  return months;
}

/** Trino's date_diff(unit, a, b): whole units from a to b, truncated toward zero. */
const trinoDateDiff: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  const ta = input.argTypes[1] ?? TS;
  const tb = input.argTypes[2] ?? TS;
  return strict(([u, a, b]) => {
    const unit = unitOf(u);
    const la = localMicros(a as SqlValue, ta, zone);
    const lb = localMicros(b as SqlValue, tb, zone);
    const months = UNIT_MONTHS[unit];
    if (months === undefined) {
      const diff = ta.kind === 'timestamptz' ? (b as bigint) - (a as bigint) : lb - la;
      return diff / (UNIT_MICROS[unit] ?? 1n);
    }
    const [, at] = floorDivMod(la, MICROS_PER_DAY);
    const [, bt] = floorDivMod(lb, MICROS_PER_DAY);
    return BigInt(
      Math.trunc(monthsBetweenWhole(partsOfLocal(la), partsOfLocal(lb), at, bt) / months),
    );
  })(input);
};

/** months_between(a, b [, roundOff]): Spark; whole when same day or both month ends, else /31. */
const monthsBetween: Kernel = (input) => {
  const zone = zoneOf(input.ctx.timeZone);
  const [ta = TS, tb = TS] = input.argTypes;
  return strict(([a, b, round]) => {
    const pa = partsOf(a as SqlValue, ta, zone);
    const pb = partsOf(b as SqlValue, tb, zone);
    const months = (pa.year - pb.year) * 12 + (pa.month - pb.month);
    const endA = pa.days === lastDayOfMonth(pa.year, pa.month);
    const endB = pb.days === lastDayOfMonth(pb.year, pb.month);
    if (pa.day === pb.day || (endA && endB)) return months;
    const secs = (p: LocalParts): number => ((p.day * 24 + p.hour) * 60 + p.minute) * 60 + p.second;
    const v = months + (secs(pa) - secs(pb)) / (31 * 86400);
    return round === false ? v : Math.round(v * 1e8) / 1e8;
  })(input);
};

const trinoResolve = (args: readonly SqlType[], n: SqlType): Signature | null => {
  const t = args[2];
  if (args.length !== 3 || t === undefined) return null;
  const value = isDatetime(t) ? t : t.kind === 'unknown' ? TS : null;
  return value === null ? null : overloads(sig([T, n, value], value))(args);
};

export const sparkDatetimeFunctions: readonly ScalarFunction[] = [
  getter('year', (p) => p.year),
  getter('month', (p) => p.month),
  getter('day', (p) => p.day),
  getter('dayofmonth', (p) => p.day),
  getter('dayofweek', (p) => p.dow + 1),
  getter('weekday', (p) => (p.dow + 6) % 7),
  getter('dayofyear', (p) => p.doy),
  getter('hour', (p) => p.hour),
  getter('minute', (p) => p.minute),
  getter('second', (p) => p.second),
  getter('quarter', (p) => Math.ceil(p.month / 3)),
  getter('weekofyear', (p) => isoWeek(p.days).week),
  getter('week', (p) => isoWeek(p.days).week),
  fn(
    'date_add',
    (args) => (args.length === 3 ? trinoResolve(args, L) : dateArgResolve([I], D)(args)),
    (input) =>
      input.args.length === 3 ? trinoDateAdd(input) : daysKernel((d, [n]) => d + Number(n))(input),
  ),
  fn(
    'date_sub',
    dateArgResolve([I], D),
    daysKernel((d, [n]) => d - Number(n)),
  ),
  fn(
    'datediff',
    (args) => {
      const s = dateArgResolve([], D)(args.slice(0, 1));
      const e = dateArgResolve([], D)(args.slice(1));
      return args.length === 2 && s && e ? sig([...s.args, ...e.args], I) : null;
    },
    (input) => {
      const zone = zoneOf(input.ctx.timeZone);
      const [ta = D, tb = D] = input.argTypes;
      const day = (v: SqlValue, t: SqlType): number =>
        Number(floorDivMod(localMicros(v, t, zone), MICROS_PER_DAY)[0]);
      return strict(([a, b]) => day(a as SqlValue, ta) - day(b as SqlValue, tb))(input);
    },
  ),
  fn('date_diff', (args) => (args.length === 3 ? diffSig(args) : null), trinoDateDiff),
  fn(
    'add_months',
    dateArgResolve([I], D),
    daysKernel((days, [n]) => {
      const p = partsOfLocal(BigInt(days) * MICROS_PER_DAY);
      const [y, m, d] = addMonths(p.year, p.month, p.day, Number(n));
      return daysFromCivil(y, m, d);
    }),
  ),
  fn(
    'last_day',
    dateArgResolve([], D),
    daysKernel((days) => {
      const p = partsOfLocal(BigInt(days) * MICROS_PER_DAY);
      return lastDayOfMonth(p.year, p.month);
    }),
  ),
  fn(
    'months_between',
    (args) => {
      const a = datetimeResolve(F)(args.slice(0, 1));
      const b = datetimeResolve(F)(args.slice(1, 2));
      if (!a || !b || args.length < 2 || args.length > 3) return null;
      if (args.length === 3 && !overloads(sig([Types.bool], F))(args.slice(2))) return null;
      return sig([...a.args, ...b.args, ...(args.length === 3 ? [Types.bool] : [])], F);
    },
    monthsBetween,
  ),
  fn('localtimestamp', overloads(sig([], TS)), (input) => {
    const zone = zoneOf(input.ctx.timeZone);
    const micros = input.ctx.statementStartMicros;
    return new Array<SqlValue>(input.rowCount).fill(localMicros(micros, TZ, zone));
  }),
];

function diffSig(args: readonly SqlType[]): Signature | null {
  const [, a, b] = args;
  const pick = (t: SqlType | undefined): SqlType | null =>
    t === undefined ? null : isDatetime(t) ? t : t.kind === 'unknown' ? TS : null;
  const x = pick(a);
  const y = pick(b);
  if (!x || !y) return null;
  const both = x.kind === y.kind ? x : TZ;
  return overloads(sig([T, both, both], L))(args);
}
