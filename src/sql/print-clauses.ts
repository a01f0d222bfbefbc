import type { Expr, PartitionValue, Property, Statement, StatementKind } from './ast.js';
import { printExpr, printOperand } from './print-expr.js';
import { quoteIdent, quoteName, quoteString } from './print-ident.js';
import { Prec } from './precedence.js';

/** Printers for a subset of statement kinds, merged into print.ts's exhaustive table. */
export type StatementPrinters<K extends StatementKind> = {
  readonly [P in K]: (s: Extract<Statement, { kind: P }>) => string;
};

/** `[IF EXISTS] ` style optional words: the text plus a space, or nothing. */
export const opt = (on: boolean, words: string): string => (on ? `${words} ` : '');

/** ` <clause>` when the value is set. */
export const clause = <T>(value: T | null, print: (v: T) => string): string =>
  value === null ? '' : ` ${print(value)}`;

/** `PARTITION (p = 'v', q)`. */
export function printPartition(values: readonly PartitionValue[]): string {
  const items = values.map(
    (v) =>
      quoteIdent(v.name) +
      (v.value === null ? '' : ` = ${printOperand(v.value, Prec.comparison + 1)}`),
  );
  return `PARTITION (${items.join(', ')})`;
}

/** `('key' = value, ...)`; Trino's WITH takes identifiers as keys (`identifierKeys`). */
export function printProperties(props: readonly Property[], identifierKeys = false): string {
  const items = props.map((p) => {
    const key = identifierKeys ? quoteName(p.key.split('.')) : quoteString(p.key);
    return `${key} = ${printExpr(p.value)}`;
  });
  return `(${items.join(', ')})`;
}

/** Call arguments: `a, name => b`. */
export function printArgs(args: readonly Expr[], names: readonly (string | null)[]): string {
  return args
    .map((arg, i) => {
      const name = names[i];
      return (name == null ? '' : `${quoteIdent(name)} => `) + printExpr(arg);
    })
    .join(', ');
}
