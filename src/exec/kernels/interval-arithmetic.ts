import { LakeError } from '../../common/errors.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { daysFromCivil, floorDivMod, MICROS_PER_DAY } from '../../common/values/calendar.js';
import { addMonths, localMicros, partsOfLocal, zoneOf } from './datetime-parts.js';
import { strict, type Kernel } from './kernel.js';
import { Types } from '../../common/sql-types.js';
import { localToUtc } from '../../common/values/time-zone.js';

/**
 * Date/time arithmetic with intervals, as PostgreSQL's timestamp_pl_interval,
 * timestamp_mi, interval_pl and interval_mul do (src/backend/utils/adt/timestamp.c):
 * months first (the day clamped to the month's length), then days, then microseconds.
 * For timestamptz, months and days move the local wall clock in the session TimeZone
 * (so a day across a DST change is 23 or 25 hours) and microseconds move the instant.
 * Kernel names are the binder's: `<left type><op><right type>`.
 */
const iv = (v: SqlValue | undefined): Interval => v as Interval;
const neg = (i: Interval): Interval => ({ months: -i.months, days: -i.days, micros: -i.micros });

function addToLocal(local: bigint, i: Interval): bigint {
  let t = local;
  if (i.months !== 0) {
    const [days, tod] = floorDivMod(t, MICROS_PER_DAY);
    const p = partsOfLocal(days * MICROS_PER_DAY);
    const [y, m, d] = addMonths(p.year, p.month, p.day, i.months);
    t = BigInt(daysFromCivil(y, m, d)) * MICROS_PER_DAY + tod;
  }
  return t + BigInt(i.days) * MICROS_PER_DAY + i.micros;
}

function timestampPlus(negate: boolean): Kernel {
  return strict(([t, i]) => addToLocal(t as bigint, negate ? neg(iv(i)) : iv(i)));
}

function timestamptzPlus(negate: boolean): Kernel {
  return (input) => {
    const zone = zoneOf(input.ctx.timeZone);
    return strict(([t, i]) => {
      const span = negate ? neg(iv(i)) : iv(i);
      let utc = t as bigint;
      if (span.months !== 0 || span.days !== 0) {
        const local = localMicros(utc, Types.timestamptz, zone);
        utc = localToUtc(
          zone,
          addToLocal(local, { months: span.months, days: span.days, micros: 0n }),
        );
      }
      return utc + span.micros;
    })(input);
  };
}

function datePlus(negate: boolean): Kernel {
  return strict(([d, i]) =>
    addToLocal(BigInt(d as number) * MICROS_PER_DAY, negate ? neg(iv(i)) : iv(i)),
  );
}

/** timestamp - timestamp: days and time (interval_justify_hours), no months. */
const timestampMinus: Kernel = strict(([a, b]) => {
  const diff = (a as bigint) - (b as bigint);
  const days = diff / MICROS_PER_DAY;
  return { months: 0, days: Number(days), micros: diff - days * MICROS_PER_DAY };
});

function intervalPlus(sign: 1 | -1): Kernel {
  return strict(([a, b]) => {
    const x = iv(a);
    const y = iv(b);
    const months = x.months + sign * y.months;
    if (!Number.isSafeInteger(months) || Math.abs(months) > 2147483647) {
      throw new LakeError(SqlState.datetimeFieldOverflow, 'interval out of range');
    }
    return { months, days: x.days + sign * y.days, micros: x.micros + BigInt(sign) * y.micros };
  });
}

/** interval * factor (interval_mul): fractional months spill into days, fractional days into time. */
function intervalMul(span: Interval, factor: number): Interval {
  if (!Number.isFinite(factor))
    throw new LakeError(SqlState.datetimeFieldOverflow, 'interval out of range');
  const months = Math.trunc(span.months * factor);
  const monthRemainderDays = (span.months * factor - months) * 30;
  let days = Math.trunc(span.days * factor);
  let secRemainder =
    (span.days * factor - days + monthRemainderDays - Math.trunc(monthRemainderDays)) * 86400;
  secRemainder = Math.round(secRemainder * 1e6) / 1e6;
  if (Math.abs(secRemainder) >= 86400) {
    days += Math.trunc(secRemainder / 86400);
    secRemainder -= Math.trunc(secRemainder / 86400) * 86400;
  }
  days += Math.trunc(monthRemainderDays);
  const micros = BigInt(Math.round(Number(span.micros) * factor + secRemainder * 1e6));
  return { months, days, micros };
}

export const intervalKernels: Record<string, Kernel> = {
  'timestamp+interval': timestampPlus(false),
  'timestamp-interval': timestampPlus(true),
  'interval+timestamp': strict(([i, t]) => addToLocal(t as bigint, iv(i))),
  'timestamptz+interval': timestamptzPlus(false),
  'timestamptz-interval': timestamptzPlus(true),
  'date+interval': datePlus(false),
  'date-interval': datePlus(true),
  'timestamp-timestamp': timestampMinus,
  'timestamptz-timestamptz': timestampMinus,
  'interval+interval': intervalPlus(1),
  'interval-interval': intervalPlus(-1),
  'interval*float8': strict(([i, f]) => intervalMul(iv(i), Number(f))),
  'float8*interval': strict(([f, i]) => intervalMul(iv(i), Number(f))),
  'interval/float8': strict(([i, f]) => {
    if (Number(f) === 0) throw new LakeError(SqlState.divisionByZero, 'division by zero');
    return intervalMul(iv(i), 1 / Number(f));
  }),
  'negate interval': strict(([i]) => neg(iv(i))),
};
