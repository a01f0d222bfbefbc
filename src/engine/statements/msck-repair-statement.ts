import type { TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { planPartitionRepair } from '../../formats/parquet/discover-partitions.js';
import type { MsckRepair } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import { noColumns, tagOnly, type StatementHandler } from '../session-core.js';
import { loadTable } from './lake-names.js';

/**
 * Hive/Spark `MSCK REPAIR TABLE t [ADD|DROP|SYNC PARTITIONS]`: registers the partition
 * directories found under the table location (ADD, the default), unregisters
 * registered partitions whose files are gone (DROP), or both (SYNC). A NOTICE says how
 * many changed, as Hive's "Repair: Added partition ..." lines do.
 */
export const msckRepairStatement: StatementHandler<MsckRepair> = {
  prepare: noColumns,
  async execute(core, s, prepared) {
    const { parsed } = prepared;
    const { catalog, table } = await loadTable(core, s.table, parsed);
    checkPartitioned(
      table,
      'MSCK REPAIR TABLE',
      errorPosition(parsed.fullText, s.table.span.start),
    );
    if (catalog.addPartitions === undefined || catalog.dropPartitions === undefined) {
      throw new LakeError(
        SqlState.featureNotSupported,
        `catalog "${catalog.name}" does not keep partitions`,
      );
    }
    const registered = (await catalog.listPartitions?.(table.ident)) ?? [];
    const repair = await planPartitionRepair(table, core.options.io, registered, s.mode ?? 'add');
    const added =
      repair.add.length === 0
        ? []
        : await catalog.addPartitions(table.ident, repair.add, { ifNotExists: true });
    const dropped =
      repair.drop.length === 0
        ? []
        : await catalog.dropPartitions(
            table.ident,
            repair.drop.map((p) => p.values),
            { ifExists: true },
          );
    core.notice({
      severity: 'NOTICE',
      sqlstate: SqlState.successfulCompletion,
      message: `added ${added.length} and dropped ${dropped.length} partitions of table "${table.ident.name}"`,
    });
    return tagOnly('MSCK REPAIR TABLE');
  },
};

/** 42809 for partition statements on a table without partition columns (Spark refuses them too). */
export function checkPartitioned(table: TableRef, what: string, position: number): void {
  if (table.partitionKeys.length > 0) return;
  throw new LakeError(
    '42809',
    `${what} is not allowed on a table that is not partitioned: "${table.ident.name}"`,
    { position },
  );
}
