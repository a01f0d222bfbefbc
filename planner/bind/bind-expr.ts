import { LakeError, unsupported } from '../../src/common/errors.js';
import { formatType, sameType, Types, type SqlType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { commonType } from '../../src/common/type-coercion.js';
import type { Expr, ExprKind } from '../../src/sql/ast.js';
import { call, constant, type BoundExpr } from '../plan/bound-expr.js';
import { errorAt, failAt, positionOf, type BindContext } from './bind-context.js';
import { bindFunction } from './bind-function.js';
import {
  bindBetween,
  bindBinary,
  bindInList,
  bindIs,
  bindLike,
  bindUnary,
} from './bind-operators.js';
import { bindQuantified } from './bind-quantified.js';
import { bindExists, bindInSubquery, bindScalarSubquery } from './bind-subquery.js';
import { coerceImplicitly, coerceTo } from './coerce.js';
import { resolveColumn } from './resolve-column.js';
import { resolveAstType } from './resolve-type-name.js';

type Binder<K extends ExprKind> = (e: Expr & { readonly kind: K }, ctx: BindContext) => BoundExpr;

/** Binds an AST expression: resolves names, infers types, applies PostgreSQL's coercions. */
export function bindExpr(e: Expr, ctx: BindContext): BoundExpr {
  const grouped = ctx.grouped?.(e, ctx);
  if (grouped) return grouped;
  return (binders[e.kind] as Binder<typeof e.kind>)(e, ctx);
}

/** Binds a condition (WHERE, HAVING, ON, CASE WHEN): must be boolean (42804). */
export function bindCondition(e: Expr, ctx: BindContext, clause: string): BoundExpr {
  const b = bindExpr(e, ctx);
  return coerceImplicitly(b, Types.bool, ctx, e.span.start, `argument of ${clause}`);
}

const binders: { [K in ExprKind]: Binder<K> } = {
  literal: (e) => bindLiteral(e.value),
  'grouping-sets': (e, ctx) =>
    failAt(
      ctx,
      e.span,
      SqlState.syntaxError,
      'grouping sets are allowed only in GROUP BY',
    ) as never,
  'typed-literal': (e, ctx) =>
    coerceTo(
      constant(Types.unknown, e.value),
      resolveAstType(e.type, positionOf(ctx, e.type.span)),
      ctx,
      e.span.start,
    ),
  column: (e, ctx) => resolveColumn(e, ctx),
  star: (e, ctx) => {
    throw unsupported('* is not allowed in this position', positionOf(ctx, e.span));
  },
  param: (e, ctx) => {
    const known = ctx.paramTypes[e.index - 1];
    if (e.index > ctx.paramTypes.length) {
      for (let i = ctx.paramTypes.length; i < e.index; i++) ctx.paramTypes.push(undefined);
    }
    return { kind: 'param', type: known ?? Types.unknown, index: e.index - 1 };
  },
  unary: (e, ctx) => bindUnary(e, ctx, bindExpr),
  binary: (e, ctx) => noMapComparison(bindBinary(e, ctx, bindExpr), ctx, e.span),
  function: (e, ctx) => bindFunction(e, ctx, bindExpr),
  cast: (e, ctx) => {
    const operand = bindExpr(e.operand, ctx);
    const to = resolveAstType(e.type, positionOf(ctx, e.type.span));
    if (e.tryCast) return bindTryCast(operand, to);
    return coerceTo(operand, to, ctx, e.operand.span.start);
  },
  case: (e, ctx) => bindCase(e, ctx),
  'in-list': (e, ctx) => noMapComparison(bindInList(e, ctx, bindExpr), ctx, e.span),
  between: (e, ctx) => noMapComparison(bindBetween(e, ctx, bindExpr), ctx, e.span),
  is: (e, ctx) => bindIs(e, ctx, bindExpr),
  like: (e, ctx) => bindLike(e, ctx, bindExpr),
  subscript: (e, ctx) => {
    const operand = bindExpr(e.operand, ctx);
    if (operand.type.kind === 'map') {
      // m[key] (Spark, Trino): the key coerced to the map's key type; NULL when absent,
      // as Spark's non-ANSI mode and Trino's element_at (map-functions.ts).
      const key = coerceImplicitly(
        bindExpr(e.index, ctx),
        operand.type.key,
        ctx,
        e.index.span.start,
        'map subscript',
      );
      return call('map_subscript', operand.type.value, [operand, key]);
    }
    if (operand.type.kind !== 'array') {
      throw failAt(
        ctx,
        e.operand.span,
        SqlState.datatypeMismatch,
        `cannot subscript type ${formatType(operand.type)} because it does not support subscripting`,
      );
    }
    const index = coerceImplicitly(
      bindExpr(e.index, ctx),
      Types.int4,
      ctx,
      e.index.span.start,
      'array subscript',
    );
    return call('array_subscript', operand.type.element, [operand, index]);
  },
  array: (e, ctx) => {
    const elements = e.elements.map((x) => bindExpr(x, ctx));
    const branches = elements.map((x, i) => ({ expr: x, start: e.elements[i]?.span.start ?? 0 }));
    const unified = elements.length === 0 ? [] : unifyBranches(branches, ctx, 'ARRAY');
    const element = unified[0]?.type ?? Types.text;
    return call('array', Types.array(element), unified);
  },
  'scalar-subquery': (e, ctx) => bindScalarSubquery(e, ctx),
  exists: (e, ctx) => bindExists(e, ctx),
  'in-subquery': (e, ctx) => bindInSubquery(e, ctx, bindExpr),
  quantified: (e, ctx) => bindQuantified(e, ctx, bindExpr),
  row: (e, ctx) => {
    throw unsupported(
      'row values outside comparisons are not supported yet',
      positionOf(ctx, e.span),
    );
  },
};

const COMPARISONS = new Set([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'is distinct from',
  'is not distinct from',
  'greatest',
  'least',
]);

/**
 * Maps have neither equality nor ordering (Spark rejects them in comparisons, as
 * PostgreSQL rejects types without a btree opclass): 42883 `operator does not exist`,
 * instead of kernels comparing Map objects as if they were scalars.
 */
function noMapComparison(b: BoundExpr, ctx: BindContext, span: Expr['span']): BoundExpr {
  const check = (x: BoundExpr): void => {
    if (x.kind === 'and' || x.kind === 'or') x.args.forEach(check);
    if (x.kind !== 'call') return;
    if (x.fn === 'not') x.args.forEach(check);
    const map = x.args.find((a) => a.type.kind === 'map');
    if (COMPARISONS.has(x.fn) && map !== undefined) {
      throw failAt(
        ctx,
        span,
        SqlState.undefinedFunction,
        `operator does not exist: ${formatType(map.type)} ${x.fn} ${formatType(map.type)}`,
        'Maps cannot be compared; compare their keys or values (m[key], map_keys(m)).',
      );
    }
  };
  check(b);
  return b;
}

/**
 * TRY_CAST(x AS t) (Spark, Trino): the `try_cast` kernel casts and turns data
 * exceptions (class 22) into NULL. An untyped literal is read as text first, so a
 * bad one is NULL too instead of failing here as CAST's folding would.
 */
function bindTryCast(operand: BoundExpr, to: SqlType): BoundExpr {
  if (sameType(operand.type, to)) return operand;
  const typed =
    operand.kind === 'const' && operand.type.kind === 'unknown'
      ? constant(Types.text, operand.value)
      : operand;
  return call('try_cast', to, [typed]);
}

const INT4_MIN = -2147483648n;
const INT4_MAX = 2147483647n;
const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;

/** Literal typing (docs §4.1.2.6): integers are int4, int8 or numeric by size. */
export function bindLiteral(v: Extract<Expr, { kind: 'literal' }>['value']): BoundExpr {
  switch (v.type) {
    case 'null':
      return constant(Types.unknown, null);
    case 'boolean':
      return constant(Types.bool, v.value);
    case 'string':
      return constant(Types.unknown, v.value);
    case 'decimal':
      return constant(Types.numeric(), v.text);
    case 'integer': {
      const n = BigInt(v.text);
      if (n >= INT4_MIN && n <= INT4_MAX) return constant(Types.int4, Number(n));
      if (n >= INT8_MIN && n <= INT8_MAX) return constant(Types.int8, n);
      return constant(Types.numeric(), n.toString());
    }
  }
}

/** Result type of CASE/COALESCE branches (docs §10.5), or 42804 `CASE types x and y cannot be matched`. */
export function unifyBranches(
  branches: readonly { expr: BoundExpr; start: number }[],
  ctx: BindContext,
  construct: string,
): BoundExpr[] {
  const t: SqlType | null = commonType(branches.map((b) => b.expr.type));
  if (t === null) {
    const known = branches.filter((b) => b.expr.type.kind !== 'unknown');
    const first = known[0];
    const bad =
      known.find((b) => first && commonType([first.expr.type, b.expr.type]) === null) ?? first;
    const shown = (b: typeof first): string => (b ? formatType(b.expr.type) : 'unknown');
    throw errorAt(
      ctx,
      bad?.start ?? 0,
      new LakeError(
        SqlState.datatypeMismatch,
        `${construct} types ${shown(first)} and ${shown(bad)} cannot be matched`,
      ),
    );
  }
  return branches.map((b) => coerceTo(b.expr, t, ctx, b.start));
}

function bindCase(e: Extract<Expr, { kind: 'case' }>, ctx: BindContext): BoundExpr {
  const whens = e.whens.map((w) => {
    const cond: Expr = e.operand
      ? { kind: 'binary', op: '=', left: e.operand, right: w.when, span: w.when.span }
      : w.when;
    return {
      when: bindCondition(cond, ctx, 'CASE/WHEN'),
      then: bindExpr(w.then, ctx),
      start: w.then.span.start,
    };
  });
  const otherwise = e.otherwise ? bindExpr(e.otherwise, ctx) : constant(Types.unknown, null);
  const branches = [
    ...whens.map((w) => ({ expr: w.then, start: w.start })),
    { expr: otherwise, start: e.otherwise?.span.start ?? e.span.start },
  ];
  const unified = unifyBranches(branches, ctx, 'CASE');
  const type = unified[0]?.type ?? Types.text;
  return {
    kind: 'case',
    type,
    whens: whens.map((w, i) => ({ when: w.when, then: unified[i] ?? w.then })),
    otherwise: unified[unified.length - 1] ?? otherwise,
  };
}
