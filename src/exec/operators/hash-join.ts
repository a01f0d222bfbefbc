import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { JoinNode, LogicalPlan } from '../../../planner/plan/logical-plan.js';
import { hashKeyColumn, type HashKey } from '../hash-keys.js';
import { keyFilterOf, sourceScanOf } from './key-filters.js';
import { lowerExpr } from '../lower-expr.js';
import { generatorOperator } from './generator-operator.js';
import { HashCursor, ListCursor, type CandidateCursor } from './join-candidates.js';
import { splitInComparison, splitJoinCondition } from './join-condition.js';
import {
  isThreeValued,
  JoinProber,
  needsProbeWhenEmpty,
  probesLeft,
  type JoinShape,
} from './join-prober.js';
import { JoinTable, keyColumn } from './join-table.js';
import { nestedLoopJoin } from './nested-loop-join.js';
import type { ExecRuntime, Operator, OperatorBuilder } from './operator.js';

/**
 * Joins: a hash join on the condition's `left = right` conjuncts, the rest a residual
 * tested on each candidate pair; a nested loop when there is no such conjunct.
 * The hash table is built on `buildSide` (the optimizer's choice) and the other side
 * is streamed batch by batch; single, mark and NOT IN joins always build on the right,
 * since their output is per left row. A semi or anti join built on the left marks its
 * rows as probe rows match them and emits them at the end (join-build-marks.ts).
 */
export const buildJoin: OperatorBuilder<'join'> = (node, rt) => {
  const leftWidth = node.left.columns.length;
  const condition =
    node.condition && lowerExpr(node.condition, [...node.left.columns, ...node.right.columns]);
  const keys = splitJoinCondition(condition, leftWidth);
  if (keys.left.length === 0) return nestedLoopJoin(node, condition, rt);

  const probeIsLeft = probesLeft(node);
  const threeValued = isThreeValued(node);
  // NOT IN / mark on one key with no residual: NULL outcomes are known from the keys alone.
  const nullsFromKeys = threeValued && keys.left.length === 1 && keys.residual === null;
  const inSplit = threeValued && !nullsFromKeys ? splitInComparison(condition, leftWidth) : null;
  const shape: JoinShape = {
    type: node.joinType,
    probeIsLeft,
    leftWidth,
    rightWidth: node.right.columns.length,
    filter: inSplit ? inSplit.filter : keys.residual,
    comparison: inSplit?.comparison ?? null,
    threeValued,
  };
  const [buildPlan, probePlan] = probeIsLeft ? [node.right, node.left] : [node.left, node.right];
  const [buildKeys, probeKeys] = probeIsLeft ? [keys.right, keys.left] : [keys.left, keys.right];
  const build = rt.build(buildPlan);
  const probe = rt.build(probePlan);
  const children: Operator[] = probeIsLeft ? [probe, build] : [build, probe];

  return generatorOperator(children, async function* (stats) {
    const table = await JoinTable.build(
      build,
      buildPlan.columns.length,
      buildKeys,
      rt.ctx,
      rt.memoryBytes,
    );
    stats.extra['buildRows'] = table.rowCount;
    filterProbeScan(node, rt, probePlan, probeKeys, buildKeys, table);
    const prober = new JoinProber(shape, table, rt.ctx);
    const marks = prober.marks;
    // Without a residual a key match is a match: marking needs no candidate pairs.
    const marksByKey = marks !== null && shape.filter === null;
    const probing = table.rowCount > 0 || needsProbeWhenEmpty(node.joinType, probeIsLeft);
    if (probing && !marks?.done) {
      for (let b = await probe.next(); b; b = await probe.next()) {
        rt.ctx.checkCanceled();
        const k = await keyColumn(probeKeys, b, rt.ctx);
        if (marksByKey) marks.markKeys(k);
        else {
          const sawNull = nullsFromKeys ? keyNulls(k, table) : null;
          const cursor: CandidateCursor =
            threeValued && !nullsFromKeys ? nullAwareCursor(k, table) : new HashCursor(k, table);
          yield* prober.probe(b, cursor, sawNull);
        }
        if (marks?.done) break;
      }
    }
    probe.close();
    yield* prober.finish();
  });
};

/**
 * One key, no residual: `x IN (...)` is NULL for an unmatched x when x is NULL (and
 * the build side has rows) or when the build side holds a NULL key.
 */
function keyNulls(keys: readonly HashKey[], table: JoinTable): Uint8Array {
  const out = new Uint8Array(keys.length);
  if (table.rowCount === 0) return out;
  if (table.nullKeyRows.length > 0) return out.fill(1);
  for (let i = 0; i < keys.length; i++) if (keys[i] === null) out[i] = 1;
  return out;
}

/**
 * The general NOT IN / mark case: a row's candidates are its key matches plus every
 * build row with a NULL key; a row with a NULL key is tested against every build row.
 * Any other build row differs in a key, so its IN comparison is false.
 */
function nullAwareCursor(keys: readonly HashKey[], table: JoinTable): CandidateCursor {
  let all: number[] | null = null;
  return new ListCursor(keys.length, (row) => {
    const k = keys[row]!;
    if (k === null) return (all ??= Array.from({ length: table.rowCount }, (_, i) => i));
    const list: number[] = [];
    for (let at = table.first(k); at >= 0; at = table.next[at]!) list.push(at);
    return table.nullKeyRows.length > 0 ? list.concat(table.nullKeyRows) : list;
  });
}

/**
 * Dynamic filtering (key-filters.ts): an inner or semi join drops every probe row
 * without a match, so the scan each key column comes from may drop them first. A semi
 * or anti join built on its left only asks which left rows some right row matches, so
 * a right row without a match changes nothing and may be dropped too (TPC-H Q22: the
 * orders of customers other than the 19K). NOT IN never builds on the left. With
 * several keys each column is filtered on its own keys: a row whose value in one key
 * column no build row has cannot match either.
 */
function filterProbeScan(
  node: JoinNode,
  rt: ExecRuntime,
  probePlan: LogicalPlan,
  probeKeys: readonly BoundExpr[],
  buildKeys: readonly BoundExpr[],
  table: JoinTable,
): void {
  const t = node.joinType;
  const buildsLeftRows = (t === 'semi' || t === 'anti') && !probesLeft(node);
  const dropsUnmatched = t === 'inner' || (t === 'semi' && !node.nullAware) || buildsLeftRows;
  if (!rt.keyFilters || !dropsUnmatched) return;
  probeKeys.forEach((key, i) => {
    if (key.kind !== 'column') return;
    const id = probePlan.columns[key.index]?.id;
    const source = id === undefined ? null : sourceScanOf(probePlan, id);
    if (source === null) return;
    const keys = probeKeys.length === 1 ? table.keys : buildKeyColumn(buildKeys[i], table);
    const filter = keys === null ? null : keyFilterOf(key.type, keys);
    rt.keyFilters?.set(source.scan, node, source.index, filter);
  });
}

/** One key column's hash keys over the build rows, when the key is a plain column. */
function buildKeyColumn(key: BoundExpr | undefined, table: JoinTable): HashKey[] | null {
  if (key?.kind !== 'column') return null;
  const values = table.columns[key.index];
  return values ? hashKeyColumn([values], [key.type], table.rowCount, false) : null;
}
