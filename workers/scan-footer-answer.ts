import type { AggregateNode, LogicalPlan, ScanNode } from '../planner/plan/logical-plan.js';
import type { SqlValue } from '../src/common/sql-value.js';
import type { ColumnBatch } from '../src/exec/column-batch.js';
import { footerExtreme, footerRowCount } from '../src/formats/parquet/footer-aggregates.js';
import type { PruneResult } from '../src/formats/parquet/prune-parquet.js';

/**
 * The partial-aggregate fragment over a scan answered from Parquet footers, without
 * reading a page: `count(*)` from row-group row counts, `min`/`max` of a column from
 * exact statistics or partition values. Only when every pushed filter was decided
 * exactly by partition pruning. Returns the one row of partial states the merge
 * aggregate expects (count: int8; min/max: the value), or null to scan instead.
 */
export function footerAnswer(
  fragment: LogicalPlan | undefined,
  scan: ScanNode,
  pruned: PruneResult,
): ColumnBatch | null {
  if (!isPlainAggregate(fragment, scan)) return null;
  const filterCount = scan.filters.length;
  const columnOf = new Map(scan.columns.map((c, i) => [c.id, scan.tableColumns[i] ?? '']));
  const states: SqlValue[][] = [];
  for (const call of fragment.aggregates) {
    if (call.filter !== null || call.distinct || call.orderBy.length > 0) return null;
    if (call.fn === 'count' && call.args.length === 0) {
      const rows = footerRowCount(pruned, filterCount);
      if (rows === null) return null;
      states.push([rows]);
      continue;
    }
    const arg = call.args[0];
    if ((call.fn !== 'min' && call.fn !== 'max') || call.args.length !== 1) return null;
    if (arg?.kind !== 'ref') return null;
    const name = columnOf.get(arg.id);
    const partitionKey = scan.table.partitionKeys.find((k) => k.name === name);
    const column = partitionKey ?? scan.table.columns.find((c) => c.name === name);
    if (column === undefined) return null;
    const answer = footerExtreme({
      pruned,
      filterCount,
      column,
      partition: partitionKey !== undefined,
      fn: call.fn,
    });
    if (answer === null) return null;
    states.push([answer.value]);
  }
  return { columns: states, rowCount: 1 };
}

/** An aggregate without keys straight over this scan (the fragment split-aggregate ships). */
function isPlainAggregate(
  fragment: LogicalPlan | undefined,
  scan: ScanNode,
): fragment is AggregateNode {
  return (
    fragment?.kind === 'aggregate' &&
    fragment.input === scan &&
    fragment.keys.length === 0 &&
    fragment.groupingSets === null &&
    fragment.aggregates.length > 0
  );
}
