import type { BinaryOp, ComparisonOp, Expr, Literal, UnaryOp } from './ast.js';
import { isQuantifier, parseQuantified } from './expr-quantified.js';
import { parsePrimary } from './expr-primary.js';
import { parseInfixKeyword } from './expr-predicates.js';
import { BINARY_PREC, OPERATOR_TOKENS, Prec, isNonAssociative } from './precedence.js';
import type { TokenCursor } from './token-cursor.js';
import { parseTypeName } from './type-name-parser.js';
import { notSupportedYet } from './unsupported-syntax.js';
import { ownValue } from './own-value.js';

/** One infix or postfix step: its precedence and how to parse it given the left operand. */
export interface Infix {
  readonly prec: number;
  readonly parse: (c: TokenCursor, left: Expr) => Expr;
}

/**
 * Precedence climbing over PostgreSQL's operator table (docs §4.1.6): parses an
 * expression whose operators all bind at least as tightly as `minPrec`.
 */
export function parseExpr(c: TokenCursor, minPrec: number = Prec.or): Expr {
  let left = parsePrefix(c);
  let lastNonAssoc = -1;
  for (;;) {
    const step = infixAt(c);
    if (step === null || step.prec < minPrec) return left;
    if (step.prec === lastNonAssoc) throw c.error();
    left = step.parse(c, left);
    lastNonAssoc = isNonAssociative(step.prec) ? step.prec : -1;
  }
}

const PREFIX_OPS: Readonly<Record<string, UnaryOp>> = { '-': '-', '+': '+', '~': '~' };

function parsePrefix(c: TokenCursor): Expr {
  const t = c.peek;
  if (c.acceptWords('not')) {
    const operand = parseExpr(c, Prec.not);
    // NOT EXISTS is one node, so the binder sees an anti-join without unwrapping.
    if (operand.kind === 'exists' && !operand.negated)
      return { ...operand, span: c.span(t.start), negated: true };
    return { kind: 'unary', span: c.span(t.start), op: 'not', operand };
  }
  const op = t.kind === 'op' ? ownValue(PREFIX_OPS, t.value) : undefined;
  if (op === undefined) return parsePrimary(c);
  c.next();
  const operand = parseExpr(c, Prec.unary);
  const span = c.span(t.start);
  if (op === '-' && operand.kind === 'literal') {
    const folded = negateNumber(operand);
    if (folded !== null) return { ...folded, span };
  }
  return { kind: 'unary', span, op, operand };
}

/** `-5` is a constant, not an operator applied to 5, so int8's minimum fits (gram.y doNegate). */
function negateNumber(lit: Literal): Literal | null {
  const v = lit.value;
  if (v.type !== 'integer' && v.type !== 'decimal') return null;
  const text = v.text.startsWith('-') ? v.text.slice(1) : '-' + v.text;
  return { ...lit, value: { type: v.type, text } };
}

function binary(op: BinaryOp): Infix {
  const prec = BINARY_PREC[op];
  return {
    prec,
    parse: (c, left) => {
      c.next();
      if (prec === Prec.comparison && isQuantifier(c)) {
        return parseQuantified(c, left, op as ComparisonOp);
      }
      const right = parseExpr(c, prec + 1);
      return { kind: 'binary', span: c.span(left.span.start), op, left, right };
    },
  };
}

const CAST: Infix = {
  prec: Prec.postfix,
  parse: (c, operand) => {
    c.next();
    const type = parseTypeName(c);
    return { kind: 'cast', span: c.span(operand.span.start), operand, type, tryCast: false };
  },
};

const SUBSCRIPT: Infix = {
  prec: Prec.postfix,
  parse: (c, operand) => {
    c.next();
    const index = parseExpr(c);
    if (c.isPunct(':')) throw notSupportedYet(c, 'array slicing');
    c.expectPunct(']');
    return { kind: 'subscript', span: c.span(operand.span.start), operand, index };
  },
};

/** Operators that end an expression here and belong to an enclosing construct. */
const TERMINATING_OPS: ReadonlySet<string> = new Set(['=>', ':=']);

function infixAt(c: TokenCursor): Infix | null {
  const t = c.peek;
  if (t.kind === 'word') return parseInfixKeyword(c);
  if (t.kind === 'punct') return t.value === '[' ? SUBSCRIPT : null;
  if (t.kind !== 'op') return null;
  if (t.value === '::') return CAST;
  const op = ownValue(OPERATOR_TOKENS, t.value);
  if (op !== undefined) return binary(op);
  if (TERMINATING_OPS.has(t.value)) return null;
  throw notSupportedYet(c, `operator ${t.value}`);
}
