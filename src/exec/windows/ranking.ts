import { LakeError } from '../../common/errors.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { WindowEvaluator, WindowInput } from './window-input.js';

/**
 * row_number, rank, dense_rank, percent_rank, cume_dist and ntile (PostgreSQL docs
 * §9.22), from the partition and peer bounds alone; the frame does not matter.
 */
const perPosition =
  (f: (w: WindowInput, p: number) => SqlValue): WindowEvaluator =>
  (w) => {
    const out = new Array<SqlValue>(w.sp.n);
    for (let p = 0; p < w.sp.n; p++) out[p] = f(w, p);
    return out;
  };

const denseRank: WindowEvaluator = (w) => {
  const out = new Array<SqlValue>(w.sp.n);
  let rank = 0;
  for (let p = 0; p < w.sp.n; p++) {
    if (p === w.sp.partStart[p]) rank = 0;
    if (p === w.sp.peerStart[p]) rank++;
    out[p] = BigInt(rank);
  }
  return out;
};

/** ntile(n): n buckets as equal as can be, the first N % n of them one row larger. */
const ntile: WindowEvaluator = (w) => {
  const out = new Array<SqlValue>(w.sp.n);
  const arg = w.args[0] ?? [];
  for (let ps = 0; ps < w.sp.n; ps = w.sp.partEnd[ps]!) {
    const pe = w.sp.partEnd[ps]!;
    // PostgreSQL reads the bucket count on the partition's first row.
    const v = arg[w.sp.order[ps]!] ?? null;
    if (v !== null && Number(v) <= 0) {
      throw new LakeError('22014', 'argument of ntile must be greater than zero');
    }
    const rows = pe - ps;
    const buckets = v === null ? 0 : Number(v);
    const per = Math.floor(rows / buckets);
    const extra = rows % buckets;
    for (let p = ps; p < pe; p++) {
      if (v === null) {
        out[p] = null;
        continue;
      }
      const r = p - ps;
      const big = extra * (per + 1);
      out[p] = r < big ? Math.floor(r / (per + 1)) + 1 : extra + Math.floor((r - big) / per) + 1;
    }
  }
  return out;
};

export const rankingFunctions: Record<string, WindowEvaluator> = {
  row_number: perPosition((w, p) => BigInt(p - w.sp.partStart[p]! + 1)),
  rank: perPosition((w, p) => BigInt(w.sp.peerStart[p]! - w.sp.partStart[p]! + 1)),
  dense_rank: denseRank,
  percent_rank: perPosition((w, p) => {
    const rows = w.sp.partEnd[p]! - w.sp.partStart[p]!;
    return rows <= 1 ? 0 : (w.sp.peerStart[p]! - w.sp.partStart[p]!) / (rows - 1);
  }),
  cume_dist: perPosition(
    (w, p) => (w.sp.peerEnd[p]! - w.sp.partStart[p]!) / (w.sp.partEnd[p]! - w.sp.partStart[p]!),
  ),
  ntile,
};
