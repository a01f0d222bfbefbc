import { formatType, type SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import { DEFAULT_TEXT_OPTIONS, formatValue } from '../../src/common/values/format-value.js';
import type { BoundExpr, BoundSubquery, ColumnId } from './bound-expr.js';
import type { SortKey } from './logical-plan.js';

/**
 * Readable, deterministic text for a bound expression, as EXPLAIN shows it: columns
 * as `name#id`, operators infix, functions as calls. Subqueries print as
 * `(SubPlan n)`; the plan printer numbers them and prints their plans below.
 */
export interface ExprPrintContext {
  readonly names: ReadonlyMap<ColumnId, string>;
  /** The number of a subquery (print-plan assigns them in print order). */
  subPlan(s: BoundSubquery): number;
}

const INFIX = new Set([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '||',
  '~~',
  '~~*',
  '!~~',
  '!~~*',
  'is distinct from',
  'is not distinct from',
  'like',
  'ilike',
]);
const INFIX_TEXT: Readonly<Record<string, string>> = {
  '~~': 'LIKE',
  '~~*': 'ILIKE',
  '!~~': 'NOT LIKE',
  '!~~*': 'NOT ILIKE',
  like: 'LIKE',
  ilike: 'ILIKE',
  'is distinct from': 'IS DISTINCT FROM',
  'is not distinct from': 'IS NOT DISTINCT FROM',
};
const POSTFIX = /^is (not )?(null|true|false|unknown)$/;

/** Whether an operand needs parentheses when printed inside an operator. */
function compound(e: BoundExpr): boolean {
  return (
    e.kind === 'and' ||
    e.kind === 'or' ||
    (e.kind === 'call' && (INFIX.has(e.fn) || POSTFIX.test(e.fn) || e.fn === 'not'))
  );
}

export function printExpr(e: BoundExpr, ctx: ExprPrintContext): string {
  const p = (x: BoundExpr): string => printExpr(x, ctx);
  const operand = (x: BoundExpr): string => (compound(x) ? `(${p(x)})` : p(x));
  switch (e.kind) {
    case 'const':
      return printConst(e.type, e.value);
    case 'ref': {
      const name = ctx.names.get(e.id);
      return name === undefined ? `#${e.id}` : `${name}#${e.id}`;
    }
    case 'column':
      return `@${e.index}`;
    case 'param':
      return `$${e.index + 1}`;
    case 'call':
      return printCall(e.fn, e.args, p, operand);
    case 'cast':
      return `${operand(e.operand)}::${formatType(e.type)}`;
    case 'and':
    case 'or': {
      // Comparisons bind tighter than AND/OR; only nested logic needs parentheses.
      const arg = (x: BoundExpr): string =>
        x.kind === 'and' || x.kind === 'or' ? `(${p(x)})` : p(x);
      return e.args.map(arg).join(e.kind === 'and' ? ' AND ' : ' OR ');
    }
    case 'case': {
      const whens = e.whens.map((w) => `WHEN ${p(w.when)} THEN ${p(w.then)}`).join(' ');
      return `CASE ${whens} ELSE ${p(e.otherwise)} END`;
    }
    case 'coalesce':
      return `COALESCE(${e.args.map(p).join(', ')})`;
    case 'subquery': {
      const n = `SubPlan ${ctx.subPlan(e)}`;
      const not = e.negated ? 'NOT ' : '';
      if (e.mode === 'exists') return `${not}EXISTS(${n})`;
      if (e.mode === 'in') return `${operand(e.operand ?? e)} ${not}IN (${n})`;
      return `(${n})`;
    }
  }
}

function printCall(
  fn: string,
  args: readonly BoundExpr[],
  p: (x: BoundExpr) => string,
  operand: (x: BoundExpr) => string,
): string {
  const [a, b] = args;
  if (INFIX.has(fn) && a && b && args.length === 2) {
    return `${operand(a)} ${INFIX_TEXT[fn] ?? fn} ${operand(b)}`;
  }
  if (POSTFIX.test(fn) && a && args.length === 1) return `${operand(a)} ${fn.toUpperCase()}`;
  if (fn === 'not' && a) return `NOT ${operand(a)}`;
  if (fn === 'negate' && a) return `-${operand(a)}`;
  return `${fn}(${args.map(p).join(', ')})`;
}

const BARE = new Set(['bool', 'int2', 'int4', 'int8', 'float8', 'numeric']);

/** Literals as SQL would write them: numbers bare, text quoted, other types with a cast. */
export function printConst(type: SqlType, value: SqlValue): string {
  if (value === null) return type.kind === 'unknown' ? 'NULL' : `NULL::${formatType(type)}`;
  if (typeof value === 'boolean') return String(value);
  const text = formatValue(type, value, DEFAULT_TEXT_OPTIONS) ?? 'NULL';
  if (BARE.has(type.kind) && /^-?[0-9.]+(e[-+]?[0-9]+)?$/i.test(text)) return text;
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return type.kind === 'text' || type.kind === 'unknown'
    ? quoted
    : `${quoted}::${formatType(type)}`;
}

export function printSortKey(k: SortKey, ctx: ExprPrintContext): string {
  const dir = k.descending ? ' DESC' : '';
  const nulls = k.nullsFirst === k.descending ? '' : k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  return `${printExpr(k.expr, ctx)}${dir}${nulls}`;
}
