import type { ColumnDef, CreateTable, PartitionTerm, RowFormat } from './ast.js';
import { clause, opt, printProperties, type StatementPrinters } from './print-clauses.js';
import { printExpr } from './print-expr.js';
import { quoteIdent, quoteName, quoteString } from './print-ident.js';
import { printQuery } from './print-query.js';
import { printType } from './print-type.js';
import { DELIMITER_WORDS } from './statements/table-definition.js';

const comment = (text: string | null): string => clause(text, (t) => `COMMENT ${quoteString(t)}`);

function printColumnDef(col: ColumnDef): string {
  const notNull = col.notNull ? ' NOT NULL' : '';
  return `${quoteIdent(col.name)} ${printType(col.type)}${notNull}${comment(col.comment)}`;
}

function printPartitionTerm(p: PartitionTerm): string {
  return printExpr(p.expr) + clause(p.type, printType) + comment(p.comment);
}

function printRowFormat(r: RowFormat): string {
  if (r.serde !== null) {
    const props =
      r.serdeProperties.length > 0
        ? ` WITH SERDEPROPERTIES ${printProperties(r.serdeProperties)}`
        : '';
    return `ROW FORMAT SERDE ${quoteString(r.serde)}${props}`;
  }
  const delimiters = r.delimiters.map(
    (d) => ` ${DELIMITER_WORDS[d.clause] ?? ''} ${quoteString(d.value)}`,
  );
  return `ROW FORMAT DELIMITED${delimiters.join('')}`;
}

/** The clauses after the column list, in Hive's documented order. */
function printTableClauses(s: CreateTable): string[] {
  const parts: string[] = [];
  if (s.using !== null) parts.push(`USING ${quoteName(s.using.split('.'))}`);
  if (s.options.length > 0) parts.push(`OPTIONS ${printProperties(s.options)}`);
  if (s.partitionedBy.length > 0)
    parts.push(`PARTITIONED BY (${s.partitionedBy.map(printPartitionTerm).join(', ')})`);
  if (s.clusteredBy !== null) {
    const cols = s.clusteredBy.columns.map(quoteIdent).join(', ');
    parts.push(`CLUSTERED BY (${cols}) INTO ${s.clusteredBy.buckets} BUCKETS`);
  }
  if (s.rowFormat !== null) parts.push(printRowFormat(s.rowFormat));
  if (s.storedAs !== null) parts.push(`STORED AS ${quoteIdent(s.storedAs)}`);
  if (s.inputFormat !== null && s.outputFormat !== null)
    parts.push(
      `STORED AS INPUTFORMAT ${quoteString(s.inputFormat)} OUTPUTFORMAT ${quoteString(s.outputFormat)}`,
    );
  if (s.location !== null) parts.push(`LOCATION ${quoteString(s.location)}`);
  if (s.comment !== null) parts.push(`COMMENT ${quoteString(s.comment)}`);
  if (s.properties.length > 0) parts.push(`TBLPROPERTIES ${printProperties(s.properties)}`);
  if (s.withOptions.length > 0) parts.push(`WITH ${printProperties(s.withOptions, true)}`);
  return parts;
}

/** CREATE/DROP TABLE and CREATE/DROP DATABASE back to SQL. */
export const DDL_PRINTERS: StatementPrinters<
  'create-table' | 'drop-table' | 'create-database' | 'drop-database'
> = {
  'create-table': (s) => {
    const head = `CREATE ${opt(s.orReplace, 'OR REPLACE')}${opt(s.external, 'EXTERNAL')}TABLE ${opt(s.ifNotExists, 'IF NOT EXISTS')}${quoteName(s.name.parts)}`;
    const cols = s.columns.length > 0 ? ` (${s.columns.map(printColumnDef).join(', ')})` : '';
    const query = clause(s.query, (q) => `AS ${printQuery(q)}`);
    return [head + cols, ...printTableClauses(s)].join(' ') + query;
  },
  'drop-table': (s) =>
    `DROP TABLE ${opt(s.ifExists, 'IF EXISTS')}${quoteName(s.name.parts)}${s.purge ? ' PURGE' : ''}`,
  'create-database': (s) => {
    const head = `CREATE ${s.keyword.toUpperCase()} ${opt(s.ifNotExists, 'IF NOT EXISTS')}${quoteName(s.name.parts)}`;
    const location = clause(s.location, (l) => `LOCATION ${quoteString(l)}`);
    const props =
      s.properties.length > 0 ? ` WITH DBPROPERTIES ${printProperties(s.properties)}` : '';
    return head + comment(s.comment) + location + props;
  },
  'drop-database': (s) =>
    `DROP ${s.keyword.toUpperCase()} ${opt(s.ifExists, 'IF EXISTS')}${quoteName(s.name.parts)}${s.cascade ? ' CASCADE' : ''}`,
};
