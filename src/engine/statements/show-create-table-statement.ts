import type { TableRef } from '../../../catalog/catalog.js';
import type { ShowCreateTable } from '../../sql/ast.js';
import { isExternal } from './drop-table-statement.js';
import { loadTable } from './lake-names.js';
import { textRowsStatement } from './lake-rows.js';

/** `SHOW CREATE TABLE t`: Spark's one column, createtab_stmt, a statement that recreates it. */
export const showCreateTableStatement = textRowsStatement<ShowCreateTable>(
  ['createtab_stmt'],
  'SHOW',
  async (core, s, parsed) => {
    const { catalog, table } = await loadTable(core, s.table, parsed);
    return [[createTableText(catalog.name, table)]];
  },
);

/** Spark's data source form: columns in upper-case types, USING, PARTITIONED BY, LOCATION. */
export function createTableText(catalog: string, table: TableRef): string {
  const quote = (name: string): string =>
    /^[a-z_][a-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
  const literal = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const columns = [...table.columns, ...table.partitionKeys]
    .map((c) => `  ${quote(c.name)} ${c.type.toUpperCase()}`)
    .join(',\n');
  const name = [catalog, table.ident.namespace, table.ident.name].map(quote).join('.');
  const lines = [
    `CREATE ${isExternal(table.parameters) ? 'EXTERNAL ' : ''}TABLE ${name} (\n${columns})`,
  ];
  lines.push(`USING ${table.format}`);
  if (table.partitionKeys.length > 0) {
    lines.push(`PARTITIONED BY (${table.partitionKeys.map((k) => quote(k.name)).join(', ')})`);
  }
  const comment = table.parameters['comment'];
  if (comment !== undefined) lines.push(`COMMENT ${literal(comment)}`);
  lines.push(`LOCATION ${literal(table.location)}`);
  const props = Object.entries(table.parameters)
    .filter(([k]) => k !== 'EXTERNAL' && k !== 'comment')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `  ${literal(k)} = ${literal(v)}`);
  if (props.length > 0) lines.push(`TBLPROPERTIES (\n${props.join(',\n')})`);
  return `${lines.join('\n')}\n`;
}
