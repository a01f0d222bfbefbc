import type { LogicalPlan, ScanNode } from '../planner/plan/logical-plan.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import type { EvalContext } from '../src/exec/eval-context.js';
import type { OperatorStats, ScanRunner } from '../src/exec/operators/operator.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { planParquetScan } from '../src/formats/parquet/plan-parquet-scan.js';
import type { FileIO } from '../src/storage/file-io.js';
import type { FragmentContext } from './fragment-protocol.js';
import type { ScanPool } from './scan-pool.js';

/**
 * The main thread's scans: the table's format plans tasks, the pool's workers decode
 * them and run the scan node (or the fragment over it), and the batches come back as
 * Arrow IPC, read here into the fragment's columns by position.
 */
export class PoolScanRunner implements ScanRunner {
  constructor(
    private readonly pool: ScanPool,
    private readonly io: FileIO,
    private readonly ctx: EvalContext,
    private readonly context: FragmentContext,
    private readonly memoryBytes: number,
  ) {}

  async *open(
    scan: ScanNode,
    stats: OperatorStats,
    fragment?: LogicalPlan,
  ): AsyncGenerator<ColumnBatch> {
    const tasks = await planParquetScan(
      scan.table,
      this.io,
      scan.tableColumns,
      this.pool.readFooters,
    );
    stats.extra['files'] = new Set(tasks.map((t) => t.file)).size;
    stats.extra['tasks'] = tasks.length;
    stats.extra['bytes'] = tasks.reduce((n, t) => n + t.fileSize, 0);
    const root = fragment ?? scan;
    const spec = { root, scan, context: this.context, memoryBytes: this.memoryBytes };
    for await (const rb of this.pool.scan(tasks, this.ctx.signal, spec)) {
      const columns = root.columns.map((c, i) => {
        const v = rb.getChildAt(i);
        return v ? readBatchColumn(v, c.type) : [];
      });
      yield { columns, rowCount: rb.numRows };
    }
  }
}

/** The statement facts a worker's expressions read: a snapshot of the session's context. */
export function fragmentContextOf(ctx: EvalContext): FragmentContext {
  return {
    params: ctx.params,
    timeZone: ctx.timeZone,
    extraFloatDigits: ctx.extraFloatDigits,
    statementStartMicros: ctx.statementStartMicros,
    user: ctx.session.user,
    database: ctx.session.database,
    backendPid: ctx.session.backendPid,
    version: ctx.session.version,
    currentSchema: ctx.session.currentSchema(),
  };
}
