import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { numericDiv } from '../kernels/numeric-math.js';
import { decimalText, ExactSum } from './exact-sum.js';
import { FloatMoments } from './float-moments.js';
import type { AggregateFactory, Column, GroupedAggregate } from './grouped-aggregate.js';
import { growArray, rowsPerGroup } from './grouped-aggregate.js';
import type { Vec } from '../vector/vec.js';
import { boundOf } from '../vector/exact-bound.js';

/**
 * sum and avg (PostgreSQL docs §9.21) with PostgreSQL's types: sum(int2/int4) → int8,
 * sum(int8/numeric) → numeric, sum(float4/8) keeps the float type; avg of integers and
 * numeric → numeric (numeric_avg: the exact sum divided by the count with numeric_div's
 * scale), avg of floats → float8.
 */
const isFloat = (t: SqlType | undefined): boolean => t?.kind === 'float4' || t?.kind === 'float8';

/** Feeds rows into an ExactSum: numbers (int2/int4), bigints (int8) or numeric text. */
function exactUpdate(sum: ExactSum, sign: number) {
  return (
    args: readonly Column[],
    rows: Int32Array | null,
    groups: Int32Array,
    count: number,
  ): void => {
    const col = args[0] as Column;
    for (let k = 0; k < count; k++) {
      const v = col[rows === null ? k : (rows[k] as number)];
      if (v === null || v === undefined) continue;
      const g = groups[k] as number;
      if (typeof v === 'number') sum.addScaled(g, v, 0, sign);
      else if (typeof v === 'bigint') sum.addBig(g, v, 0, sign);
      else sum.addText(g, v as string, sign);
    }
  };
}

/**
 * Feeds typed exact values (scaled integers) into an ExactSum. A batch is first summed
 * per group in plain doubles, which stay exact while the largest value times the row
 * count is below 2^53 (checked after the pass). Past that (TPC-H Q1's sum_charge at
 * scale 6), the batch is summed again with each value split at 2^26 into high and low
 * parts, whose sums stay exact for any batch below 2^26 rows; an aggregate that needed
 * the split once goes straight to it for the batches that follow.
 */
function exactUpdateVec(sum: ExactSum) {
  let wide = false;
  return (arg: Vec, rows: Int32Array | null, groups: Int32Array, count: number): boolean => {
    if (arg.kind !== 'exact') return false;
    const groupCount = sum.groupCount;
    if (groupCount <= 4 * count && count < SPLIT) {
      if (!wide && addNarrow(sum, arg, rows, groups, count)) return true;
      wide = true;
      addWide(sum, arg, rows, groups, count);
      return true;
    }
    const { values, valid, scale } = arg;
    for (let k = 0; k < count; k++) {
      const row = rows === null ? k : rows[k]!;
      if (valid === null || valid[row]) sum.addScaled(groups[k]!, values[row]!, scale, 1);
    }
    return true;
  };
}

type ExactVec = Vec & { kind: 'exact' };

/**
 * Per-group totals in plain doubles; false (nothing added) when they may not be exact.
 * They are when the values' bound (exact-bound.ts) times the row count stays below 2^52:
 * half of 2^53, so a bound that arithmetic on bounds rounded down a little still holds.
 */
function addNarrow(
  sum: ExactSum,
  { values, valid, scale }: ExactVec,
  rows: Int32Array | null,
  groups: Int32Array,
  count: number,
): boolean {
  if (boundOf(values) * count >= 2 ** 52) return false;
  const groupCount = sum.groupCount;
  if (rows === null && valid === null) {
    // The usual case: every row counts, and the rows per group are the batch's.
    const totals = groupTotals(values, groups, count, groupCount);
    const counts = rowsPerGroup(groups, count, groupCount);
    for (let g = 0; g < groupCount; g++)
      if (counts[g]! > 0) sum.addTotal(g, totals[g]! + 0, scale, counts[g]!);
    return true;
  }
  const totals = new Float64Array(groupCount);
  const counts = new Int32Array(groupCount);
  for (let k = 0; k < count; k++) {
    const row = rows === null ? k : rows[k]!;
    if (valid !== null && !valid[row]) continue;
    const g = groups[k]!;
    totals[g]! += values[row]!;
    counts[g]! += 1;
  }
  for (let g = 0; g < groupCount; g++)
    if (counts[g]! > 0) sum.addTotal(g, totals[g]! + 0, scale, counts[g]!);
  return true;
}

/**
 * `values[k]` summed into `groups[k]`, over four lanes per group: consecutive rows of one
 * group then add into different slots, so each addition need not wait for the one
 * before it to be stored (about twice the speed of one slot per group). The lanes' order
 * of addition cannot change the totals: every partial sum is an integer below 2^53.
 */
function groupTotals(
  values: Float64Array,
  groups: Int32Array,
  count: number,
  groupCount: number,
): Float64Array {
  const lanes = new Float64Array(groupCount * 4);
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    lanes[groups[k]! * 4]! += values[k]!;
    lanes[groups[k + 1]! * 4 + 1]! += values[k + 1]!;
    lanes[groups[k + 2]! * 4 + 2]! += values[k + 2]!;
    lanes[groups[k + 3]! * 4 + 3]! += values[k + 3]!;
  }
  for (; k < count; k++) lanes[groups[k]! * 4]! += values[k]!;
  const totals = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++)
    totals[g] = lanes[4 * g]! + lanes[4 * g + 1]! + lanes[4 * g + 2]! + lanes[4 * g + 3]!;
  return totals;
}

/** Per-group totals of high and low parts, joined exactly (as a bigint past 2^53). */
function addWide(
  sum: ExactSum,
  { values, valid, scale }: ExactVec,
  rows: Int32Array | null,
  groups: Int32Array,
  count: number,
): void {
  const groupCount = sum.groupCount;
  const highs = new Float64Array(groupCount);
  const lows = new Float64Array(groupCount);
  const counts = new Int32Array(groupCount);
  for (let k = 0; k < count; k++) {
    const row = rows === null ? k : rows[k]!;
    if (valid !== null && !valid[row]) continue;
    const v = values[row]!;
    const g = groups[k]!;
    const high = Math.floor(v * INV_SPLIT);
    highs[g]! += high;
    lows[g]! += v - high * SPLIT;
    counts[g]! += 1;
  }
  for (let g = 0; g < groupCount; g++) {
    if (counts[g] === 0) continue;
    const total = highs[g]! * SPLIT + lows[g]!;
    if (total < SAFE_TOTAL && total > -SAFE_TOTAL) sum.addTotal(g, total, scale, counts[g]!);
    else sum.addBigTotal(g, BigInt(highs[g]!) * BIG_SPLIT + BigInt(lows[g]!), scale, counts[g]!);
  }
}

const SPLIT = 2 ** 26;
const INV_SPLIT = 2 ** -26;
const BIG_SPLIT = 2n ** 26n;
/** Below this a total computed in doubles from exact parts is exact (with room for rounding doubt). */
const SAFE_TOTAL = 2 ** 52;

/** Feeds typed floats into `add`. */
export function floatUpdateVec(add: (g: number, v: number) => void) {
  return (arg: Vec, rows: Int32Array | null, groups: Int32Array, count: number): boolean => {
    if (arg.kind !== 'float') return false;
    const { values, valid } = arg;
    for (let k = 0; k < count; k++) {
      const row = rows === null ? k : rows[k]!;
      if (valid === null || valid[row]) add(groups[k]!, values[row]!);
    }
    return true;
  };
}

function exactSum(resultType: SqlType, sliding: boolean): GroupedAggregate {
  const sum = new ExactSum(sliding);
  const asInt8 = resultType.kind === 'int8';
  const result = (g: number): SqlValue => {
    const small = asInt8 && sum.count(g) !== 0 ? sum.smallInteger(g) : null;
    if (small !== null) return BigInt(small);
    const t = sum.text(g);
    return t === null || !asInt8 ? t : BigInt(t);
  };
  return {
    grow: (n) => sum.grow(n),
    update: exactUpdate(sum, 1),
    updateVec: exactUpdateVec(sum),
    remove: exactUpdate(sum, -1),
    result,
    ...exactSumState(sum, []),
  };
}

/**
 * An ExactSum's partial state, as the workers ship it: per group the total as an
 * unscaled integer in a float8 with its scale (the common case, read back as numbers),
 * or, when it has a bigint part or a special value, as numeric text; all NULL for a
 * group no row reached. Text for every group cost the main thread more to decode and
 * parse than the merge itself (TPC-H Q18: 1.5M groups). `extra` states follow.
 */
function exactSumState(
  sum: ExactSum,
  extra: readonly { type: SqlType; value: (g: number) => SqlValue }[],
): Pick<GroupedAggregate, 'stateTypes' | 'state' | 'merge'> {
  return {
    stateTypes: [Types.float8, Types.int4, Types.numeric(), ...extra.map((e) => e.type)],
    state: (n) => {
      const totals = new Array<SqlValue>(n);
      const scales = new Array<SqlValue>(n);
      const texts = new Array<SqlValue>(n);
      for (let g = 0; g < n; g++) {
        const small = sum.count(g) === 0 ? null : sum.smallTotal(g);
        totals[g] = small;
        scales[g] = small === null ? null : sum.scaleOf(g);
        texts[g] = small === null ? sum.text(g) : null;
      }
      return [
        totals,
        scales,
        texts,
        ...extra.map((e) => Array.from({ length: n }, (_, g) => e.value(g))),
      ];
    },
    merge: (state, groups, count) => {
      const [totals, scales, texts] = state as [Column, Column, Column];
      const rows = state[3];
      for (let k = 0; k < count; k++) {
        const g = groups[k]!;
        const n = rows === undefined ? 1 : Number(rows[k] ?? 0n);
        const total = totals[k];
        if (typeof total === 'number') sum.addTotal(g, total, Number(scales[k]), n);
        else {
          const text = texts[k];
          if (text !== null && text !== undefined) sum.mergeText(g, decimalText(text), n);
        }
      }
    },
  };
}

/** sum(float4/float8): left-to-right float addition, float4 rounding each step as float4pl. */
function floatSum(resultType: SqlType): GroupedAggregate {
  const sums: number[] = [];
  const seen: boolean[] = [];
  const single = resultType.kind === 'float4';
  const add = (g: number, v: number): void => {
    const s = (sums[g] as number) + v;
    sums[g] = single ? Math.fround(s) : s;
    seen[g] = true;
  };
  return {
    stateTypes: [resultType],
    grow: (n) => {
      growArray(sums, n, 0);
      growArray(seen, n, false);
    },
    update: (args, rows, groups, count) => {
      const col = args[0] as Column;
      for (let k = 0; k < count; k++) {
        const v = col[rows === null ? k : (rows[k] as number)];
        if (typeof v === 'number') add(groups[k] as number, v);
      }
    },
    updateVec: floatUpdateVec(add),
    result: (g) => (seen[g] === true ? (sums[g] as number) : null),
    state: (n) => [
      Array.from({ length: n }, (_, g) => (seen[g] === true ? (sums[g] as number) : null)),
    ],
    merge: (state, groups, count) => {
      const col = state[0] as Column;
      for (let k = 0; k < count; k++) {
        const v = col[k];
        if (typeof v === 'number') add(groups[k] as number, v);
      }
    },
  };
}

export const sumAggregate: AggregateFactory = (a) =>
  isFloat(a.argTypes[0]) ? floatSum(a.resultType) : exactSum(a.resultType, a.sliding === true);

/** avg over integers and numeric: exact sum and count, divided by numeric_div at the end. */
function exactAvg(sliding: boolean): GroupedAggregate {
  const sum = new ExactSum(sliding);
  return {
    grow: (n) => sum.grow(n),
    update: exactUpdate(sum, 1),
    updateVec: exactUpdateVec(sum),
    remove: exactUpdate(sum, -1),
    result: (g) => {
      const t = sum.text(g);
      if (t === null) return null;
      return t === 'NaN' || t.endsWith('Infinity') ? t : numericDiv(t, String(sum.count(g)));
    },
    ...exactSumState(sum, [{ type: Types.int8, value: (g) => BigInt(sum.count(g)) }]),
  };
}

/** The float moments' state columns, shared by avg and the variance family over floats. */
export function floatMomentsAggregate(
  result: (m: FloatMoments, g: number) => SqlValue,
): GroupedAggregate {
  const m = new FloatMoments();
  return {
    stateTypes: [Types.float8, Types.float8, Types.float8],
    grow: (n) => m.grow(n),
    update: (args, rows, groups, count) => {
      const col = args[0] as Column;
      for (let k = 0; k < count; k++) {
        const v = col[rows === null ? k : (rows[k] as number)];
        if (typeof v === 'number') m.add(groups[k] as number, v);
      }
    },
    updateVec: floatUpdateVec((g, v) => m.add(g, v)),
    result: (g) => result(m, g),
    state: (n) => [m.n.slice(0, n), m.sx.slice(0, n), m.sxx.slice(0, n)],
    merge: (state, groups, count) => {
      const [ns, sxs, sxxs] = state as [Column, Column, Column];
      for (let k = 0; k < count; k++)
        m.combine(groups[k] as number, ns[k] as number, sxs[k] as number, sxxs[k] as number);
    },
  };
}

export const avgAggregate: AggregateFactory = (a) =>
  isFloat(a.argTypes[0]) ? floatMomentsAggregate((m, g) => m.avg(g)) : exactAvg(a.sliding === true);
