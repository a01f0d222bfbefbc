import { type DataType, Type, tableFromIPC } from 'apache-arrow';
import { Types } from '../src/common/sql-types.js';
import { isStringType } from '../src/common/type-coercion.js';
import { castColumn } from '../src/exec/kernels/cast.js';
import type { ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlValue } from '../src/common/sql-value.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import type { EvalContext } from '../src/exec/eval-context.js';
import { filterBatch } from '../src/exec/filter-batch.js';
import { lowerExpr } from '../src/exec/lower-expr.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { andAll } from '../planner/plan/expr-visit.js';

/**
 * A decoded task's Arrow batches as the scan node's columns (a column the file lacks
 * reads NULL), with the node's pushed filters applied exactly: pruning upstream
 * only skipped what could not match.
 */
export async function* decodeScanBatches(
  ipc: Uint8Array,
  scan: ScanNode,
  ctx: EvalContext,
): AsyncGenerator<ColumnBatch> {
  const conjunction = andAll(scan.filters);
  const predicate = conjunction && lowerExpr(conjunction, scan.columns);
  for (const batch of tableFromIPC(ipc).batches) {
    ctx.checkCanceled();
    const columns = scan.columns.map((c, i) => {
      const v = batch.getChild(scan.tableColumns[i] ?? c.name);
      if (!v) return new Array<SqlValue>(batch.numRows).fill(null);
      // Hive partition values arrive as text (they are folder names): cast to the column's type.
      if (
        (v.type as DataType).typeId === Type.Utf8 &&
        !isStringType(c.type) &&
        c.type.kind !== 'unknown'
      ) {
        return castColumn(readBatchColumn(v, Types.text), Types.text, c.type, ctx);
      }
      return readBatchColumn(v, c.type);
    });
    const decoded: ColumnBatch = { columns, rowCount: batch.numRows };
    const out = predicate ? await filterBatch(decoded, predicate, ctx) : decoded;
    if (out.rowCount > 0) yield out;
  }
}
