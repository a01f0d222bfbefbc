import type { WindowFrame } from '../../../planner/plan/logical-plan.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Column } from '../aggregates/grouped-aggregate.js';
import type { EvalContext } from '../eval-context.js';
import type { FrameBounds } from './frame-bounds.js';
import type { SortedPartitions } from './sorted-partitions.js';

/** What computing one window call over all rows needs. Results are by sorted position. */
export interface WindowInput {
  readonly fn: string;
  readonly sp: SortedPartitions;
  /** Argument columns evaluated over all rows, indexed by row (not position). */
  readonly args: readonly Column[];
  readonly frame: WindowFrame;
  readonly bounds: FrameBounds;
  readonly ignoreNulls: boolean;
  readonly filter: Column | null;
  readonly ctx: EvalContext;
}

export type WindowEvaluator = (w: WindowInput) => SqlValue[] | Promise<SqlValue[]>;

/**
 * The frame of position p as up to two position ranges, after EXCLUDE: CURRENT ROW
 * drops p, GROUP drops p's peers, TIES drops the peers but p. Written into `out` as
 * [s0, e0, s1, e1] (an empty range has s >= e), with `p` itself re-added by TIES as
 * a third range [p, p + 1) in out[4..5]. In frame order the ranges are SEGMENT_ORDER.
 */
export function frameSegments(w: WindowInput, p: number, out: Int32Array): void {
  const s = w.bounds.start[p]!;
  const e = w.bounds.end[p]!;
  out[4] = 0;
  out[5] = 0;
  let xs = 0;
  let xe = 0;
  switch (w.frame.exclude) {
    case 'no-others':
      out[0] = s;
      out[1] = e;
      out[2] = 0;
      out[3] = 0;
      return;
    case 'current-row':
      xs = p;
      xe = p + 1;
      break;
    case 'group':
    case 'ties':
      xs = w.sp.peerStart[p]!;
      xe = w.sp.peerEnd[p]!;
      break;
  }
  out[0] = s;
  out[1] = Math.min(e, xs);
  out[2] = Math.max(s, xe);
  out[3] = e;
  if (w.frame.exclude === 'ties' && p >= s && p < e) {
    // Keep the current row, in its sorted place: between the two ranges.
    out[4] = p;
    out[5] = p + 1;
  }
}

/** The start offsets into frameSegments' output, in frame order. */
export const SEGMENT_ORDER = [0, 4, 2] as const;
