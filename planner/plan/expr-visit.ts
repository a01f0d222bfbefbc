import { sameType, Types } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import type { BoundExpr, ColumnId } from './bound-expr.js';
import { freeRefs } from './plan-visit.js';

/**
 * Expression traversal, written once (DESIGN.md §4.3). None of these descend into a
 * subquery's plan: that plan is a separate scope, reached through plan-visit.ts.
 */

/** The expression with `f` applied to each direct child (not into subquery plans). */
export function mapChildren(e: BoundExpr, f: (child: BoundExpr) => BoundExpr): BoundExpr {
  switch (e.kind) {
    case 'const':
    case 'ref':
    case 'column':
    case 'param':
      return e;
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return { ...e, args: e.args.map(f) };
    case 'cast':
      return { ...e, operand: f(e.operand) };
    case 'case':
      return {
        ...e,
        whens: e.whens.map((w) => ({ when: f(w.when), then: f(w.then) })),
        otherwise: f(e.otherwise),
      };
    case 'subquery':
      return e.operand ? { ...e, operand: f(e.operand) } : e;
  }
}

/** The direct children of an expression, in evaluation order. */
export function exprChildren(e: BoundExpr): readonly BoundExpr[] {
  switch (e.kind) {
    case 'const':
    case 'ref':
    case 'column':
    case 'param':
      return [];
    case 'call':
    case 'and':
    case 'or':
    case 'coalesce':
      return e.args;
    case 'cast':
      return [e.operand];
    case 'case':
      return [...e.whens.flatMap((w) => [w.when, w.then]), e.otherwise];
    case 'subquery':
      return e.operand ? [e.operand] : [];
  }
}

/**
 * Bottom-up rewrite: children first, then `f` on the rebuilt node; `f` returns a
 * replacement or undefined to keep it. Unchanged subtrees keep their identity.
 */
export function transformExpr(e: BoundExpr, f: (e: BoundExpr) => BoundExpr | undefined): BoundExpr {
  let changed = false;
  const rebuilt = mapChildren(e, (c) => {
    const n = transformExpr(c, f);
    if (n !== c) changed = true;
    return n;
  });
  const node = changed ? rebuilt : e;
  return f(node) ?? node;
}

/** True when `p` holds for this expression or any sub-expression (not into subquery plans). */
export function anyExpr(e: BoundExpr, p: (e: BoundExpr) => boolean): boolean {
  if (p(e)) return true;
  return exprChildren(e).some((c) => anyExpr(c, p));
}

/**
 * The column ids an expression reads: its refs, plus the free (correlated) refs of
 * the plans of its subqueries, whose own inner columns are not the caller's business.
 */
export function refsOf(e: BoundExpr, into: Set<ColumnId> = new Set()): Set<ColumnId> {
  if (e.kind === 'ref') into.add(e.id);
  else if (e.kind === 'subquery') for (const id of freeRefs(e.plan)) into.add(id);
  for (const c of exprChildren(e)) refsOf(c, into);
  return into;
}

/** refsOf of many expressions at once. */
export function refsOfAll(
  es: readonly BoundExpr[],
  into: Set<ColumnId> = new Set(),
): Set<ColumnId> {
  for (const e of es) refsOf(e, into);
  return into;
}

export const hasSubquery = (e: BoundExpr): boolean => anyExpr(e, (x) => x.kind === 'subquery');

/**
 * Functions whose value changes per call. `now()` and friends are fixed per statement
 * in PostgreSQL (stable), so they are not here.
 */
const VOLATILE = new Set([
  'random',
  'setseed',
  'gen_random_uuid',
  'uuid',
  'rand',
  'nextval',
  'clock_timestamp',
  'timeofday',
]);

export const isVolatile = (e: BoundExpr): boolean =>
  anyExpr(e, (x) => x.kind === 'call' && VOLATILE.has(x.fn));

/** The conjuncts of a predicate, nested ANDs flattened. */
export function conjuncts(e: BoundExpr | null): BoundExpr[] {
  if (e === null) return [];
  if (e.kind === 'and') return e.args.flatMap((a) => conjuncts(a));
  return [e];
}

/** AND of the conjuncts; null for none (meaning true). */
export function andAll(es: readonly BoundExpr[]): BoundExpr | null {
  if (es.length === 0) return null;
  if (es.length === 1) return es[0] ?? null;
  return { kind: 'and', type: Types.bool, args: es };
}

/** Replaces refs by id (not inside subquery plans); used to move predicates across projections. */
export function substituteRefs(e: BoundExpr, map: ReadonlyMap<ColumnId, BoundExpr>): BoundExpr {
  return transformExpr(e, (x) => (x.kind === 'ref' ? map.get(x.id) : undefined));
}

/** Structural equality; subquery plans compare by identity. */
export function exprEquals(a: BoundExpr, b: BoundExpr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || !sameType(a.type, b.type)) return false;
  switch (a.kind) {
    case 'const':
      return b.kind === 'const' && valueEquals(a.value, b.value);
    case 'ref':
      return b.kind === 'ref' && a.id === b.id;
    case 'column':
    case 'param':
      return (b.kind === 'column' || b.kind === 'param') && a.index === b.index;
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && listEquals(a.args, b.args);
    case 'subquery':
      return (
        b.kind === 'subquery' &&
        a.plan === b.plan &&
        a.mode === b.mode &&
        a.negated === b.negated &&
        (a.operand === null
          ? b.operand === null
          : b.operand !== null && exprEquals(a.operand, b.operand))
      );
    case 'cast':
    case 'and':
    case 'or':
    case 'case':
    case 'coalesce':
      return listEquals(exprChildren(a), exprChildren(b));
  }
}

function listEquals(a: readonly BoundExpr[], b: readonly BoundExpr[]): boolean {
  return a.length === b.length && a.every((x, i) => exprEquals(x, b[i] as BoundExpr));
}

function valueEquals(a: SqlValue, b: SqlValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return (
      a instanceof Uint8Array &&
      b instanceof Uint8Array &&
      a.length === b.length &&
      a.every((x, i) => x === b[i])
    );
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = a as readonly SqlValue[];
    const y = b as readonly SqlValue[];
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      x.length === y.length &&
      x.every((v, i) => valueEquals(v, y[i] ?? null))
    );
  }
  const x = a as { months: number; days: number; micros: bigint };
  const y = b as { months: number; days: number; micros: bigint };
  return x.months === y.months && x.days === y.days && x.micros === y.micros;
}
