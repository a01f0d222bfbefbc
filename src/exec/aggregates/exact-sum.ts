import type { SqlValue } from '../../common/sql-value.js';
import { formatDecimal, parseDecimal, pow10n } from '../../common/values/decimal-text.js';

/** Beyond this a double no longer holds every integer exactly, so the part moves to bigint. */
const SAFE = 2 ** 52;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Exact sums of decimals per group, for sum/avg/stddev over integers and numeric.
 * numeric values arrive as decimal text; each group keeps its total as an unscaled
 * integer at the largest scale seen (PostgreSQL's add_var keeps the larger dscale), held in
 * a double while it stays below 2^52 and spilled to a bigint beyond, so the common
 * case never allocates. NaN and ±Infinity are counted apart, as numeric.c's
 * NumericAggState does, so removal (sliding windows) stays exact too.
 */
/** A numeric state value as text (int8 states arrive as bigint). */
export const decimalText = (v: SqlValue): string =>
  typeof v === 'string' ? v : (v as number | bigint).toString();

export class ExactSum {
  /**
   * Per-group state in typed arrays grown by doubling, so a million groups cost a few
   * array copies and nothing for the collector to trace; the rare parts (a total past
   * 2^52, NaN and infinities) live in maps of the groups that have them.
   */
  private scales = new Int32Array(0);
  private small = new Float64Array(0);
  private rows = new Float64Array(0);
  private readonly big = new Map<number, bigint>();
  private readonly nan = new Map<number, number>();
  private readonly pinf = new Map<number, number>();
  private readonly ninf = new Map<number, number>();
  /** Groups [0, groupCount) exist. */
  groupCount = 0;
  /**
   * With removal (sliding windows) the result's scale is the largest among the rows
   * still in the frame, as PostgreSQL's maxScale/maxScaleCount bookkeeping gives; so
   * count rows per scale. Off for plain grouping, where scales only grow.
   */
  private readonly scaleRows: Map<number, number>[] | null;

  constructor(trackScales = false) {
    this.scaleRows = trackScales ? [] : null;
  }

  grow(count: number): void {
    if (count <= this.groupCount) return;
    if (count > this.rows.length) {
      const capacity = Math.max(count, 2 * this.rows.length, 16);
      this.scales = grown(this.scales, new Int32Array(capacity));
      this.small = grown(this.small, new Float64Array(capacity));
      this.rows = grown(this.rows, new Float64Array(capacity));
    }
    this.groupCount = count;
  }

  /** Rows added to group g (non-null inputs). */
  count(g: number): number {
    return this.rows[g]!;
  }

  /** The scale group g's total is kept at. */
  scaleOf(g: number): number {
    return this.scales[g]!;
  }

  /** Adds sign × u × 10^-s, u an integer that a double holds exactly. */
  addScaled(g: number, u: number, s: number, sign: number): void {
    this.rows[g]! += sign;
    if (this.scaleRows !== null) this.countScale(g, s, sign);
    let gs = this.scales[g]!;
    if (s > gs) {
      this.rescale(g, s);
      gs = s;
    }
    if (s < gs) {
      const f = POW10[gs - s];
      const v = f === undefined ? Infinity : u * f;
      if (Math.abs(v) >= SAFE) {
        this.addToBig(g, BigInt(sign * u) * pow10n(gs - s));
        return;
      }
      u = v;
    }
    const t = (this.small[g] as number) + sign * u;
    if (t >= SAFE || t <= -SAFE) {
      this.addToBig(g, BigInt(t));
      this.small[g] = 0;
    } else this.small[g] = t;
  }

  /** Adds a batch's exact total `u` × 10^-s of `rows` rows (plain grouping only, no removal). */
  addTotal(g: number, u: number, s: number, rows: number): void {
    this.addScaled(g, u, s, 1);
    this.rows[g]! += rows - 1;
  }

  /** addTotal for a total past 2^53. */
  addBigTotal(g: number, u: bigint, s: number, rows: number): void {
    this.addBig(g, u, s, 1);
    this.rows[g]! += rows - 1;
  }

  addBig(g: number, u: bigint, s: number, sign: number): void {
    this.rows[g]! += sign;
    if (this.scaleRows !== null) this.countScale(g, s, sign);
    const gs = this.scales[g]!;
    if (s > gs) this.rescale(g, s);
    const shift = this.scales[g]! - s;
    const v = shift === 0 ? u : u * pow10n(shift);
    this.addToBig(g, sign > 0 ? v : -v);
  }

  /** Adds (sign 1) or removes (sign -1) a numeric value given as decimal text. */
  addText(g: number, text: string, sign: number): void {
    // Fast path: canonical text with at most 15 digits parses into a double exactly.
    let u = 0;
    let digits = 0;
    let dot = -1;
    let neg = false;
    let ok = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        u = u * 10 + (c - 48);
        digits++;
      } else if (c === 46 && dot < 0) dot = digits;
      else if (c === 45 && i === 0) neg = true;
      else {
        ok = false;
        break;
      }
    }
    if (ok && digits > 0 && digits <= 15) {
      this.addScaled(g, neg ? -u : u, dot < 0 ? 0 : digits - dot, sign);
      return;
    }
    const d = parseDecimal(text);
    if (d === null) return;
    if (typeof d === 'string') {
      this.rows[g]! += sign;
      const counts = d === 'NaN' ? this.nan : d === 'Infinity' ? this.pinf : this.ninf;
      counts.set(g, (counts.get(g) ?? 0) + sign);
      return;
    }
    this.addBig(g, d.unscaled, d.scale, sign);
  }

  /** Adds another group's total (partial aggregation's merge): text plus its row count. */
  mergeText(g: number, text: string, rows: number): void {
    this.addText(g, text, 1);
    this.rows[g]! += rows - 1;
  }

  /** The exact total of group g as unscaled bigint at `scale[g]`, or a special value. */
  unscaled(g: number): bigint {
    return (this.big.get(g) ?? 0n) + BigInt(this.small[g]!);
  }

  /**
   * The total as an unscaled integer in a double (at `scaleOf(g)`) when it is one, with
   * no bigint part and no special value: what a partial state ships (sum-avg.ts).
   */
  smallTotal(g: number): number | null {
    return (this.big.get(g) ?? 0n) === 0n && this.special(g) === null ? this.small[g]! : null;
  }

  /** The total as a plain integer when it is one that a double holds (the common case), else null. */
  smallInteger(g: number): number | null {
    return (this.big.get(g) ?? 0n) === 0n && this.scales[g] === 0 && this.special(g) === null
      ? this.small[g]!
      : null;
  }

  special(g: number): 'NaN' | 'Infinity' | '-Infinity' | null {
    if (this.nan.size + this.pinf.size + this.ninf.size === 0) return null;
    const p = (this.pinf.get(g) ?? 0) > 0;
    const m = (this.ninf.get(g) ?? 0) > 0;
    if ((this.nan.get(g) ?? 0) > 0 || (p && m)) return 'NaN';
    return p ? 'Infinity' : m ? '-Infinity' : null;
  }

  /** The total as numeric text (at the group's scale), or null when no rows were added. */
  text(g: number): string | null {
    if (this.rows[g]! === 0) return null;
    const special = this.special(g);
    if (special !== null) return special;
    const s = this.scales[g]!;
    const eff = this.effectiveScale(g);
    // The digits below the effective scale are zero: every row left has a smaller scale.
    const u = this.unscaled(g);
    return formatDecimal(eff === s ? u : u / pow10n(s - eff), eff);
  }

  private effectiveScale(g: number): number {
    const counts = this.scaleRows?.[g];
    if (counts === undefined) return this.scales[g]!;
    let best = 0;
    for (const [s, c] of counts) if (c > 0 && s > best) best = s;
    return best;
  }

  private countScale(g: number, s: number, sign: number): void {
    const rows = this.scaleRows as Map<number, number>[];
    let m = rows[g];
    if (m === undefined) rows[g] = m = new Map<number, number>();
    m.set(s, (m.get(s) ?? 0) + sign);
  }

  private rescale(g: number, s: number): void {
    const by = s - this.scales[g]!;
    this.big.set(g, this.unscaled(g) * pow10n(by));
    this.small[g] = 0;
    this.scales[g] = s;
  }

  private addToBig(g: number, v: bigint): void {
    this.big.set(g, (this.big.get(g) ?? 0n) + v);
  }
}

/** `to` (a larger array) holding `from`'s values first. */
function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
