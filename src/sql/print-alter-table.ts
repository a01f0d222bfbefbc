import type { AddedColumn, AlterAction, ColumnPosition } from './ast.js';
import { clause, opt, printArgs, printPartition, printProperties } from './print-clauses.js';
import { printExpr } from './print-expr.js';
import { quoteIdent, quoteName, quoteString } from './print-ident.js';
import { printOrderItem } from './print-query.js';
import { printType } from './print-type.js';

type ActionPrinters = {
  readonly [K in AlterAction['kind']]: (a: Extract<AlterAction, { kind: K }>) => string;
};

/** An ALTER TABLE action back to SQL (Spark and Iceberg spellings). */
export function printAlterAction(a: AlterAction): string {
  return (ACTIONS[a.kind] as (a: AlterAction) => string)(a);
}

const position = (p: ColumnPosition | null): string =>
  p === null ? '' : p.after === null ? ' FIRST' : ` AFTER ${quoteIdent(p.after)}`;
const comment = (text: string | null): string => clause(text, (t) => `COMMENT ${quoteString(t)}`);
const asName = (name: string | null): string => clause(name, (n) => `AS ${quoteIdent(n)}`);

function printAddedColumn(col: AddedColumn): string {
  const notNull = col.notNull ? ' NOT NULL' : '';
  const head = `${quoteName(col.name.parts)} ${printType(col.type)}`;
  return head + notNull + comment(col.comment) + position(col.position);
}

const ACTIONS: ActionPrinters = {
  'add-columns': (a) =>
    a.columns.length === 1 && a.columns[0] !== undefined
      ? `ADD COLUMN ${printAddedColumn(a.columns[0])}`
      : `ADD COLUMNS (${a.columns.map(printAddedColumn).join(', ')})`,
  'drop-columns': (a) => {
    const names = a.names.map((n) => quoteName(n.parts));
    const ifExists = opt(a.ifExists, 'IF EXISTS');
    return names.length === 1
      ? `DROP COLUMN ${ifExists}${names.join('')}`
      : `DROP COLUMNS ${ifExists}(${names.join(', ')})`;
  },
  'rename-column': (a) => `RENAME COLUMN ${quoteName(a.from.parts)} TO ${quoteIdent(a.to)}`,
  'alter-column': (a) => {
    const type = clause(a.type, (t) => `TYPE ${printType(t)}`);
    const nullability = a.notNull === null ? '' : a.notNull ? ' SET NOT NULL' : ' DROP NOT NULL';
    return `ALTER COLUMN ${quoteName(a.name.parts)}${type}${comment(a.comment)}${nullability}${position(a.position)}`;
  },
  'add-partition-field': (a) => `ADD PARTITION FIELD ${printExpr(a.transform)}${asName(a.name)}`,
  'drop-partition-field': (a) => `DROP PARTITION FIELD ${printExpr(a.transform)}`,
  'replace-partition-field': (a) =>
    `REPLACE PARTITION FIELD ${printExpr(a.from)} WITH ${printExpr(a.to)}${asName(a.name)}`,
  'write-order': (a) => {
    if (a.unordered) return 'WRITE UNORDERED';
    const order =
      a.orderBy.length > 0 ? `ORDERED BY ${a.orderBy.map(printOrderItem).join(', ')}` : '';
    const locally = a.locally ? 'LOCALLY ' : '';
    const head = a.distributedByPartition ? 'WRITE DISTRIBUTED BY PARTITION' : 'WRITE';
    return order === '' ? head : `${head} ${locally}${order}`;
  },
  'set-properties': (a) => `SET TBLPROPERTIES ${printProperties(a.properties)}`,
  'unset-properties': (a) =>
    `UNSET TBLPROPERTIES ${opt(a.ifExists, 'IF EXISTS')}(${a.keys.map(quoteString).join(', ')})`,
  'rename-table': (a) => `RENAME TO ${quoteName(a.to.parts)}`,
  'set-location': (a) => `SET LOCATION ${quoteString(a.location)}`,
  execute: (a) => {
    const args = a.args.length > 0 ? `(${printArgs(a.args, a.argNames)})` : '';
    return `EXECUTE ${quoteIdent(a.procedure)}${args}${clause(a.where, (w) => `WHERE ${printExpr(w)}`)}`;
  },
  'add-partitions': (a) => {
    const parts = a.partitions.map(
      (p) => printPartition(p.values) + clause(p.location, (l) => `LOCATION ${quoteString(l)}`),
    );
    return `ADD ${opt(a.ifNotExists, 'IF NOT EXISTS')}${parts.join(' ')}`;
  },
  'drop-partitions': (a) =>
    `DROP ${opt(a.ifExists, 'IF EXISTS')}${a.partitions.map(printPartition).join(', ')}${a.purge ? ' PURGE' : ''}`,
  'create-ref': (a) => {
    const verb = a.create ? (a.replace ? 'CREATE OR REPLACE' : 'CREATE') : 'REPLACE';
    const head = `${verb} ${a.refType.toUpperCase()} ${opt(a.ifNotExists, 'IF NOT EXISTS')}${quoteIdent(a.name)}`;
    const asOf = clause(a.asOfVersion, (v) => `AS OF VERSION ${printExpr(v)}`);
    const retain = clause(a.retain, (r) => `RETAIN ${printExpr(r.amount)} ${r.unit.toUpperCase()}`);
    return head + asOf + retain;
  },
  'drop-ref': (a) =>
    `DROP ${a.refType.toUpperCase()} ${opt(a.ifExists, 'IF EXISTS')}${quoteIdent(a.name)}`,
};
