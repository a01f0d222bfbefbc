import type { Interval } from '../sql-value.js';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './calendar.js';

/**
 * interval_out in IntervalStyle=postgres (PostgreSQL docs §8.5.5, EncodeInterval):
 * `1 year 2 mons 3 days 04:05:06.5`. Once a field is negative, later positive fields get
 * an explicit '+'; the time part appears when non-zero or when everything is zero.
 */
export function formatInterval(iv: Interval): string {
  const state = { parts: [] as string[], negativeSeen: false };
  const years = Math.trunc(iv.months / 12);
  addPart(state, years, 'year');
  addPart(state, iv.months - years * 12, 'mon');
  addPart(state, iv.days, 'day');
  if (iv.micros !== 0n || state.parts.length === 0)
    state.parts.push(timePart(iv.micros, state.negativeSeen));
  return state.parts.join(' ');
}

function addPart(
  state: { parts: string[]; negativeSeen: boolean },
  value: number,
  unit: string,
): void {
  if (value === 0) return;
  const plus = state.negativeSeen && value > 0 ? '+' : '';
  state.parts.push(`${plus}${value} ${unit}${value === 1 ? '' : 's'}`);
  state.negativeSeen = value < 0;
}

function timePart(micros: bigint, negativeSeen: boolean): string {
  const sign = micros < 0n ? '-' : negativeSeen ? '+' : '';
  const abs = micros < 0n ? -micros : micros;
  const h = abs / MICROS_PER_HOUR;
  const m = (abs % MICROS_PER_HOUR) / MICROS_PER_MINUTE;
  const sec = abs % MICROS_PER_MINUTE;
  const whole = String(sec / MICROS_PER_SECOND).padStart(2, '0');
  const frac = sec % MICROS_PER_SECOND;
  const secText =
    frac === 0n ? whole : `${whole}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
  return `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${secText}`;
}
