import type { TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { InsertStatement } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type { EngineParsed, StatementHandler } from '../session-core.js';
import { tagOnly } from '../session-core.js';
import { untypedColumns } from './assignment-cast.js';
import { loadTable } from './lake-names.js';
import { staticPartitionValues } from './partition-spec.js';
import { prepareQuery } from './query-statement.js';
import { writeQueryRows } from './write-query-rows.js';

/**
 * `INSERT INTO [TABLE] t [PARTITION (p='v', q)] [(cols)] SELECT | VALUES | TABLE x` into
 * a plain Parquet table (Spark/Hive): the query runs, its rows are written as new
 * Parquet files and new partitions registered. Command tag `INSERT 0 n` as PostgreSQL.
 */
export const insertStatement: StatementHandler<InsertStatement> = {
  async prepare(core, s, parsed, paramTypes) {
    await loadTable(core, s.table, parsed);
    return { columns: null, query: await prepareQuery(core, s.source, parsed, paramTypes) };
  },
  async execute(core, s, prepared, params, run) {
    const { parsed } = prepared;
    const { catalog, table } = await loadTable(core, s.table, parsed);
    checkWritable(table, s, parsed);
    const query = prepared.bound.query!;
    const staticValues = staticPartitionValues(table, s.partition, parsed);
    const targets = targetColumns(table, s, staticValues, query.columns.length, parsed);
    const rows = await writeQueryRows(
      core,
      {
        catalog,
        table,
        query,
        targets,
        staticValues,
        untypedColumns: untypedColumns(s.source),
      },
      params,
      run,
    );
    return tagOnly(`INSERT 0 ${rows}`);
  },
};

function checkWritable(table: TableRef, s: InsertStatement, parsed: EngineParsed): void {
  const position = errorPosition(parsed.fullText, s.span.start);
  if (table.format !== 'parquet') {
    throw new LakeError(
      SqlState.featureNotSupported,
      `INSERT into ${table.format} tables is not supported yet`,
      { position },
    );
  }
  if (s.overwrite) {
    throw new LakeError(SqlState.featureNotSupported, 'INSERT OVERWRITE is not supported yet', {
      position,
    });
  }
}

/**
 * The table column each query column goes to: the column list as written, else every
 * column but the static partition keys, in table order (partition keys last, as Spark).
 * PostgreSQL's 42601 when the counts differ (fewer expressions than columns is allowed
 * without a list: the rest are NULL).
 */
function targetColumns(
  table: TableRef,
  s: InsertStatement,
  staticValues: ReadonlyMap<string, string | null>,
  count: number,
  parsed: EngineParsed,
): string[] {
  const all = [...table.columns, ...table.partitionKeys].map((c) => c.name);
  const position = errorPosition(parsed.fullText, s.source.span.start);
  const tooMany = (): LakeError =>
    new LakeError(SqlState.syntaxError, 'INSERT has more expressions than target columns', {
      position,
    });
  if (s.columns.length === 0) {
    const open = all.filter((c) => !staticValues.has(c));
    if (count > open.length) throw tooMany();
    return open.slice(0, count);
  }
  const targets = s.columns.map((name) => {
    const column = all.find((c) => c.toLowerCase() === name.toLowerCase());
    if (column === undefined) {
      throw new LakeError(
        SqlState.undefinedColumn,
        `column "${name}" of relation "${table.ident.name}" does not exist`,
        { position: errorPosition(parsed.fullText, s.table.span.end) },
      );
    }
    if (staticValues.has(column)) {
      throw new LakeError('42701', `column "${name}" is a static partition column`);
    }
    return column;
  });
  const dup = targets.find((c, i) => targets.indexOf(c) !== i);
  if (dup !== undefined) throw new LakeError('42701', `column "${dup}" specified more than once`);
  if (count > targets.length) throw tooMany();
  if (count < targets.length) {
    throw new LakeError(SqlState.syntaxError, 'INSERT has more target columns than expressions', {
      position,
    });
  }
  return targets;
}
