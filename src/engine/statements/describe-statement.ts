import type { TableColumn, TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Describe } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import type { EngineParsed, SessionCore } from '../session-core.js';
import { isExternal } from './drop-table-statement.js';
import { loadTable, schemaNamed } from './lake-names.js';
import { type TextRow, textRowsStatement } from './lake-rows.js';

/**
 * Spark's DESCRIBE: `DESCRIBE [EXTENDED|FORMATTED] t` as col_name, data_type, comment
 * (a `# Partition Information` section for partitioned tables, `# Detailed Table
 * Information` when extended); `DESCRIBE t col` and `DESCRIBE DATABASE db` as
 * info_name, info_value. History and detail belong to the table formats (0A000 here).
 */
export const describeStatement = textRowsStatement<Describe>(
  (s) =>
    s.what === 'table' && s.column === null
      ? ['col_name', 'data_type', 'comment']
      : ['info_name', 'info_value'],
  'DESCRIBE',
  async (core, s, parsed) => {
    switch (s.what) {
      case 'table':
        return describeTable(core, s, parsed);
      case 'database':
        return describeDatabase(core, s, parsed);
      case 'history':
      case 'detail':
        throw new LakeError(
          SqlState.featureNotSupported,
          `DESCRIBE ${s.what.toUpperCase()} is not supported for plain Parquet tables`,
          { position: errorPosition(parsed.fullText, s.span.start) },
        );
    }
  },
);

async function describeTable(
  core: SessionCore,
  s: Describe,
  parsed: EngineParsed,
): Promise<TextRow[]> {
  const { catalog, table } = await loadTable(core, s.target, parsed);
  const all = [...table.columns, ...table.partitionKeys];
  if (s.column !== null) {
    const name = s.column.parts.join('.');
    const column = all.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (column === undefined) {
      throw new LakeError(SqlState.undefinedColumn, `column "${name}" does not exist`, {
        position: errorPosition(parsed.fullText, s.column.span.start),
      });
    }
    return [
      ['col_name', column.name],
      ['data_type', column.type],
      ['comment', 'NULL'],
    ];
  }
  const rows: TextRow[] = all.map(columnRow);
  if (table.partitionKeys.length > 0) {
    rows.push(['# Partition Information', '', '']);
    rows.push(['# col_name', 'data_type', 'comment']);
    rows.push(...table.partitionKeys.map(columnRow));
  }
  if (s.mode !== 'plain') rows.push(['', '', ''], ...detailRows(catalog.name, table));
  return rows;
}

function columnRow(c: TableColumn): TextRow {
  return [c.name, c.type, null];
}

function detailRows(catalog: string, table: TableRef): TextRow[] {
  const params = Object.entries(table.parameters)
    .filter(([k]) => k !== 'EXTERNAL' && k !== 'comment')
    .map(([k, v]) => `${k}=${v}`);
  const rows: [string, string][] = [
    ['Catalog', catalog],
    ['Database', table.ident.namespace],
    ['Table', table.ident.name],
    ['Type', isExternal(table.parameters) ? 'EXTERNAL' : 'MANAGED'],
    ['Provider', table.format],
  ];
  const comment = table.parameters['comment'];
  if (comment !== undefined) rows.push(['Comment', comment]);
  if (params.length > 0) rows.push(['Table Properties', `[${params.join(', ')}]`]);
  rows.push(['Location', table.location]);
  if (table.partitionKeys.length > 0) rows.push(['Partition Provider', 'Catalog']);
  return [['# Detailed Table Information', '', ''], ...rows.map(([k, v]) => [k, v, ''])];
}

async function describeDatabase(
  core: SessionCore,
  s: Describe,
  parsed: EngineParsed,
): Promise<TextRow[]> {
  const { catalog, namespace } = schemaNamed(core, s.target, parsed);
  if (!(await catalog.namespaceExists(namespace))) {
    throw new LakeError(SqlState.invalidSchemaName, `schema "${namespace}" does not exist`, {
      position: errorPosition(parsed.fullText, s.target.span.start),
    });
  }
  return [
    ['Catalog Name', catalog.name],
    ['Namespace Name', namespace],
  ];
}
