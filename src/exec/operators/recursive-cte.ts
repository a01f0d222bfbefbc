import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { takeRows, type ColumnBatch } from '../column-batch.js';
import { encodeRowKey } from '../hash-keys.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { newStats, type Operator, type OperatorBuilder } from './operator.js';
import { timed } from './timed.js';

/**
 * WITH RECURSIVE (PostgreSQL docs §7.8.2): emit the anchor's rows, then run the
 * recursive term over the previous iteration's rows (the work table) until it yields
 * none. With UNION (not ALL) rows already produced are discarded, which is also what
 * makes a cyclic graph walk terminate.
 */
export const buildRecursiveCte: OperatorBuilder<'recursive-cte'> = (node, rt) => {
  const stats = newStats();
  const seen = node.distinct ? new Set<string>() : null;
  const limit = new RowBufferLimit(rt.memoryBytes, 'WITH RECURSIVE');
  let current: Operator = rt.build(node.anchor);
  let produced: ColumnBatch[] = [];
  let done = false;

  const keepNew = (b: ColumnBatch): ColumnBatch => {
    if (!seen) return b;
    const rows: number[] = [];
    for (let r = 0; r < b.rowCount; r++) {
      const key = encodeRowKey(b.columns, r);
      if (!seen.has(key)) {
        seen.add(key);
        rows.push(r);
      }
    }
    return rows.length === b.rowCount ? b : takeRows(b, rows);
  };

  const pull = async (): Promise<ColumnBatch | null> => {
    while (!done) {
      rt.ctx.checkCanceled();
      const b = await current.next();
      if (b) {
        const fresh = keepNew(b);
        if (fresh.rowCount === 0) continue;
        limit.add(fresh);
        produced.push(fresh);
        return fresh;
      }
      current.close();
      if (produced.length === 0) {
        done = true;
        break;
      }
      rt.workTables.set(node.cteId, produced);
      produced = [];
      current = rt.build(node.recursive);
    }
    return null;
  };
  return {
    stats,
    get children() {
      return [current];
    },
    next: () => timed(stats, pull),
    close: () => {
      done = true;
      current.close();
    },
  };
};

/** The recursive term's read of the previous iteration's rows. */
export const buildWorkTableScan: OperatorBuilder<'work-table-scan'> = (node, rt) => {
  const stats = newStats();
  const batches = rt.workTables.get(node.cteId);
  if (!batches) {
    throw new LakeError(SqlState.internalError, `work table ${node.cteId} read outside its CTE`);
  }
  let i = 0;
  return {
    stats,
    children: [],
    next: () => timed(stats, () => Promise.resolve(batches[i++] ?? null)),
    close: () => void (i = batches.length),
  };
};
