import type { Catalog, TableRef } from '../../../catalog/catalog.js';
import { batchesOf } from '../../exec/operators/operator.js';
import { resolveLakeType } from '../../../planner/bind/resolve-type-name.js';
import { Types, sameType, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { EvalContext } from '../../exec/eval-context.js';
import { castColumn } from '../../exec/kernels/cast.js';
import { type RowsToWrite, writeParquetFiles } from '../../formats/parquet/write-parquet-files.js';
import { buildPlan } from '../run-plan.js';
import type { PreparedQuery, SessionCore } from '../session-core.js';
import type { StatementRun } from '../statement-run.js';
import { assignable, notAssignable } from './assignment-cast.js';

/** Where each of the query's output columns goes, and what fills the other columns. */
export interface QueryWrite {
  readonly catalog: Catalog;
  readonly table: TableRef;
  readonly query: PreparedQuery;
  /** The table column each query column is written to, parallel to the query's columns. */
  readonly targets: readonly string[];
  /** Static partition values (PARTITION (p='v')) as Hive text, by key. */
  readonly staticValues: ReadonlyMap<string, string | null>;
  /**
   * Per query column: only quoted literals (or NULL), which PostgreSQL types by the
   * target column (`INSERT ... VALUES ('12')`, `INSERT ... SELECT '12'`).
   */
  readonly untypedColumns: readonly boolean[];
}

/**
 * Runs an INSERT's or CTAS's query and writes its rows as the table's Parquet files:
 * each column converted to the table's type as PostgreSQL's assignment casts do (42804
 * when there is none, the input function's 22P02 on bad text), columns not written
 * NULL, then the partitions written registered with the catalog (plain Parquet commits
 * file by file: README of src/formats/parquet). Returns the number of rows written.
 */
export async function writeQueryRows(
  core: SessionCore,
  w: QueryWrite,
  params: readonly SqlValue[],
  run: StatementRun,
): Promise<number> {
  const all = [...w.table.columns, ...w.table.partitionKeys];
  const types = all.map((c) => resolveLakeType(c.type));
  const sources = all.map((c) => w.targets.indexOf(c.name));
  w.query.columns.forEach((qc, j) => {
    const at = all.findIndex((c) => c.name === w.targets[j]);
    const to = types[at] ?? Types.text;
    if (!assignable(qc.type, to, w.untypedColumns[j] === true))
      throw notAssignable(all[at]?.name ?? '', qc.type, to);
  });
  const ctx = core.evalContext(params, run);
  const constants = all.map((c, i) =>
    staticValue(w.staticValues, c.name, types[i] ?? Types.text, ctx),
  );
  const { root } = buildPlan(w.query.plan, ctx, core.options);
  let rows = 0;
  async function* batches(): AsyncGenerator<RowsToWrite> {
    for await (const b of batchesOf(root)) {
      const columns = all.map((_, i) => {
        const j = sources[i] ?? -1;
        const to = types[i] ?? Types.text;
        if (j < 0) return new Array<SqlValue>(b.rowCount).fill(constants[i] ?? null);
        const from = w.query.columns[j]?.type ?? to;
        const values = b.columns[j] ?? [];
        return sameType(from, to) ? values : castColumn(values, from, to, ctx);
      });
      rows += b.rowCount;
      yield { names: all.map((c) => c.name), types, columns, rowCount: b.rowCount };
    }
  }
  const written = await writeParquetFiles({
    io: core.options.io,
    location: w.table.location,
    partitionKeys: w.table.partitionKeys.map((k) => k.name),
    batches: batches(),
  });
  await registerPartitions(w, written.partitions);
  return rows;
}

/** New partitions become visible once registered (tables whose partitions the catalog tracks). */
async function registerPartitions(
  w: QueryWrite,
  partitions: Parameters<NonNullable<Catalog['addPartitions']>>[1],
): Promise<void> {
  if (partitions.length === 0 || w.catalog.addPartitions === undefined) return;
  const tracked = await w.catalog.listPartitions?.(w.table.ident);
  if (tracked === null || tracked === undefined) return;
  await w.catalog.addPartitions(w.table.ident, partitions, { ifNotExists: true });
}

function staticValue(
  values: ReadonlyMap<string, string | null>,
  name: string,
  type: SqlType,
  ctx: EvalContext,
): SqlValue {
  const text = values.get(name);
  if (text === undefined || text === null) return null;
  return castColumn([text], Types.text, type, ctx)[0] ?? null;
}
