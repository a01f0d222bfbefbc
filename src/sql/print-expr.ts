import type { Expr, ExprKind, FunctionCall, Literal } from './ast.js';
import { VALUE_FUNCTIONS } from './keywords.js';
import { quoteName, quoteString } from './print-ident.js';
import { printOrderItem, printQuery } from './print-query.js';
import { printType } from './print-type.js';
import { printOver } from './print-window.js';
import { BINARY_PREC, Prec } from './precedence.js';

type Printer<K extends ExprKind> = (e: Extract<Expr, { kind: K }>) => string;

/**
 * An expression back to SQL. Parentheses are added exactly where the precedence
 * table (precedence.ts) needs them, so the text re-parses to the same tree.
 */
export function printExpr(e: Expr): string {
  return (PRINTERS[e.kind] as (e: Expr) => string)(e);
}

/** How tightly the printed form of `e` binds. */
function precOf(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      return BINARY_PREC[e.op];
    case 'unary':
      return e.op === 'not' ? Prec.not : Prec.unary;
    case 'is':
      return Prec.is;
    case 'quantified':
      return Prec.comparison;
    case 'in-list':
    case 'in-subquery':
    case 'between':
    case 'like':
      return Prec.pattern;
    case 'subscript':
      return Prec.postfix;
    case 'literal':
      return isNegativeNumber(e) ? Prec.unary : Prec.atom;
    case 'exists':
      return e.negated ? Prec.not : Prec.atom;
    default:
      return Prec.atom;
  }
}

function isNegativeNumber(e: Literal): boolean {
  const v = e.value;
  return (v.type === 'integer' || v.type === 'decimal') && v.text.startsWith('-');
}

/** `e` printed as an operand that must bind at least as tightly as `min`. */
export function printOperand(e: Expr, min: number): string {
  return operand(e, min);
}

function operand(e: Expr, min: number): string {
  const text = printExpr(e);
  return precOf(e) < min ? `(${text})` : text;
}

const not = (negated: boolean): string => (negated ? 'NOT ' : '');

function printLiteral(e: Literal): string {
  const v = e.value;
  switch (v.type) {
    case 'null':
      return 'NULL';
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'integer':
    case 'decimal':
      return v.text;
    case 'string':
      return quoteString(v.value);
  }
}

function printFunction(e: FunctionCall): string {
  const name = e.name.parts.length === 1 ? e.name.parts[0] : undefined;
  if (name !== undefined && e.args.length === 0 && VALUE_FUNCTIONS.has(name))
    return name.toUpperCase();
  const [first, second] = e.args;
  if (
    name === 'extract' &&
    e.args.length === 2 &&
    first?.kind === 'literal' &&
    second !== undefined
  ) {
    if (first.value.type === 'string' && /^[a-z_]+$/.test(first.value.value))
      return `EXTRACT(${first.value.value} FROM ${printExpr(second)})`;
  }
  if (name === 'position' && e.args.length === 2 && first !== undefined && second !== undefined) {
    const arg = (x: Expr): string => operand(x, Prec.pattern + 1);
    return `POSITION(${arg(second)} IN ${arg(first)})`;
  }
  const args = e.args.map((arg, i) => {
    const argName = e.argNames[i];
    return (argName == null ? '' : `${quoteName([argName])} => `) + printExpr(arg);
  });
  const orderBy =
    e.orderBy.length > 0 ? ` ORDER BY ${e.orderBy.map(printOrderItem).join(', ')}` : '';
  const head = `${quoteName(e.name.parts)}(${e.distinct ? 'DISTINCT ' : ''}${args.join(', ')}${orderBy})`;
  return head + printCallSuffix(e);
}

/** `IGNORE NULLS`, `FILTER (WHERE ...)`, `OVER ...`: the parts after a call's parentheses. */
function printCallSuffix(e: FunctionCall): string {
  const nulls = e.nullTreatment === null ? '' : ` ${e.nullTreatment.toUpperCase()} NULLS`;
  const filter = e.filter === null ? '' : ` FILTER (WHERE ${printExpr(e.filter)})`;
  const over = e.over === null ? '' : ` OVER ${printOver(e.over)}`;
  return filter + nulls + over;
}

const PRINTERS: { readonly [K in ExprKind]: Printer<K> } = {
  literal: printLiteral,
  'typed-literal': (e) => `${printType(e.type)} ${quoteString(e.value)}`,
  column: (e) => quoteName(e.name.parts),
  star: (e) => (e.qualifier === null ? '*' : `${quoteName(e.qualifier.parts)}.*`),
  param: (e) => `$${e.index}`,
  'grouping-sets': (e) => {
    const list = (xs: readonly Expr[]): string => `(${xs.map(printExpr).join(', ')})`;
    // A nested ROLLUP/CUBE/GROUPING SETS is a set of its own, written without parentheses.
    const set = (xs: readonly Expr[]): string =>
      xs.length === 1 && xs[0]?.kind === 'grouping-sets' ? printExpr(xs[0]) : list(xs);
    if (e.type === 'sets') return `GROUPING SETS (${e.sets.map(set).join(', ')})`;
    const items = e.sets.map((s) => (s.length === 1 ? printExpr(s[0]!) : list(s)));
    return `${e.type === 'rollup' ? 'ROLLUP' : 'CUBE'} (${items.join(', ')})`;
  },
  unary: (e) => {
    if (e.op === 'not') return `NOT ${operand(e.operand, Prec.not)}`;
    const text = operand(e.operand, Prec.unary);
    // `- -1`, not `--1`, which would start a comment.
    return e.op + (text.startsWith('-') || text.startsWith('+') ? ' ' : '') + text;
  },
  binary: (e) => {
    const prec = BINARY_PREC[e.op];
    const leftMin = prec === Prec.comparison ? prec + 1 : prec;
    const op = e.op === 'and' || e.op === 'or' ? e.op.toUpperCase() : e.op;
    return `${operand(e.left, leftMin)} ${op} ${operand(e.right, prec + 1)}`;
  },
  function: printFunction,
  cast: (e) =>
    `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${printExpr(e.operand)} AS ${printType(e.type)})`,
  case: (e) => {
    const parts = ['CASE'];
    if (e.operand !== null) parts.push(printExpr(e.operand));
    for (const w of e.whens) parts.push(`WHEN ${printExpr(w.when)} THEN ${printExpr(w.then)}`);
    if (e.otherwise !== null) parts.push(`ELSE ${printExpr(e.otherwise)}`);
    return `${parts.join(' ')} END`;
  },
  'in-list': (e) =>
    `${operand(e.operand, Prec.pattern + 1)} ${not(e.negated)}IN (${e.list.map(printExpr).join(', ')})`,
  between: (e) => {
    const [x, lo, hi] = [e.operand, e.low, e.high].map((p) => operand(p, Prec.pattern + 1));
    const symmetric = e.symmetric ? 'SYMMETRIC ' : '';
    return `${x} ${not(e.negated)}BETWEEN ${symmetric}${lo} AND ${hi}`;
  },
  is: (e) => {
    const x = operand(e.operand, Prec.is);
    if (e.test !== 'distinct-from') return `${x} IS ${not(e.negated)}${e.test.toUpperCase()}`;
    const other = e.other === null ? 'NULL' : operand(e.other, Prec.is + 1);
    return `${x} IS ${not(e.negated)}DISTINCT FROM ${other}`;
  },
  like: (e) => {
    const op = `${not(e.negated)}${e.caseInsensitive ? 'ILIKE' : 'LIKE'}`;
    const escape = e.escape === null ? '' : ` ESCAPE ${operand(e.escape, Prec.pattern + 1)}`;
    return `${operand(e.operand, Prec.pattern + 1)} ${op} ${operand(e.pattern, Prec.pattern + 1)}${escape}`;
  },
  subscript: (e) => `${operand(e.operand, Prec.postfix)}[${printExpr(e.index)}]`,
  array: (e) => `ARRAY[${e.elements.map(printExpr).join(', ')}]`,
  'scalar-subquery': (e) => `(${printQuery(e.query)})`,
  exists: (e) => `${not(e.negated)}EXISTS (${printQuery(e.query)})`,
  'in-subquery': (e) =>
    `${operand(e.operand, Prec.pattern + 1)} ${not(e.negated)}IN (${printQuery(e.query)})`,
  quantified: (e) => {
    const inner = e.query !== null ? printQuery(e.query) : e.array ? printExpr(e.array) : '';
    return `${operand(e.operand, Prec.comparison + 1)} ${e.op} ${e.quantifier.toUpperCase()} (${inner})`;
  },
  row: (e) => {
    const items = e.items.map(printExpr).join(', ');
    return e.explicit || e.items.length < 2 ? `ROW(${items})` : `(${items})`;
  },
};
