import type { FrameBound, WindowFrame } from '../../../planner/plan/logical-plan.js';
import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { SINGLE_ROW } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { kernelOf } from '../functions/function-registry.js';
import { sortComparatorFor } from '../sort-rows.js';
import type { OrderColumn, SortedPartitions } from './sorted-partitions.js';

/** The default frame: RANGE UNBOUNDED PRECEDING to CURRENT ROW (the peers included). */
export const DEFAULT_FRAME: WindowFrame = {
  unit: 'range',
  start: { kind: 'unbounded-preceding' },
  end: { kind: 'current-row' },
  exclude: 'no-others',
};

/** Without ORDER BY every row is a peer of every other, so the default frame is the partition. */
export const WHOLE_PARTITION: WindowFrame = {
  unit: 'rows',
  start: { kind: 'unbounded-preceding' },
  end: { kind: 'unbounded-following' },
  exclude: 'no-others',
};

/** Each position's frame [start, end) in sorted positions, before any EXCLUDE. */
export interface FrameBounds {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

const MICROS_PER_DAY = 86_400_000_000n;

async function offsetOf(b: FrameBound, which: string, ctx: EvalContext): Promise<SqlValue> {
  if (b.kind !== 'preceding' && b.kind !== 'following') return null;
  const v = (await evaluate(b.offset, SINGLE_ROW, ctx))[0] ?? null;
  if (v === null)
    throw new LakeError(SqlState.nullValueNotAllowed, `frame ${which} offset must not be null`);
  const negative =
    typeof v === 'number' || typeof v === 'bigint'
      ? v < 0
      : typeof v === 'string'
        ? v.startsWith('-')
        : typeof v === 'object' && 'months' in v && (v.months < 0 || v.days < 0 || v.micros < 0n);
  if (negative) throw new LakeError('22013', `frame ${which} offset must not be negative`);
  return v;
}

/**
 * Frame bounds per position (PostgreSQL docs §4.2.8): ROWS counts rows, GROUPS counts
 * peer groups, RANGE compares the single ORDER BY key with the current row's key ±
 * the offset (a NULL key's offset frame is its NULL peers). Bounds never leave the
 * partition; an empty frame has start >= end.
 */
export async function frameBounds(
  frame: WindowFrame,
  sp: SortedPartitions,
  orderKey: OrderColumn | null,
  ctx: EvalContext,
): Promise<FrameBounds> {
  const startOffset = await offsetOf(frame.start, 'starting', ctx);
  const endOffset = await offsetOf(frame.end, 'ending', ctx);
  const start = new Int32Array(sp.n);
  const end = new Int32Array(sp.n);
  const rangeStart =
    frame.unit === 'range'
      ? await rangeBound(frame.start, startOffset, true, sp, orderKey, ctx)
      : null;
  const rangeEnd =
    frame.unit === 'range'
      ? await rangeBound(frame.end, endOffset, false, sp, orderKey, ctx)
      : null;
  const groups = frame.unit === 'groups' ? peerGroups(sp) : null;
  for (let p = 0; p < sp.n; p++) {
    start[p] = rangeStart?.[p] ?? bound(frame.start, startOffset, p, sp, groups, true);
    end[p] = rangeEnd?.[p] ?? bound(frame.end, endOffset, p, sp, groups, false);
  }
  return { start, end };
}

/** Peer group number per position and each group's first position. */
function peerGroups(sp: SortedPartitions): { index: Int32Array; first: number[] } {
  const index = new Int32Array(sp.n);
  const first: number[] = [];
  for (let p = 0; p < sp.n; p++) {
    if (sp.peerStart[p] === p) first.push(p);
    index[p] = first.length - 1;
  }
  first.push(sp.n);
  return { index, first };
}

function bound(
  b: FrameBound,
  offset: SqlValue,
  p: number,
  sp: SortedPartitions,
  groups: { index: Int32Array; first: number[] } | null,
  isStart: boolean,
): number {
  const ps = sp.partStart[p]!;
  const pe = sp.partEnd[p]!;
  switch (b.kind) {
    case 'unbounded-preceding':
      return ps;
    case 'unbounded-following':
      return pe;
    case 'current-row':
      return groups !== null ? (isStart ? sp.peerStart[p]! : sp.peerEnd[p]!) : isStart ? p : p + 1;
    case 'preceding':
    case 'following': {
      const n = Number(offset);
      const sign = b.kind === 'preceding' ? -1 : 1;
      if (groups === null) {
        const at = p + sign * n + (isStart ? 0 : 1);
        return Math.min(Math.max(at, ps), pe);
      }
      const g = groups.index[p]! + sign * n + (isStart ? 0 : 1);
      const first = groups.index[ps]!;
      const last = groups.index[pe - 1]! + 1;
      return groups.first[Math.min(Math.max(g, first), last)]!;
    }
  }
}

/** RANGE bounds: null when `b` is not value-based (the row bounds apply). */
async function rangeBound(
  b: FrameBound,
  offset: SqlValue,
  isStart: boolean,
  sp: SortedPartitions,
  key: OrderColumn | null,
  ctx: EvalContext,
): Promise<Int32Array | null> {
  const out = new Int32Array(sp.n);
  if (b.kind === 'current-row') {
    for (let p = 0; p < sp.n; p++) out[p] = isStart ? sp.peerStart[p]! : sp.peerEnd[p]!;
    return out;
  }
  if (b.kind !== 'preceding' && b.kind !== 'following') return null;
  if (key === null) {
    // 42P20 (windowing_error), as PostgreSQL's transformFrameOffset reports it.
    throw new LakeError(
      '42P20',
      'RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column',
    );
  }
  // In sorted order, "following" moves the key up for ASC and down for DESC.
  const dir = key.descending ? -1 : 1;
  const add = (b.kind === 'following') === dir > 0;
  const sorted = Array.from(sp.order, (r) => key.values[r] ?? null);
  const { values, targets, type } = await shiftedKeys(sorted, key.type, offset, b, add, ctx);
  const cmp = sortComparatorFor(type);
  for (let p = 0; p < sp.n; p++) {
    const ps = sp.partStart[p]!;
    const pe = sp.partEnd[p]!;
    const t = targets[p] ?? null;
    if (values[p] === null || t === null) {
      out[p] = isStart ? sp.peerStart[p]! : sp.peerEnd[p]!;
      continue;
    }
    // The non-null run of the partition: NULL keys sit at one end of it.
    let lo = ps;
    let hi = pe;
    while (lo < hi && values[lo] === null) lo++;
    while (hi > lo && values[hi - 1] === null) hi--;
    // First position whose key is past the target (end) or not before it (start).
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = dir * cmp(values[mid]!, t);
      if (isStart ? c < 0 : c <= 0) lo = mid + 1;
      else hi = mid;
    }
    out[p] = lo;
  }
  return out;
}

/** The keys in sorted order and key ± offset per position, in one comparable type. */
async function shiftedKeys(
  sorted: SqlValue[],
  type: SqlType,
  offset: SqlValue,
  b: FrameBound,
  add: boolean,
  ctx: EvalContext,
): Promise<{ values: SqlValue[]; targets: SqlValue[]; type: SqlType }> {
  if (b.kind !== 'preceding' && b.kind !== 'following') throw new Error('not an offset bound');
  const offsetType = b.offset.type;
  const datetime = type.kind === 'date' || type.kind === 'timestamp' || type.kind === 'timestamptz';
  const name = datetime ? `${type.kind}${add ? '+' : '-'}interval` : add ? '+' : '-';
  const targets = await kernelOf(name)({
    args: [sorted, new Array<SqlValue>(sorted.length).fill(offset)],
    argTypes: [type, offsetType],
    resultType: type.kind === 'date' ? { kind: 'timestamp' } : type,
    rowCount: sorted.length,
    ctx,
  });
  if (type.kind !== 'date') return { values: sorted, targets, type };
  // date ± interval is a timestamp: compare the dates as timestamps at midnight.
  const values = sorted.map((d) => (d === null ? null : BigInt(d as number) * MICROS_PER_DAY));
  return { values, targets, type: { kind: 'timestamp' } };
}
