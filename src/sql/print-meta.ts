import type { Describe } from './ast.js';
import { printAlterAction } from './print-alter-table.js';
import { clause, opt, printPartition, type StatementPrinters } from './print-clauses.js';
import { printExpr, printOperand } from './print-expr.js';
import { quoteName, quoteString } from './print-ident.js';
import { Prec } from './precedence.js';

const name = (n: { readonly parts: readonly string[] }): string => quoteName(n.parts);
const like = (pattern: string | null): string => clause(pattern, (p) => `LIKE ${quoteString(p)}`);
const inName = (n: { readonly parts: readonly string[] } | null): string =>
  clause(n, (x) => `IN ${name(x)}`);
const partition = (values: Parameters<typeof printPartition>[0]): string =>
  values.length > 0 ? ` ${printPartition(values)}` : '';

/** Table names that DESCRIBE would read as its own key word, so `DESCRIBE TABLE` is written. */
const DESCRIBE_WORDS: ReadonlySet<string> = new Set(['history', 'detail', 'database', 'schema']);

function printDescribe(s: Describe): string {
  const first = s.target.parts[0] ?? '';
  const what =
    s.what === 'table' ? (DESCRIBE_WORDS.has(first) ? 'TABLE ' : '') : `${s.what.toUpperCase()} `;
  const mode = s.mode === 'plain' ? '' : `${s.mode.toUpperCase()} `;
  const column = clause(s.column, name);
  const limit = clause(s.limit, (l) => `LIMIT ${printExpr(l)}`);
  return `DESCRIBE ${what}${mode}${name(s.target)}${column}${limit}`;
}

/** ALTER TABLE, DESCRIBE, the lake SHOW forms and the maintenance statements back to SQL. */
export const META_PRINTERS: StatementPrinters<
  | 'alter-table'
  | 'describe'
  | 'show-catalogs'
  | 'show-databases'
  | 'show-tables'
  | 'show-create-table'
  | 'show-columns'
  | 'show-partitions'
  | 'show-tblproperties'
  | 'msck-repair'
  | 'restore-table'
  | 'vacuum'
  | 'optimize'
  | 'truncate'
> = {
  'alter-table': (s) =>
    `ALTER TABLE ${opt(s.ifExists, 'IF EXISTS')}${name(s.name)} ${printAlterAction(s.action)}`,
  describe: printDescribe,
  'show-catalogs': (s) => `SHOW CATALOGS${like(s.like)}`,
  'show-databases': (s) => `SHOW ${s.keyword.toUpperCase()}${inName(s.catalog)}${like(s.like)}`,
  'show-tables': (s) => `SHOW TABLES${inName(s.database)}${like(s.like)}`,
  'show-create-table': (s) => `SHOW CREATE TABLE ${name(s.table)}`,
  'show-columns': (s) => `SHOW COLUMNS IN ${name(s.table)}`,
  'show-partitions': (s) => `SHOW PARTITIONS ${name(s.table)}${partition(s.partition)}`,
  'show-tblproperties': (s) =>
    `SHOW TBLPROPERTIES ${name(s.table)}${clause(s.key, (k) => `(${quoteString(k)})`)}`,
  'msck-repair': (s) =>
    `MSCK REPAIR TABLE ${name(s.table)}${clause(s.mode, (m) => `${m.toUpperCase()} PARTITIONS`)}`,
  'restore-table': (s) =>
    `RESTORE TABLE ${name(s.table)} TO ${s.to.by.toUpperCase()} AS OF ${printOperand(s.to.value, Prec.other)}`,
  vacuum: (s) => {
    const retain = clause(s.retainHours, (h) => `RETAIN ${printExpr(h)} HOURS`);
    return `VACUUM ${name(s.table)}${retain}${s.dryRun ? ' DRY RUN' : ''}`;
  },
  optimize: (s) => {
    const where = clause(s.where, (w) => `WHERE ${printExpr(w)}`);
    const zorder =
      s.zorderBy.length > 0 ? ` ZORDER BY (${s.zorderBy.map(printExpr).join(', ')})` : '';
    const rewrite = clause(s.rewriteUsing, (r) => `REWRITE DATA USING ${quoteName([r])}`);
    return `OPTIMIZE ${name(s.table)}${rewrite}${where}${zorder}`;
  },
  truncate: (s) => `TRUNCATE TABLE ${name(s.table)}${partition(s.partition)}`,
};
