import { sameType, Types, type SqlType } from '../../src/common/sql-types.js';
import type { BoundConst, BoundExpr } from '../plan/bound-expr.js';
import { transformExpr } from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { emptyValues } from '../plan/plan-factories.js';
import { mapExprs, transformUp } from '../plan/plan-visit.js';

/**
 * Constant folding that can never raise: the planner has no kernels (DESIGN.md §2),
 * so it folds only three-valued logic, CASE/COALESCE with constant branches, NULLs
 * through strict operators, and comparisons of two constants whose order JavaScript
 * gets right (numbers and booleans; text only for equality, since ordering follows
 * a collation). Casts and arithmetic are left to the executor: they may overflow.
 * Then `Filter(true)` disappears and `Filter(false/NULL)` becomes an empty VALUES.
 */
export function foldConstants(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) => {
    const folded = mapExprs(node, foldExpr);
    if (folded.kind === 'filter' && folded.predicate.kind === 'const') {
      return folded.predicate.value === true ? folded.input : emptyValues(folded.columns);
    }
    if (
      folded.kind === 'join' &&
      folded.condition?.kind === 'const' &&
      folded.condition.value === true
    ) {
      return { ...folded, condition: null };
    }
    if (folded.kind === 'scan') {
      const filters = folded.filters.filter((f) => !(f.kind === 'const' && f.value === true));
      if (filters.some((f) => f.kind === 'const')) return emptyValues(folded.columns);
      if (filters.length !== folded.filters.length) return { ...folded, filters };
    }
    return folded;
  });
}

export function foldExpr(e: BoundExpr): BoundExpr {
  return transformExpr(e, foldNode);
}

const BOOL = Types.bool;
const isConst = (e: BoundExpr, v?: boolean | null): e is BoundConst =>
  e.kind === 'const' && (v === undefined || e.value === v);
const boolConst = (v: boolean | null): BoundConst => ({ kind: 'const', type: BOOL, value: v });
const nullOf = (type: SqlType): BoundConst => ({ kind: 'const', type, value: null });

/** Operators that return NULL when any argument is NULL (PostgreSQL STRICT). */
const STRICT = new Set([
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
  'not',
  'negate',
]);
const NEGATED: Readonly<Record<string, string>> = {
  '=': '<>',
  '<>': '=',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
  'is null': 'is not null',
  'is not null': 'is null',
  'is true': 'is not true',
  'is not true': 'is true',
  'is false': 'is not false',
  'is not false': 'is false',
};

function foldNode(e: BoundExpr): BoundExpr | undefined {
  switch (e.kind) {
    case 'and':
    case 'or':
      return foldLogic(e.kind, e.args);
    case 'call':
      return foldCall(e.fn, e.args, e.type);
    case 'case': {
      const whens = e.whens.filter((w) => !(isConst(w.when, false) || isConst(w.when, null)));
      const first = whens[0];
      if (first && isConst(first.when, true)) return first.then;
      if (whens.length === 0) return e.otherwise;
      return whens.length === e.whens.length ? undefined : { ...e, whens };
    }
    case 'coalesce': {
      const args = e.args.filter((a) => !isConst(a, null));
      const first = args[0];
      if (!first) return nullOf(e.type);
      if ((args.length === 1 || isConst(first)) && sameType(first.type, e.type)) return first;
      return args.length === e.args.length ? undefined : { ...e, args };
    }
    case 'cast':
      // Only NULL is safe to cast here: any other value could fail to convert.
      return isConst(e.operand, null) ? nullOf(e.type) : undefined;
    case 'const':
    case 'ref':
    case 'column':
    case 'param':
    case 'subquery':
      return undefined;
  }
}

function foldLogic(kind: 'and' | 'or', args: readonly BoundExpr[]): BoundExpr | undefined {
  const absorbing = kind === 'or'; // OR: true wins; AND: false wins
  const flat: BoundExpr[] = [];
  let sawNull = false;
  for (const a of args.flatMap((x) => (x.kind === kind ? x.args : [x]))) {
    if (isConst(a, absorbing)) return boolConst(absorbing);
    if (isConst(a, !absorbing)) continue;
    if (isConst(a, null)) sawNull = true;
    else flat.push(a);
  }
  if (sawNull) flat.push(boolConst(null));
  if (flat.length === 0) return boolConst(!absorbing);
  if (flat.length === 1) return flat[0];
  const same = flat.length === args.length && flat.every((a, i) => a === args[i]);
  return same ? undefined : { kind, type: BOOL, args: flat };
}

function foldCall(fn: string, args: readonly BoundExpr[], type: SqlType): BoundExpr | undefined {
  if (STRICT.has(fn) && args.some((a) => isConst(a, null))) return nullOf(type);
  const [a, b] = args;
  if (fn === 'not' && a) {
    if (isConst(a)) return typeof a.value === 'boolean' ? boolConst(!a.value) : undefined;
    if (a.kind === 'call' && a.fn === 'not' && a.args[0]) return a.args[0];
    // NOT (x < y) is x >= y in three-valued logic too (NULL stays NULL).
    const neg = a.kind === 'call' ? NEGATED[a.fn] : undefined;
    if (a.kind === 'call' && neg) return { ...a, fn: neg };
    return undefined;
  }
  if (a && isConst(a) && args.length === 1 && fn.startsWith('is ')) return foldIs(fn, a);
  if (a && b && isConst(a) && isConst(b) && args.length === 2) return compareConsts(fn, a, b);
  return undefined;
}

function foldIs(fn: string, a: BoundConst): BoundExpr | undefined {
  const v = a.value;
  const tests: Readonly<Record<string, () => boolean>> = {
    'is null': () => v === null,
    'is not null': () => v !== null,
    'is true': () => v === true,
    'is not true': () => v !== true,
    'is false': () => v === false,
    'is not false': () => v !== false,
    'is unknown': () => v === null,
    'is not unknown': () => v !== null,
  };
  const t = tests[fn];
  return t ? boolConst(t()) : undefined;
}

const ORDERED = new Set(['bool', 'int2', 'int4', 'int8', 'float4', 'float8', 'date', 'oid']);
const EQUALITY = new Set(['text', 'varchar', 'name', 'uuid']);

/** Comparisons of two constants of one type whose JavaScript order matches PostgreSQL's. */
function compareConsts(fn: string, a: BoundConst, b: BoundConst): BoundExpr | undefined {
  if (a.type.kind !== b.type.kind || !sameType(a.type, b.type)) return undefined;
  const x = a.value;
  const y = b.value;
  if (
    typeof x !== typeof y ||
    (typeof x !== 'number' &&
      typeof x !== 'bigint' &&
      typeof x !== 'boolean' &&
      typeof x !== 'string')
  ) {
    return undefined;
  }
  if (typeof x === 'number' && (Number.isNaN(x) || Number.isNaN(y))) return undefined;
  const ordered = ORDERED.has(a.type.kind);
  if (!ordered && !(EQUALITY.has(a.type.kind) && (fn === '=' || fn === '<>'))) return undefined;
  const c = (x as number) < (y as number) ? -1 : x === y ? 0 : 1;
  const result: Readonly<Record<string, boolean>> = {
    '=': c === 0,
    '<>': c !== 0,
    '<': c < 0,
    '<=': c <= 0,
    '>': c > 0,
    '>=': c >= 0,
  };
  const r = result[fn];
  return r === undefined ? undefined : boolConst(r);
}
