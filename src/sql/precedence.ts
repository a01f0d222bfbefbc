import type { BinaryOp } from './ast.js';

/**
 * Operator precedence, lowest to highest, from PostgreSQL docs §4.1.6 (Table 4.2).
 * The parser and the printer share it, so printed SQL re-parses to the same tree.
 */
export const Prec = {
  or: 1,
  and: 2,
  not: 3,
  is: 4,
  comparison: 5,
  /** BETWEEN, IN, LIKE, ILIKE, SIMILAR. */
  pattern: 6,
  /** Any other operator: ||, &, |, #, <<, >>. */
  other: 7,
  additive: 8,
  multiplicative: 9,
  exponent: 10,
  /** `x AT TIME ZONE z`: below unary minus, above `^` (Table 4.2). */
  at: 11,
  unary: 12,
  /** `[ ]` subscripts and `::` casts bind tightest. */
  postfix: 13,
  atom: 14,
} as const;

export const BINARY_PREC: Readonly<Record<BinaryOp, number>> = {
  or: Prec.or,
  and: Prec.and,
  '=': Prec.comparison,
  '<>': Prec.comparison,
  '<': Prec.comparison,
  '<=': Prec.comparison,
  '>': Prec.comparison,
  '>=': Prec.comparison,
  '+': Prec.additive,
  '-': Prec.additive,
  '*': Prec.multiplicative,
  '/': Prec.multiplicative,
  '%': Prec.multiplicative,
  '^': Prec.exponent,
  '||': Prec.other,
  '&': Prec.other,
  '|': Prec.other,
  '#': Prec.other,
  '<<': Prec.other,
  '>>': Prec.other,
};

/** Comparison operators do not associate: `a = b = c` is a syntax error (gram.y %nonassoc). */
export function isNonAssociative(prec: number): boolean {
  return prec === Prec.comparison || prec === Prec.pattern;
}

/** Operator spellings that name a BinaryOp (`!=` is PostgreSQL's alias of `<>`). */
export const OPERATOR_TOKENS: Readonly<Record<string, BinaryOp>> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
  '^': '^',
  '||': '||',
  '&': '&',
  '|': '|',
  '#': '#',
  '<<': '<<',
  '>>': '>>',
};
