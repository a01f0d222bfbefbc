import type { Catalog } from '../catalog/catalog.js';
import type { LogicalPlan, ScanNode } from '../planner/plan/logical-plan.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import type { EvalContext } from '../src/exec/eval-context.js';
import type { KeySet, OperatorStats, ScanRunner } from '../src/exec/operators/operator.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { type PruneResult, pruneParquet } from '../src/formats/parquet/prune-parquet.js';
import type { FileIO } from '../src/storage/file-io.js';
import type { FragmentContext } from './fragment-protocol.js';
import type { ScanPool } from './scan-pool.js';
import { footerAnswer } from './scan-footer-answer.js';
import { tableFiles } from './table-files.js';

/**
 * The main thread's scans: the table's format plans tasks (registered partitions, then
 * partition and row-group pruning on the pushed filters), the pool's workers decode
 * them and run the scan node (or the fragment over it), and the batches come back as
 * Arrow IPC, read here into the fragment's columns by position. An aggregate fragment
 * the footers answer exactly (count(*), min/max) reads no page at all.
 */
export class PoolScanRunner implements ScanRunner {
  constructor(
    private readonly pool: ScanPool,
    private readonly io: FileIO,
    private readonly ctx: EvalContext,
    private readonly memoryBytes: number,
    /** The session's catalogs by name: a partitioned table's registered partitions. */
    private readonly catalogs: ReadonlyMap<string, Catalog> = new Map(),
  ) {}

  async *open(
    scan: ScanNode,
    stats: OperatorStats,
    fragment?: LogicalPlan,
    keySets?: readonly KeySet[],
  ): AsyncGenerator<ColumnBatch> {
    const pruned = await this.plan(scan);
    recordPruning(stats, pruned);
    const answer = footerAnswer(fragment, scan, pruned);
    if (answer !== null) {
      // Footers only: no row group is read.
      stats.extra['footer'] = 1;
      stats.extra['row_groups'] = 0;
      stats.extra['bytes'] = 0;
      stats.extra['tasks'] = 0;
      yield answer;
      return;
    }
    const root = fragment ?? scan;
    // Taken when a scan opens, not per statement: most statements never scan.
    const context = fragmentContextOf(this.ctx);
    const spec = {
      root,
      scan,
      context,
      memoryBytes: this.memoryBytes,
      ...(keySets && keySets.length > 0 ? { keySets } : {}),
    };
    for await (const rb of this.pool.scan(pruned.tasks, this.ctx.signal, spec)) {
      const columns = root.columns.map((c, i) => {
        const v = rb.getChildAt(i);
        return v ? readBatchColumn(v, c.type) : [];
      });
      yield { columns, rowCount: rb.numRows };
    }
  }

  /** The table's files (of its registered partitions) pruned by the scan's pushed filters. */
  private async plan(scan: ScanNode): Promise<PruneResult> {
    const table = scan.table;
    const files = await tableFiles(table, {
      io: this.io,
      scanPool: this.pool,
      catalogs: this.catalogs,
    });
    const columnNames = new Map(scan.columns.map((c, i) => [c.id, scan.tableColumns[i] ?? '']));
    return pruneParquet({
      files,
      table,
      filters: scan.filters,
      columnNames,
      columns: scan.tableColumns,
    });
  }
}

/** EXPLAIN ANALYZE's scan figures: what is read and what pruning skipped. */
function recordPruning(stats: OperatorStats, pruned: PruneResult): void {
  const { files, rowGroups, bytes } = pruned;
  stats.extra['files'] = files.total - files.pruned;
  stats.extra['files_pruned'] = files.pruned;
  stats.extra['row_groups'] = rowGroups.total - rowGroups.pruned;
  stats.extra['row_groups_pruned'] = rowGroups.pruned;
  stats.extra['bytes'] = bytes.total - bytes.pruned;
  stats.extra['bytes_pruned'] = bytes.pruned;
  stats.extra['tasks'] = pruned.tasks.length;
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
    outer: ctx.outer,
  };
}
