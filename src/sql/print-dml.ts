import type { Assignment, MergeAction, MergeClause } from './ast.js';
import { clause, printArgs, printPartition, type StatementPrinters } from './print-clauses.js';
import { printExpr } from './print-expr.js';
import { quoteIdent, quoteName } from './print-ident.js';
import { printFromItem, printQuery } from './print-query.js';

const assignments = (list: readonly Assignment[]): string =>
  list.map((a) => `${quoteName(a.target.parts)} = ${printExpr(a.value)}`).join(', ');

const alias = (name: string | null): string => (name === null ? '' : ` AS ${quoteIdent(name)}`);
const where = (e: Parameters<typeof printExpr>[0] | null): string =>
  clause(e, (w) => `WHERE ${printExpr(w)}`);
const columnList = (cols: readonly string[]): string =>
  cols.length === 0 ? '' : ` (${cols.map(quoteIdent).join(', ')})`;

const MATCH_WORDS: Readonly<Record<MergeClause['match'], string>> = {
  matched: 'MATCHED',
  'not-matched': 'NOT MATCHED',
  'not-matched-by-source': 'NOT MATCHED BY SOURCE',
};

function printMergeAction(a: MergeAction): string {
  switch (a.kind) {
    case 'merge-update':
      return `UPDATE SET ${a.star ? '*' : assignments(a.assignments)}`;
    case 'merge-delete':
      return 'DELETE';
    case 'merge-do-nothing':
      return 'DO NOTHING';
    case 'merge-insert':
      if (a.star) return 'INSERT *';
      return `INSERT${columnList(a.columns)} VALUES (${a.values.map(printExpr).join(', ')})`;
  }
}

function printMergeClause(m: MergeClause): string {
  const condition = clause(m.condition, (c) => `AND ${printExpr(c)}`);
  return `WHEN ${MATCH_WORDS[m.match]}${condition} THEN ${printMergeAction(m.action)}`;
}

/** INSERT, UPDATE, DELETE, MERGE and CALL back to SQL (Spark's spellings). */
export const DML_PRINTERS: StatementPrinters<'insert' | 'update' | 'delete' | 'merge' | 'call'> = {
  insert: (s) => {
    const verb = s.overwrite ? 'INSERT OVERWRITE TABLE' : 'INSERT INTO';
    const partition = s.partition.length > 0 ? ` ${printPartition(s.partition)}` : '';
    const cols = columnList(s.columns);
    return `${verb} ${quoteName(s.table.parts)}${partition}${cols} ${printQuery(s.source)}`;
  },
  update: (s) => {
    const from = s.from.length > 0 ? ` FROM ${s.from.map(printFromItem).join(', ')}` : '';
    const head = `UPDATE ${quoteName(s.table.parts)}${alias(s.alias)}`;
    return `${head} SET ${assignments(s.assignments)}${from}${where(s.where)}`;
  },
  delete: (s) => {
    const using = s.using.length > 0 ? ` USING ${s.using.map(printFromItem).join(', ')}` : '';
    return `DELETE FROM ${quoteName(s.table.parts)}${alias(s.alias)}${using}${where(s.where)}`;
  },
  merge: (s) => {
    const head = `MERGE INTO ${quoteName(s.target.parts)}${alias(s.targetAlias)}`;
    const using = `USING ${printFromItem(s.source)} ON ${printExpr(s.on)}`;
    return [head, using, ...s.clauses.map(printMergeClause)].join(' ');
  },
  call: (s) => `CALL ${quoteName(s.procedure.parts)}(${printArgs(s.args, s.argNames)})`,
};
