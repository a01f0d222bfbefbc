import { type DataType, type RecordBatch, Type, tableFromIPC } from 'apache-arrow';
import type { SqlType } from '../src/common/sql-types.js';
import { chunkColumn } from './chunk-column.js';
import type { TaskData } from './read-scan-task.js';
import { Types } from '../src/common/sql-types.js';
import { isStringType } from '../src/common/type-coercion.js';
import { castColumn } from '../src/exec/kernels/cast.js';
import type { ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlValue } from '../src/common/sql-value.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import type { EvalContext } from '../src/exec/eval-context.js';
import type { KeySet } from '../src/exec/operators/operator.js';
import { lowerExpr } from '../src/exec/lower-expr.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { andAll } from '../planner/plan/expr-visit.js';
import { compileFilter } from '../src/exec/vector/compile-vec-filter.js';
import {
  arrowColumn,
  materializeBatch,
  takeVecRows,
  valuesColumn,
  type LazyColumn,
  type VecBatch,
} from '../src/exec/vector/vec-batch.js';

/**
 * A decoded task's Arrow batches as the scan node's columns (a column the file lacks
 * reads NULL), with the node's pushed filters applied exactly: pruning upstream only
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
  const keyTests = keySets.map((k) => ({ index: k.index, keys: new Set(k.keys) }));
  for (const decoded of scanBatches(data, scan, ctx)) {
    ctx.checkCanceled();
    const filtered = predicate ? takeVecRows(decoded, await predicate(decoded)) : decoded;
    const out = keyTests.reduce((b, t) => takeVecRows(b, keptByKeys(b, t.index, t.keys)), filtered);
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
 * The rows whose key column holds one of `keys` (a join's dynamic filter). Only exact
 * integer columns are tested; any other form keeps every row, which is always correct:
 * the join itself still matches keys.
 */
function keptByKeys(b: VecBatch, index: number, keys: ReadonlySet<number>): Int32Array {
  const v = b.columns[index]!.vec();
  const rows = new Int32Array(b.rowCount);
  let n = 0;
  if (v.kind !== 'exact' || v.scale !== 0) {
    for (let i = 0; i < b.rowCount; i++) rows[i] = i;
    return rows;
  }
  for (let i = 0; i < b.rowCount; i++) {
    if ((v.valid === null || v.valid[i] === 1) && keys.has(v.values[i]!)) rows[n++] = i;
  }
  return rows.subarray(0, n);
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
