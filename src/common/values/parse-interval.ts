import type { Interval } from '../sql-value.js';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE } from './calendar.js';
import { invalidSyntax } from './input-error.js';
import { trimSpace } from './parse-number.js';

/**
 * interval_in (PostgreSQL docs §8.5.4): postgres style `1 year 2 mons -3 days 04:05:06.5`,
 * `[@] ... ago`, bare numbers as seconds, and ISO 8601 `P1Y2M3DT4H5M6S`. Fractions
 * spill down as PostgreSQL does: months → 30-day days → 24-hour days → microseconds.
 */

/** A unit's size as months, days or microseconds. */
type Unit = { months: number } | { days: number } | { micros: number };

const UNITS: Record<string, Unit> = {};
function defineUnit(unit: Unit, ...names: string[]): void {
  for (const n of names) UNITS[n] = unit;
}
defineUnit({ micros: 1 }, 'microsecond', 'microseconds', 'us', 'usec', 'usecs', 'useconds');
defineUnit({ micros: 1000 }, 'millisecond', 'milliseconds', 'ms', 'msec', 'msecs', 'mseconds');
defineUnit({ micros: 1e6 }, 'second', 'seconds', 's', 'sec', 'secs');
defineUnit({ micros: 6e7 }, 'minute', 'minutes', 'm', 'min', 'mins');
defineUnit({ micros: 3.6e9 }, 'hour', 'hours', 'h', 'hr', 'hrs');
defineUnit({ days: 1 }, 'day', 'days', 'd');
defineUnit({ days: 7 }, 'week', 'weeks', 'w');
defineUnit({ months: 1 }, 'month', 'months', 'mon', 'mons');
defineUnit({ months: 12 }, 'year', 'years', 'y', 'yr', 'yrs');
defineUnit({ months: 120 }, 'decade', 'decades', 'dec', 'decs');
defineUnit({ months: 1200 }, 'century', 'centuries', 'c', 'cent');
defineUnit({ months: 12000 }, 'millennium', 'millennia', 'mil', 'mils');

/** Accumulates fields; fractional parts cascade into smaller fields. */
class IntervalSum {
  months = 0;
  days = 0;
  micros = 0n;

  add(value: number, unit: Unit): void {
    if ('months' in unit) this.addMonths(value * unit.months);
    else if ('days' in unit) this.addDays(value * unit.days);
    else this.micros += BigInt(Math.round(value * unit.micros));
  }

  private addMonths(v: number): void {
    const whole = Math.trunc(v);
    this.months += whole;
    this.addDays((v - whole) * 30);
  }

  private addDays(v: number): void {
    const whole = Math.trunc(v);
    this.days += whole;
    this.micros += BigInt(Math.round((v - whole) * 86_400e6));
  }

  result(negate: boolean): Interval {
    const s = negate ? -1 : 1;
    return {
      months: s * this.months + 0,
      days: s * this.days + 0,
      micros: negate ? -this.micros : this.micros,
    };
  }
}

const NUMBER_UNIT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*([a-z]+)?$/;
const CLOCK = /^([+-]?)(\d+):(\d+)(?::(\d+(?:\.\d*)?))?$/;

/** Parses interval text into PostgreSQL's (months, days, micros). */
export function parseInterval(text: string): Interval {
  const s = trimSpace(text).toLowerCase();
  const result = s.startsWith('p') ? parseIso(s) : parsePostgres(s);
  if (result === null) throw invalidSyntax('interval', text);
  return result;
}

function parsePostgres(s: string): Interval | null {
  const tokens = s
    .replace(/^@\s*/, '')
    .split(/\s+/)
    .filter((t) => t !== '');
  const ago = tokens[tokens.length - 1] === 'ago';
  if (ago) tokens.pop();
  if (tokens.length === 0) return null;
  const sum = new IntervalSum();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (addClock(sum, token)) continue;
    // "1 day" arrives as two tokens, "1day" as one.
    const next = tokens[i + 1];
    const joined =
      next !== undefined && /^[a-z]+$/.test(next) && /\d\.?$/.test(token)
        ? `${token}${next}`
        : token;
    if (joined !== token) i++;
    const m = NUMBER_UNIT.exec(joined);
    if (!m) return null;
    const unit = m[2] === undefined ? { micros: 1e6 } : UNITS[m[2]];
    if (!unit) return null;
    sum.add(Number(m[1]), unit);
  }
  return sum.result(ago);
}

/** `[-]HH:MM[:SS[.f]]` adds its signed time. */
function addClock(sum: IntervalSum, token: string): boolean {
  const m = CLOCK.exec(token);
  if (!m) return false;
  const seconds = m[4] ?? '0';
  const micros =
    BigInt(m[2] ?? 0) * MICROS_PER_HOUR +
    BigInt(m[3] ?? 0) * MICROS_PER_MINUTE +
    BigInt(Math.round(Number(seconds) * 1e6));
  sum.micros += m[1] === '-' ? -micros : micros;
  return true;
}

const ISO_DATE_UNITS: Record<string, Unit> = {
  y: { months: 12 },
  m: { months: 1 },
  w: { days: 7 },
  d: { days: 1 },
};
const ISO_TIME_UNITS: Record<string, Unit> = {
  h: { micros: 3.6e9 },
  m: { micros: 6e7 },
  s: { micros: 1e6 },
};
const ISO_PART = /([+-]?(?:\d+\.?\d*|\.\d+))([a-z])/g;

/** ISO 8601 "format with designators": P[nY][nM][nW][nD][T[nH][nM][nS]]. */
function parseIso(s: string): Interval | null {
  const [datePart = '', timePart, extra] = s.slice(1).split('t');
  if (extra !== undefined || (datePart === '' && !timePart)) return null;
  const sum = new IntervalSum();
  if (!addIsoParts(sum, datePart, ISO_DATE_UNITS)) return null;
  if (timePart !== undefined && (timePart === '' || !addIsoParts(sum, timePart, ISO_TIME_UNITS)))
    return null;
  return sum.result(false);
}

function addIsoParts(sum: IntervalSum, part: string, units: Record<string, Unit>): boolean {
  let consumed = 0;
  for (const m of part.matchAll(ISO_PART)) {
    const unit = units[m[2] ?? ''];
    if (!unit || m.index !== consumed) return false;
    sum.add(Number(m[1]), unit);
    consumed += m[0].length;
  }
  return consumed === part.length;
}
