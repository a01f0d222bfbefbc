import type { SqlValue } from '../../common/sql-value.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import type { ColumnBatch } from '../column-batch.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * A pg_catalog / information_schema relation: its rows come from the runtime
 * (rt.systemRows, which the engine answers from the catalog), read when the scan
 * starts and projected to `relationColumns`.
 */
export const buildSystemScan: OperatorBuilder<'system-scan'> = (node, rt) => {
  const stats = newStats();
  let rows: readonly (readonly SqlValue[])[] | null = null;
  let next = 0;
  const pull = (): Promise<ColumnBatch | null> => {
    rows ??= rt.systemRows(node.relation);
    if (next >= rows.length) return Promise.resolve(null);
    rt.ctx.checkCanceled();
    const end = Math.min(rows.length, next + MAX_BATCH_ROWS);
    const columns = node.relationColumns.map((c) => {
      const out = new Array<SqlValue>(end - next);
      for (let r = next; r < end; r++) out[r - next] = rows![r]![c] ?? null;
      return out;
    });
    const batch = { columns, rowCount: end - next };
    next = end;
    return Promise.resolve(batch);
  };
  return {
    stats,
    children: [],
    next: () => timed(stats, pull),
    close: () => {
      next = Infinity;
    },
  };
};
