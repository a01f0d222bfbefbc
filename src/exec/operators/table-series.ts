import type { TableFunctionName } from '../../../planner/plan/logical-plan.js';
import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  floorDivMod,
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
} from '../../common/values/calendar.js';
import { resolveTimeZone, localToUtc, type TimeZone } from '../../common/values/time-zone.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import type { EvalContext } from '../eval-context.js';
import { compareNumeric } from '../kernels/compare-values.js';
import { numericAdd } from '../kernels/numeric-math.js';

/**
 * The rows of one set-returning function call, given its argument values: chunks of
 * at most MAX_BATCH_ROWS rows, each chunk the function's output columns.
 */
export type Series = (
  args: readonly SqlValue[],
  argTypes: readonly SqlType[],
  outTypes: readonly SqlType[],
  ctx: EvalContext,
) => Generator<SqlValue[][]>;

export const seriesFunctions: Record<TableFunctionName, Series> = {
  generate_series: generateSeries,
  range: sparkRange,
  unnest: (args) => zipArrays(args, false),
  explode: (args) => zipArrays(args.slice(0, 1), false),
  posexplode: (args) => zipArrays(args.slice(0, 1), true),
};

const invalid = (message: string): LakeError =>
  new LakeError(SqlState.invalidParameterValue, message);

/** generate_series (PostgreSQL docs §9.25): numbers with a step, timestamps with an interval. */
function* generateSeries(
  args: readonly SqlValue[],
  argTypes: readonly SqlType[],
  outTypes: readonly SqlType[],
  ctx: EvalContext,
): Generator<SqlValue[][]> {
  const [start = null, stop = null, step] = args;
  if (start === null || stop === null || step === null) return; // strict
  const out = outTypes[0]!.kind;
  if (out === 'numeric') {
    yield* numericSeries(start as string, stop as string, (step ?? '1') as string);
    return;
  }
  if (out === 'int8') {
    const [a, b, s] = [start, stop, step ?? 1n].map((v) => BigInt(v as bigint));
    yield* bigintSeries(a!, b!, s!, true);
    return;
  }
  if (out === 'int4' || out === 'int2') {
    yield* numberSeries(start as number, stop as number, (step ?? 1) as number);
    return;
  }
  if (step === undefined) throw invalid('generate_series over timestamps needs an interval step');
  const zone = out === 'timestamptz' ? resolveTimeZone(ctx.timeZone) : null;
  const toMicros = (v: SqlValue, t: SqlType | undefined): bigint =>
    t?.kind === 'date' ? BigInt(v as number) * MICROS_PER_DAY : (v as bigint);
  yield* timeSeries(
    toMicros(start, argTypes[0]),
    toMicros(stop, argTypes[1]),
    step as Interval,
    zone,
    out === 'date',
  );
}

function* numberSeries(start: number, stop: number, step: number): Generator<SqlValue[][]> {
  if (step === 0) throw invalid('step size cannot equal zero');
  let chunk: SqlValue[] = [];
  for (let v = start; step > 0 ? v <= stop : v >= stop; v += step) {
    chunk.push(v);
    if (chunk.length === MAX_BATCH_ROWS) {
      yield [chunk];
      chunk = [];
    }
  }
  if (chunk.length > 0) yield [chunk];
}

function* bigintSeries(
  start: bigint,
  stop: bigint,
  step: bigint,
  inclusive: boolean,
): Generator<SqlValue[][]> {
  if (step === 0n) throw invalid('step size cannot equal zero');
  let chunk: SqlValue[] = [];
  for (
    let v = start;
    step > 0n ? (inclusive ? v <= stop : v < stop) : inclusive ? v >= stop : v > stop;
    v += step
  ) {
    chunk.push(v);
    if (chunk.length === MAX_BATCH_ROWS) {
      yield [chunk];
      chunk = [];
    }
  }
  if (chunk.length > 0) yield [chunk];
}

function* numericSeries(start: string, stop: string, step: string): Generator<SqlValue[][]> {
  for (const [v, what] of [
    [start, 'start value'],
    [stop, 'stop value'],
    [step, 'step size'],
  ] as const) {
    if (v === 'NaN') throw invalid(`${what} cannot be NaN`);
    if (v.endsWith('Infinity')) throw invalid(`${what} cannot be infinity`);
  }
  const sign = compareNumeric(step, '0');
  if (sign === 0) throw invalid('step size cannot equal zero');
  let chunk: SqlValue[] = [];
  for (
    let v = start;
    sign > 0 ? compareNumeric(v, stop) <= 0 : compareNumeric(v, stop) >= 0;
    v = numericAdd(v, step)
  ) {
    chunk.push(v);
    if (chunk.length === MAX_BATCH_ROWS) {
      yield [chunk];
      chunk = [];
    }
  }
  if (chunk.length > 0) yield [chunk];
}

/** Each value is the previous plus the step (so month steps clamp cumulatively, as PostgreSQL). */
function* timeSeries(
  start: bigint,
  stop: bigint,
  step: Interval,
  zone: TimeZone | null,
  asDate: boolean,
): Generator<SqlValue[][]> {
  const span = (BigInt(step.months) * 30n + BigInt(step.days)) * MICROS_PER_DAY + step.micros;
  if (span === 0n) throw invalid('step size cannot equal zero');
  let chunk: SqlValue[] = [];
  for (let v = start; span > 0n ? v <= stop : v >= stop; v = addInterval(v, step, zone)) {
    chunk.push(asDate ? Number(floorDivMod(v, MICROS_PER_DAY)[0]) : v);
    if (chunk.length === MAX_BATCH_ROWS) {
      yield [chunk];
      chunk = [];
    }
  }
  if (chunk.length > 0) yield [chunk];
}

/**
 * timestamp(tz) + interval as PostgreSQL's timestamp_pl_interval: months on the
 * calendar (clamping the day to the month's end), then days, both in local time for
 * timestamptz, then the microseconds.
 */
export function addInterval(micros: bigint, iv: Interval, zone: TimeZone | null): bigint {
  let v = micros;
  if (iv.months !== 0) {
    v = inLocalTime(v, zone, (local) => {
      const [days, time] = floorDivMod(local, MICROS_PER_DAY);
      const d = civilFromDays(Number(days));
      const m0 = d.year * 12 + (d.month - 1) + iv.months;
      const year = Math.floor(m0 / 12);
      const month = m0 - year * 12 + 1;
      const day = Math.min(d.day, daysInMonth(year, month));
      return BigInt(daysFromCivil(year, month, day)) * MICROS_PER_DAY + time;
    });
  }
  if (iv.days !== 0) v = inLocalTime(v, zone, (local) => local + BigInt(iv.days) * MICROS_PER_DAY);
  return v + iv.micros;
}

function inLocalTime(utc: bigint, zone: TimeZone | null, f: (local: bigint) => bigint): bigint {
  if (!zone) return f(utc);
  const local = utc + BigInt(zone.offsetAt(utc)) * MICROS_PER_SECOND;
  return localToUtc(zone, f(local));
}

/** Spark's range(end) / range(start, end[, step]): int8, the end excluded. */
function* sparkRange(args: readonly SqlValue[]): Generator<SqlValue[][]> {
  if (args.some((a) => a === null)) return;
  const n = args.map((a) => BigInt(a as bigint | number));
  const [start, end, step] = n.length === 1 ? [0n, n[0]!, 1n] : [n[0]!, n[1]!, n[2] ?? 1n];
  yield* bigintSeries(start, end, step, false);
}

/**
 * unnest(a, b, ...): the arrays side by side, the shorter padded with NULLs (a NULL
 * array counts as empty); explode is unnest of one; posexplode puts the 0-based
 * position (int4) first.
 */
function* zipArrays(args: readonly SqlValue[], withPosition: boolean): Generator<SqlValue[][]> {
  const arrays = args.map((a) => (a === null ? [] : (a as readonly SqlValue[])));
  const length = Math.max(0, ...arrays.map((a) => a.length));
  for (let from = 0; from < length; from += MAX_BATCH_ROWS) {
    const to = Math.min(length, from + MAX_BATCH_ROWS);
    const cols = arrays.map((a) => {
      const out = new Array<SqlValue>(to - from);
      for (let i = from; i < to; i++) out[i - from] = a[i] ?? null;
      return out;
    });
    if (withPosition) cols.unshift(Array.from({ length: to - from }, (_, i) => from + i));
    yield cols;
  }
}
