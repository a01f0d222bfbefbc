import { LakeError } from '../../src/common/errors.js';
import { formatType, Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { commonType } from '../../src/common/type-coercion.js';
import type { Expr, FunctionCall } from '../../src/sql/ast.js';
import { call, constant, type BoundExpr } from '../plan/bound-expr.js';
import { errorAt, failAt, type BindContext } from './bind-context.js';
import { coerceTo } from './coerce.js';

type Bind = (e: Expr, ctx: BindContext) => BoundExpr;
type SpecialForm = (e: FunctionCall, args: BoundExpr[], ctx: BindContext) => BoundExpr;

/** PostgreSQL's SQLSTATE for misplaced window functions (errcodes.txt: windowing_error). */
export const WINDOWING_ERROR = '42P20';
/** wrong_object_type: aggregate or window syntax on a plain function. */
export const WRONG_OBJECT_TYPE = '42809';

/** Set-returning functions, which only FROM accepts so far. */
export const TABLE_FUNCTIONS = new Set([
  'generate_series',
  'range',
  'unnest',
  'explode',
  'posexplode',
]);

/** The lower-case name a call resolves by: `pg_catalog.f` is `f`. */
export function functionName(e: FunctionCall): string {
  const parts = e.name.parts;
  return (parts.length === 2 && parts[0] === 'pg_catalog' ? parts[1] : parts.join('.')) ?? '';
}

/** Whether a call is an aggregate (not a window) call: the FunctionCatalog knows it as one. */
export function isAggregateCall(e: FunctionCall, ctx: Pick<BindContext, 'functions'>): boolean {
  return e.over === null && ctx.functions.aggregate(functionName(e)) !== undefined;
}

/** Functions whose typing is not a fixed signature (docs §9.18: COALESCE, NULLIF, GREATEST, LEAST). */
const specialForms: Record<string, SpecialForm> = {
  coalesce: (e, args, ctx) => ({ kind: 'coalesce', ...unify(e, args, ctx, 'COALESCE') }),
  greatest: (e, args, ctx) => ({
    kind: 'call',
    fn: 'greatest',
    ...unify(e, args, ctx, 'GREATEST'),
  }),
  least: (e, args, ctx) => ({ kind: 'call', fn: 'least', ...unify(e, args, ctx, 'LEAST') }),
  nullif: (e, args, ctx) => {
    const { type, args: [a, b] = [] } = unify(e, args, ctx, 'NULLIF');
    if (!a || !b || args.length !== 2) throw noFunction(e, args, ctx);
    // NULLIF(a, b) = CASE WHEN a = b THEN NULL ELSE a END
    return {
      kind: 'case',
      type,
      whens: [{ when: call('=', Types.bool, [a, b]), then: constant(type, null) }],
      otherwise: a,
    };
  },
  // Spark's and Trino's conditional functions are CASE and COALESCE, so only the chosen
  // branch is evaluated: `if(x = 0, 0, 1 / x)` never divides by zero.
  nvl: (e, args, ctx) => twoArgCoalesce(e, args, ctx, 'NVL'),
  ifnull: (e, args, ctx) => twoArgCoalesce(e, args, ctx, 'IFNULL'),
  if: (e, args, ctx) => {
    const [c, ...branches] = args;
    if (!c || branches.length !== 2) throw noFunction(e, args, ctx);
    const { type, args: [a, b] = [] } = unify(e, branches, ctx, 'IF');
    const when = coerceTo(c, Types.bool, ctx, e.args[0]?.span.start ?? e.span.start);
    return { kind: 'case', type, whens: [{ when, then: a! }], otherwise: b! };
  },
  nvl2: (e, args, ctx) => {
    const [test, ...branches] = args;
    if (!test || branches.length !== 2) throw noFunction(e, args, ctx);
    const { type, args: [a, b] = [] } = unify(e, branches, ctx, 'NVL2');
    const when = call('is not null', Types.bool, [test]);
    return { kind: 'case', type, whens: [{ when, then: a! }], otherwise: b! };
  },
  // pg_typeof reports the argument's resolved type (a regtype; shown as its name).
  pg_typeof: (e, args, ctx) => {
    if (args.length !== 1 || !args[0]) throw noFunction(e, args, ctx);
    return constant(Types.text, formatType(args[0].type));
  },
};

function twoArgCoalesce(
  e: FunctionCall,
  args: BoundExpr[],
  ctx: BindContext,
  what: string,
): BoundExpr {
  if (args.length !== 2) throw noFunction(e, args, ctx);
  return { kind: 'coalesce', ...unify(e, args, ctx, what) };
}

function unify(
  e: FunctionCall,
  args: BoundExpr[],
  ctx: BindContext,
  what: string,
): { type: ReturnType<typeof commonType> & object; args: BoundExpr[] } {
  const t = commonType(args.map((a) => a.type));
  if (t === null || args.length === 0) {
    throw errorAt(
      ctx,
      e.span,
      new LakeError(
        SqlState.datatypeMismatch,
        `${what} types ${args.map((a) => formatType(a.type)).join(' and ')} cannot be matched`,
      ),
    );
  }
  return {
    type: t,
    args: args.map((a, i) => coerceTo(a, t, ctx, e.args[i]?.span.start ?? e.span.start)),
  };
}

/** 42883 `function f(integer) does not exist`, pointing at the call. */
export function noFunction(e: FunctionCall, args: readonly BoundExpr[], ctx: BindContext): unknown {
  const name = e.name.parts.join('.');
  return failAt(
    ctx,
    e.span,
    SqlState.undefinedFunction,
    `function ${name}(${args.map((a) => formatType(a.type)).join(', ')}) does not exist`,
    'No function matches the given name and argument types. You might need to add explicit type casts.',
  );
}

/** Where an aggregate or window call landed outside the clauses that accept it. */
function misplaced(e: FunctionCall, ctx: BindContext): LakeError {
  const clause = ctx.clause ?? 'this context';
  if (e.over !== null) {
    const message =
      clause === 'aggregate function calls'
        ? 'aggregate function calls cannot contain window function calls'
        : `window functions are not allowed in ${clause}`;
    return failAt(ctx, e.span, WINDOWING_ERROR, message);
  }
  const message =
    clause === 'aggregate function calls'
      ? 'aggregate function calls cannot be nested'
      : `aggregate functions are not allowed in ${clause}`;
  return failAt(ctx, e.span, SqlState.groupingError, message);
}

/** A function call: window calls and aggregates where allowed, special forms, then the catalog's overloads. */
export function bindFunction(e: FunctionCall, ctx: BindContext, bind: Bind): BoundExpr {
  const name = functionName(e);
  if (e.over !== null) {
    if (!ctx.windowed) throw misplaced(e, ctx);
    return ctx.windowed(e, ctx);
  }
  if (isAggregateCall(e, ctx)) throw misplaced(e, ctx);
  if (TABLE_FUNCTIONS.has(name)) {
    throw failAt(
      ctx,
      e.span,
      SqlState.featureNotSupported,
      'set-returning functions are supported only in FROM',
    );
  }
  // `f(*)` is looked up as `f()`, as PostgreSQL does (42883 "function upper() does not exist").
  const star = e.args.length === 1 && e.args[0]?.kind === 'star';
  const args = star ? [] : e.args.map((a) => bind(a, ctx));
  const special = specialForms[name];
  if (special && !star) return special(e, args, ctx);
  const signature = ctx.functions.scalar(name)?.resolve(args.map((a) => a.type));
  const aggregateOnly = star || e.distinct || e.filter !== null || e.orderBy.length > 0;
  if (!signature || aggregateOnly) {
    if (signature && aggregateOnly) {
      const what = star
        ? `${name}(*)`
        : e.filter !== null
          ? 'FILTER'
          : e.distinct
            ? 'DISTINCT'
            : 'ORDER BY';
      // 42809 (wrong_object_type), PostgreSQL's code in ParseFuncOrColumn; was 42601.
      throw failAt(
        ctx,
        e.span,
        WRONG_OBJECT_TYPE,
        `${what} specified, but ${name} is not an aggregate function`,
      );
    }
    throw noFunction(e, args, ctx);
  }
  const coerced = args.map((a, i) =>
    coerceTo(a, signature.args[i] ?? a.type, ctx, e.args[i]?.span.start ?? e.span.start),
  );
  return call(name, signature.returns, coerced);
}
