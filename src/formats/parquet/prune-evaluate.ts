import type { SqlValue } from '../../common/sql-value.js';
import type { BoundExpr, ColumnId } from '../../../planner/plan/bound-expr.js';
import { type Family, compareIn, constFits } from './prune-values.js';

/**
 * Three-valued evaluation of a pushed filter over what is known of a set of rows (a
 * partition's constants, a row group's min/max/null count), as the set of outcomes some
 * row may produce: TRUE, FALSE, NULL. Rows can match only if TRUE is possible. Anything
 * not understood may produce every outcome, so pruning stays conservative.
 */
export const T = 1;
export const F = 2;
export const N = 4;
export const ANY = T | F | N;

/** What is known of one column over the rows considered. */
export type Domain =
  /** Every row holds this value (partition constant); null is SQL NULL. */
  | { readonly kind: 'exact'; readonly value: SqlValue }
  /** Non-null values lie in [min, max] (either bound null: unknown); `nulls` says whether NULLs occur. */
  | {
      readonly kind: 'range';
      readonly min: SqlValue;
      readonly max: SqlValue;
      readonly nulls: 'none' | 'some' | 'all' | 'unknown';
    }
  | { readonly kind: 'unknown' };

export interface ColumnFacts {
  readonly family: Family | null;
  readonly domain: Domain;
}

/** Facts about the column a `ref` id names; undefined for ids that are not scan columns. */
export type FactsOf = (id: ColumnId) => ColumnFacts | undefined;

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export function outcomes(e: BoundExpr, facts: FactsOf): number {
  switch (e.kind) {
    case 'const':
      return e.value === null ? N : e.value === true ? T : e.value === false ? F : ANY;
    case 'and':
      return e.args.reduce((acc, a) => and(acc, outcomes(a, facts)), T);
    case 'or':
      return e.args.reduce((acc, a) => or(acc, outcomes(a, facts)), F);
    case 'call':
      return callOutcomes(e.fn, e.args, facts);
    default:
      return ANY;
  }
}

function callOutcomes(fn: string, args: readonly BoundExpr[], facts: FactsOf): number {
  const [a, b, c] = args;
  if (fn === 'not' && a !== undefined) return not(outcomes(a, facts));
  if ((fn === 'is null' || fn === 'is not null') && a !== undefined) {
    const r = nullTest(a, facts);
    return fn === 'is null' ? r : not(r);
  }
  if (COMPARISONS.has(fn) && a !== undefined && b !== undefined) return compare(fn, a, b, facts);
  if ((fn === 'between' || fn === 'not between') && a && b && c) {
    const r = and(compare('>=', a, b, facts), compare('<=', a, c, facts));
    return fn === 'between' ? r : not(r);
  }
  if ((fn === 'in' || fn === 'not in') && a !== undefined && args.length > 1) {
    const r = args.slice(1).reduce((acc, x) => or(acc, compare('=', a, x, facts)), F);
    return fn === 'in' ? r : not(r);
  }
  return ANY;
}

/** `column op const` or `const op column`; other shapes are not pruned on. */
function compare(op: string, left: BoundExpr, right: BoundExpr, facts: FactsOf): number {
  const l = plainColumn(left);
  const r = plainColumn(right);
  if (l.kind === 'const' && r.kind === 'ref') return compare(FLIPPED[op] ?? op, r, l, facts);
  if (l.kind !== 'ref' || r.kind !== 'const') return ANY;
  const f = facts(l.id);
  if (f === undefined || f.family === null) return ANY;
  if (r.value === null) return N;
  if (!constFits(f.family, r.type)) return ANY;
  const family = f.family;
  const d = f.domain;
  if (d.kind === 'exact') {
    if (d.value === null) return N;
    const cmp = compareIn(family, d.value, r.value);
    return cmp === null ? ANY : holds(op, cmp) ? T : F;
  }
  if (d.kind === 'unknown') return ANY;
  const nulls = d.nulls === 'all' ? N : d.nulls === 'none' ? 0 : N;
  if (d.nulls === 'all') return N;
  if (d.min === null || d.max === null) return T | F | nulls;
  const lo = compareIn(family, d.min, r.value);
  const hi = compareIn(family, d.max, r.value);
  if (lo === null || hi === null) return ANY;
  return rangeOutcomes(op, lo, hi) | nulls;
}

const INTEGER_WIDTH: Readonly<Record<string, number>> = { int2: 2, int4: 4, int8: 8 };

/**
 * A column under a cast that keeps every value and the order (the binder's coercions
 * `int4_col::int8 = 5000000000`, `decimal_col::numeric > 2`) prunes as the column itself.
 * Narrowing or rounding casts stay opaque: they could turn a pruned row into a match.
 */
function plainColumn(e: BoundExpr): BoundExpr {
  if (e.kind !== 'cast' || e.operand.kind !== 'ref') return e;
  const from = e.operand.type;
  const to = e.type;
  const fromWidth = INTEGER_WIDTH[from.kind];
  const toWidth = INTEGER_WIDTH[to.kind];
  if (fromWidth !== undefined && toWidth !== undefined && toWidth >= fromWidth) return e.operand;
  const unconstrained = to.kind === 'numeric' && to.precision === null && to.scale === null;
  if (unconstrained && (from.kind === 'numeric' || fromWidth !== undefined)) return e.operand;
  return e;
}

/** Possible outcomes of `x op c` for non-null x in [min, max], given min vs c and max vs c. */
function rangeOutcomes(op: string, lo: number, hi: number): number {
  switch (op) {
    case '=':
      return (lo <= 0 && hi >= 0 ? T : 0) | (lo === 0 && hi === 0 ? 0 : F);
    case '<>':
      return (lo === 0 && hi === 0 ? 0 : T) | (lo <= 0 && hi >= 0 ? F : 0);
    case '<':
      return (lo < 0 ? T : 0) | (hi >= 0 ? F : 0);
    case '<=':
      return (lo <= 0 ? T : 0) | (hi > 0 ? F : 0);
    case '>':
      return (hi > 0 ? T : 0) | (lo <= 0 ? F : 0);
    case '>=':
      return (hi >= 0 ? T : 0) | (lo < 0 ? F : 0);
    default:
      return ANY;
  }
}

function holds(op: string, cmp: number): boolean {
  return rangeOutcomes(op, cmp, cmp) === T;
}

function nullTest(e: BoundExpr, facts: FactsOf): number {
  if (e.kind === 'const') return e.value === null ? T : F;
  if (e.kind !== 'ref') return T | F;
  const d = facts(e.id)?.domain;
  if (d === undefined || d.kind === 'unknown') return T | F;
  if (d.kind === 'exact') return d.value === null ? T : F;
  switch (d.nulls) {
    case 'none':
      return F;
    case 'all':
      return T;
    default:
      return T | F;
  }
}

/** Kleene AND/OR/NOT lifted to sets of outcomes. */
function and(x: number, y: number): number {
  let r = 0;
  if (x & F || y & F) r |= F;
  if (x & T && y & T) r |= T;
  if ((x & N && y & (T | N)) || (y & N && x & (T | N))) r |= N;
  return r;
}

function or(x: number, y: number): number {
  let r = 0;
  if (x & T || y & T) r |= T;
  if (x & F && y & F) r |= F;
  if ((x & N && y & (F | N)) || (y & N && x & (F | N))) r |= N;
  return r;
}

function not(x: number): number {
  return (x & T ? F : 0) | (x & F ? T : 0) | (x & N);
}
