import type { Statement, StatementKind, TransactionStatement } from './ast.js';
import { quoteIdent, quoteName, quoteString } from './print-ident.js';
import { DDL_PRINTERS } from './print-ddl.js';
import { DML_PRINTERS } from './print-dml.js';
import { META_PRINTERS } from './print-meta.js';
import { printQuery } from './print-query.js';

export { printExpr } from './print-expr.js';

type Printer<K extends StatementKind> = (s: Extract<Statement, { kind: K }>) => string;

/** Prints a statement back to SQL; print(parse(print(x))) === print(x) (stable round trip). */
export function printStatement(s: Statement): string {
  return (PRINTERS[s.kind] as (s: Statement) => string)(s);
}

/** A setting name: custom options are dotted (`myapp.user_id`). */
const settingName = (name: string): string => quoteName(name.split('.'));

function printTransaction(s: TransactionStatement): string {
  switch (s.action) {
    case 'begin': {
      const modes: string[] = [];
      if (s.isolationLevel !== null)
        modes.push(`ISOLATION LEVEL ${s.isolationLevel.toUpperCase()}`);
      if (s.readOnly !== null) modes.push(s.readOnly ? 'READ ONLY' : 'READ WRITE');
      const verb = s.keyword === 'start transaction' ? 'START TRANSACTION' : 'BEGIN';
      return [verb, modes.join(', ')].filter((x) => x !== '').join(' ');
    }
    case 'commit':
      return s.keyword === 'end' ? 'END' : 'COMMIT';
    case 'rollback':
      return s.keyword === 'abort' ? 'ABORT' : 'ROLLBACK';
    case 'savepoint':
      return `SAVEPOINT ${quoteIdent(s.savepoint ?? '')}`;
    case 'release':
      return `RELEASE SAVEPOINT ${quoteIdent(s.savepoint ?? '')}`;
    case 'rollback-to':
      return `ROLLBACK TO SAVEPOINT ${quoteIdent(s.savepoint ?? '')}`;
  }
}

const PRINTERS: { readonly [K in StatementKind]: Printer<K> } = {
  query: printQuery,
  set: (s) => {
    const value = s.value === null ? 'DEFAULT' : s.value.map(quoteString).join(', ');
    return `SET ${s.local ? 'LOCAL ' : ''}${settingName(s.name)} TO ${value}`;
  },
  reset: (s) => `RESET ${s.name === null ? 'ALL' : settingName(s.name)}`,
  show: (s) => `SHOW ${s.name === 'all' ? 'ALL' : settingName(s.name)}`,
  transaction: printTransaction,
  discard: (s) => `DISCARD ${s.what.toUpperCase()}`,
  deallocate: (s) => `DEALLOCATE ${s.name === null ? 'ALL' : quoteIdent(s.name)}`,
  'declare-cursor': (s) => {
    const options = `${s.binary ? ' BINARY' : ''}${s.scroll ? ' SCROLL' : ''}`;
    const hold = s.withHold ? ' WITH HOLD' : '';
    return `DECLARE ${quoteIdent(s.name)}${options} CURSOR${hold} FOR ${printQuery(s.query)}`;
  },
  fetch: (s) =>
    `${s.move ? 'MOVE' : 'FETCH'} ${s.count === null ? 'ALL' : s.count} FROM ${quoteIdent(s.cursor)}`,
  'close-cursor': (s) => `CLOSE ${s.name === null ? 'ALL' : quoteIdent(s.name)}`,
  'copy-to': (s) => {
    const options = s.options.map(
      (o) => `${o.name.toUpperCase()}${o.value === null ? '' : ` ${quoteString(o.value)}`}`,
    );
    const withOptions = options.length > 0 ? ` WITH (${options.join(', ')})` : '';
    return `COPY (${printQuery(s.query)}) TO STDOUT${withOptions}`;
  },
  explain: (s) =>
    `EXPLAIN${s.analyze ? ' ANALYZE' : ''}${s.verbose ? ' VERBOSE' : ''} ${printStatement(s.statement)}`,
  use: (s) => `USE ${quoteName(s.name.parts)}`,
  ...DML_PRINTERS,
  ...DDL_PRINTERS,
  ...META_PRINTERS,
};
