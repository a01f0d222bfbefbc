import { type DataType, type RecordBatch, Type, tableFromIPC } from 'apache-arrow';
import { type SqlType, Types } from '../src/common/sql-types.js';
import { isStringType } from '../src/common/type-coercion.js';
import { castColumn } from '../src/exec/kernels/cast.js';
import type { ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlValue } from '../src/common/sql-value.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import type { EvalContext } from '../src/exec/eval-context.js';
import type { KeySet } from '../src/exec/operators/operator.js';
import { type KeyMembership, rowsWithKeys } from '../src/exec/operators/key-membership.js';
import { lowerExpr } from '../src/exec/lower-expr.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { andAll } from '../planner/plan/expr-visit.js';
import { compileFilter } from '../src/exec/vector/compile-vec-filter.js';
import { rowsWithEntries } from '../src/exec/vector/vec.js';
import { chunkColumn } from './chunk-column.js';
import type { TaskData } from './read-scan-task.js';
import {
  arrowColumn,
  materializeBatch,
  takeVecRows,
  valuesColumn,
  type LazyColumn,
  type VecBatch,
} from '../src/exec/vector/vec-batch.js';

/**
 * A decoded task's row groups (page reader) or Arrow batches as the scan node's columns
 * (a column the file lacks reads NULL), with the join key sets and then the node's
 * pushed filters applied exactly: pruning upstream only
 * skipped what could not match. Columns stay lazy (vec-batch.ts): the filter reads
 * the typed form of the columns it tests, and only its survivors become SqlValues.
 */
export async function* decodeScanVecBatches(
  data: TaskData,
  scan: ScanNode,
  ctx: EvalContext,
  keySets: readonly KeySet[] = [],
): AsyncGenerator<VecBatch> {
  const conjunction = andAll(scan.filters);
  const predicate = conjunction && compileFilter(lowerExpr(conjunction, scan.columns), ctx);
  for (const decoded of scanBatches(data, scan, ctx)) {
    ctx.checkCanceled();
    // The join's keys first: a bit test per row, usually the most selective test there
    // is, and the pushed filters then evaluate only the rows it keeps.
    const keyed = keySets.reduce((b, k) => takeVecRows(b, keptByKeys(b, k.index, k.keys)), decoded);
    const out = predicate ? takeVecRows(keyed, await predicate(keyed)) : keyed;
    if (out.rowCount > 0) yield out;
  }
}

function* scanBatches(data: TaskData, scan: ScanNode, ctx: EvalContext): Generator<VecBatch> {
  if (data.kind === 'ipc') {
    for (const batch of tableFromIPC(data.bytes).batches) yield arrowBatch(batch, scan, ctx);
    return;
  }
  for (const rg of data.rowGroups) {
    const columns = scan.columns.map((c, i): LazyColumn => {
      const name = scan.tableColumns[i] ?? c.name;
      if (Object.hasOwn(data.partitionValues, name))
        return partitionColumn(data.partitionValues[name] ?? null, c.type, rg.rows, ctx);
      const decoded = rg.columns.get(name);
      if (decoded === undefined)
        return valuesColumn(new Array<SqlValue>(rg.rows).fill(null), c.type);
      return chunkColumn(decoded, c.type);
    });
    yield { columns, rowCount: rg.rows };
  }
}

function arrowBatch(batch: RecordBatch, scan: ScanNode, ctx: EvalContext): VecBatch {
  const n = batch.numRows;
  const columns = scan.columns.map((c, i): LazyColumn => {
    const v = batch.getChild(scan.tableColumns[i] ?? c.name);
    if (!v) return valuesColumn(new Array<SqlValue>(n).fill(null), c.type);
    // Hive partition values arrive as text (they are folder names): cast to the column's type.
    if (
      (v.type as DataType).typeId === Type.Utf8 &&
      !isStringType(c.type) &&
      c.type.kind !== 'unknown'
    ) {
      return valuesColumn(
        castColumn(readBatchColumn(v, Types.text), Types.text, c.type, ctx),
        c.type,
      );
    }
    return arrowColumn(v, c.type);
  });
  return { columns, rowCount: n };
}

/** A Hive partition's value (a folder name, so text) as a constant column of the column's type. */
function partitionColumn(
  value: string | null,
  type: SqlType,
  rows: number,
  ctx: EvalContext,
): LazyColumn {
  const cast =
    value === null || isStringType(type) || type.kind === 'unknown'
      ? value
      : (castColumn([value], Types.text, type, ctx)[0] ?? null);
  return valuesColumn(new Array<SqlValue>(rows).fill(cast), type);
}

/**
 * The rows whose key column holds one of the keys (a join's dynamic filter). Only exact
 * integer columns are tested; any other form keeps every row, which is always correct:
 * the join itself still matches keys. A dictionary-encoded column tests each entry once.
 */
function keptByKeys(b: VecBatch, index: number, keys: KeyMembership): Int32Array {
  const column = b.columns[index]!;
  const dictionary = column.dictionary?.() ?? null;
  if (
    dictionary !== null &&
    dictionary.entries.kind === 'exact' &&
    dictionary.entries.scale === 0
  ) {
    const entries = dictionary.entries;
    const passing = rowsWithKeys(keys, entries.values, null, entries.values.length);
    return rowsWithEntries(dictionary, passing, null);
  }
  const v = column.vec();
  if (v.kind !== 'exact' || v.scale !== 0)
    return Int32Array.from({ length: b.rowCount }, (_, i) => i);
  return rowsWithKeys(keys, v.values, v.valid, b.rowCount);
}

/** The same batches as the engine's SqlValue columns. */
export async function* decodeScanBatches(
  data: TaskData,
  scan: ScanNode,
  ctx: EvalContext,
  keySets: readonly KeySet[] = [],
): AsyncGenerator<ColumnBatch> {
  for await (const b of decodeScanVecBatches(data, scan, ctx, keySets)) yield materializeBatch(b);
}
