import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { yieldIfDue } from '../yield-if-due.js';
import type { JoinNode, JoinType } from '../../../planner/plan/logical-plan.js';
import { LakeError } from '../../common/errors.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { gatherColumn, takeRows, type ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { evaluate } from '../evaluate-expr.js';
import { BuildMarks } from './join-build-marks.js';
import type { CandidateCursor } from './join-candidates.js';
import { columnsRead } from './join-condition.js';
import type { JoinTable } from './join-table.js';

/** How a join combines candidate pairs into output (shared by hash and nested-loop joins). */
export interface JoinShape {
  readonly type: JoinType;
  /**
   * The probe (streamed) side is the left input; single, mark and NOT IN always probe
   * left, semi and anti joins probe the right when built on the left (join-build-marks.ts).
   */
  readonly probeIsLeft: boolean;
  readonly leftWidth: number;
  readonly rightWidth: number;
  /** Evaluated over candidate pairs (left columns, then right); only true matches. */
  readonly filter: BoundExpr | null;
  /**
   * NOT IN and mark joins: the IN comparison, evaluated over the pairs that pass
   * `filter`; true matches, and NULL makes the probe row's outcome NULL (mark) or
   * drops it (anti). Null when there is none to evaluate (the hash keys decided it).
   */
  readonly comparison: BoundExpr | null;
  readonly threeValued: boolean;
}

/**
 * The join semantics over candidate pairs (JoinType in logical-plan.ts): pairs whose
 * filter is true match; probe rows are emitted per batch (pairs as they come, then
 * unmatched rows for an outer probe side, or the semi/anti/mark rows), and build rows
 * no probe row matched at the end for an outer build side.
 */
export class JoinProber {
  private readonly buildMatched: Uint8Array | null;
  /** A semi or anti join built on its left: the left rows matched so far. */
  readonly marks: BuildMarks | null;
  private readonly p = new Int32Array(MAX_BATCH_ROWS);
  private readonly b = new Int32Array(MAX_BATCH_ROWS);
  private readonly filterColumns: Set<number> | null;
  private readonly comparisonColumns: Set<number> | null;

  constructor(
    private readonly shape: JoinShape,
    private readonly table: JoinTable,
    private readonly ctx: EvalContext,
  ) {
    const t = shape.type;
    const buildOuter = shape.probeIsLeft
      ? t === 'right' || t === 'full'
      : t === 'left' || t === 'full';
    this.buildMatched = buildOuter ? new Uint8Array(table.rowCount) : null;
    this.marks =
      !shape.probeIsLeft && (t === 'semi' || t === 'anti') ? new BuildMarks(table) : null;
    this.filterColumns = shape.filter ? columnsRead(shape.filter) : null;
    this.comparisonColumns = shape.comparison ? columnsRead(shape.comparison) : null;
  }

  /**
   * The output for one probe batch. `sawNull` may come preset (a NOT IN whose NULL
   * outcomes are known without pairing rows).
   */
  async *probe(
    batch: ColumnBatch,
    cursor: CandidateCursor,
    sawNull: Uint8Array | null = null,
  ): AsyncGenerator<ColumnBatch> {
    const { type, threeValued } = this.shape;
    const matched = new Uint8Array(batch.rowCount);
    const nulls = threeValued ? (sawNull ?? new Uint8Array(batch.rowCount)) : null;
    const emitsPairs = type !== 'semi' && type !== 'anti' && type !== 'mark';
    const marks = this.marks;
    for (let n = cursor.fill(this.p, this.b, MAX_BATCH_ROWS); n > 0;) {
      await yieldIfDue();
      this.ctx.checkCanceled();
      const p = this.p;
      const b = this.b;
      if (marks) {
        marks.mark(b, await this.survivors(batch, marks.unmatched(p, b, n), nulls));
        if (marks.done) return;
        n = cursor.fill(p, b, MAX_BATCH_ROWS);
        continue;
      }
      const kept = await this.survivors(batch, n, nulls);
      for (let i = 0; i < kept; i++) {
        const row = p[i]!;
        if (matched[row] === 1 && type === 'single') throw moreThanOneRow();
        matched[row] = 1;
      }
      if (this.buildMatched) for (let i = 0; i < kept; i++) this.buildMatched[b[i]!] = 1;
      if (emitsPairs && kept > 0) yield this.pairs(batch, p.subarray(0, kept), b.subarray(0, kept));
      n = cursor.fill(this.p, this.b, MAX_BATCH_ROWS);
    }
    if (marks) return;
    const rest = this.probeRowsOut(batch, matched, nulls);
    if (rest) yield rest;
  }

  /**
   * Build rows no probe row matched, the other side NULL (an outer build side); or a
   * semi/anti join's left rows, when built on the left.
   */
  *finish(): Generator<ColumnBatch> {
    if (this.marks) {
      yield* this.marks.rows(this.shape.type === 'semi');
      return;
    }
    const matched = this.buildMatched;
    if (!matched) return;
    let rows: number[] = [];
    for (let i = 0; i < matched.length; i++) {
      if (matched[i] === 0) rows.push(i);
      if (rows.length === MAX_BATCH_ROWS || (i === matched.length - 1 && rows.length > 0)) {
        yield this.pairs(null, new Int32Array(rows.length).fill(-1), rows);
        rows = [];
      }
    }
  }

  /**
   * Compacts the first `n` pairs to those whose filter (and comparison) is true;
   * records NULL comparisons in `nulls`.
   */
  private async survivors(
    batch: ColumnBatch,
    n: number,
    nulls: Uint8Array | null,
  ): Promise<number> {
    const { filter, comparison } = this.shape;
    let kept = n;
    if (filter) kept = await this.keep(batch, kept, filter, this.filterColumns, null);
    if (comparison) kept = await this.keep(batch, kept, comparison, this.comparisonColumns, nulls);
    return kept;
  }

  private async keep(
    batch: ColumnBatch,
    n: number,
    e: BoundExpr,
    only: Set<number> | null,
    nulls: Uint8Array | null,
  ): Promise<number> {
    if (n === 0) return 0;
    const ok = await evaluate(
      e,
      this.pairs(batch, this.p.subarray(0, n), this.b.subarray(0, n), only),
      this.ctx,
    );
    const p = this.p;
    const b = this.b;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const v = ok[i];
      if (v === true) {
        p[kept] = p[i]!;
        b[kept] = b[i]!;
        kept++;
      } else if (v === null && nulls) nulls[p[i]!] = 1;
    }
    return kept;
  }

  /**
   * Output rows from pairs: left columns then right, -1 meaning NULL. `only` limits
   * the columns filled (a filter's inputs); the others are left empty.
   */
  private pairs(
    batch: ColumnBatch | null,
    p: ArrayLike<number>,
    b: ArrayLike<number>,
    only: Set<number> | null = null,
  ): ColumnBatch {
    const { probeIsLeft, leftWidth, rightWidth } = this.shape;
    const probeCols = batch?.columns ?? [];
    const columns: (readonly SqlValue[])[] = [];
    const width = leftWidth + rightWidth;
    for (let c = 0; c < width; c++) {
      if (only && !only.has(c)) {
        columns.push([]);
        continue;
      }
      const isLeft = c < leftWidth;
      const fromProbe = isLeft === probeIsLeft;
      const index = isLeft ? c : c - leftWidth;
      columns.push(
        fromProbe
          ? gatherColumn(probeCols[index] ?? [], p)
          : gatherColumn(this.table.columns[index] ?? [], b),
      );
    }
    return { columns, rowCount: p.length };
  }

  /** After a probe batch's pairs: its unmatched rows (outer probe side), or semi/anti/mark rows. */
  private probeRowsOut(
    batch: ColumnBatch,
    matched: Uint8Array,
    nulls: Uint8Array | null,
  ): ColumnBatch | null {
    const { type, probeIsLeft } = this.shape;
    const rows: number[] = [];
    switch (type) {
      case 'semi':
        for (let i = 0; i < batch.rowCount; i++) if (matched[i] === 1) rows.push(i);
        return rows.length > 0 ? takeRows(batch, rows) : null;
      case 'anti':
        for (let i = 0; i < batch.rowCount; i++) {
          if (matched[i] === 0 && (nulls === null || nulls[i] === 0)) rows.push(i);
        }
        return rows.length > 0 ? takeRows(batch, rows) : null;
      case 'mark': {
        const mark = new Array<SqlValue>(batch.rowCount);
        for (let i = 0; i < batch.rowCount; i++) {
          mark[i] = matched[i] === 1 ? true : nulls !== null && nulls[i] === 1 ? null : false;
        }
        return { columns: [...batch.columns, mark], rowCount: batch.rowCount };
      }
      default:
        break;
    }
    const probeOuter = probeIsLeft
      ? type === 'left' || type === 'full' || type === 'single'
      : type === 'right' || type === 'full';
    if (!probeOuter) return null;
    for (let i = 0; i < batch.rowCount; i++) if (matched[i] === 0) rows.push(i);
    if (rows.length === 0) return null;
    return this.pairs(batch, rows, new Int32Array(rows.length).fill(-1));
  }
}

/**
 * Single and mark joins emit per left row, so they always probe the left side; so does
 * NOT IN (whose NULL rules look at the whole right side per left row). Semi and anti
 * joins may build either side: built on the left, they mark its rows (join-build-marks.ts).
 */
export function probesLeft(node: JoinNode): boolean {
  const t = node.joinType;
  return t === 'single' || t === 'mark' || isThreeValued(node) || node.buildSide === 'right';
}

/**
 * IN-style mark joins (`x IN (...)` under OR) and NOT IN: a NULL comparison makes the
 * outcome NULL. An EXISTS mark join (nullAware false) is plain true/false.
 */
export function isThreeValued(node: JoinNode): boolean {
  return (node.joinType === 'mark' || node.joinType === 'anti') && node.nullAware;
}

/** Whether an empty build side can still produce rows from the probe side. */
export function needsProbeWhenEmpty(type: JoinType, probeIsLeft: boolean): boolean {
  switch (type) {
    case 'inner':
    case 'cross':
    case 'semi':
      return false;
    case 'anti':
      return probeIsLeft;
    case 'left':
      return probeIsLeft;
    case 'right':
      return !probeIsLeft;
    default:
      return true;
  }
}

function moreThanOneRow(): LakeError {
  return new LakeError(
    SqlState.cardinalityViolation,
    'more than one row returned by a subquery used as an expression',
  );
}
