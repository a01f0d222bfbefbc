import { LakeError } from '../../common/errors.js';
import { formatType, Types } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Expr, FunctionCall } from '../../sql/ast.js';
import { call, constant, type BoundExpr } from '../../../planner/plan/bound-expr.js';
import { findFunction } from '../../exec/functions/function-registry.js';
import { commonType } from '../../common/type-coercion.js';
import { errorAt, type BindContext } from './bind-context.js';
import { coerceTo } from './coerce.js';
import { isAggregateName } from '../../exec/aggregate-functions.js';

type Bind = (e: Expr, ctx: BindContext) => BoundExpr;
type SpecialForm = (e: FunctionCall, args: BoundExpr[], ctx: BindContext) => BoundExpr;

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
  // pg_typeof reports the argument's resolved type (a regtype; shown as its name).
  pg_typeof: (e, args, ctx) => {
    if (args.length !== 1 || !args[0]) throw noFunction(e, args, ctx);
    return constant(Types.text, formatType(args[0].type));
  },
};

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

function noFunction(e: FunctionCall, args: readonly BoundExpr[], ctx: BindContext): unknown {
  const name = e.name.parts.join('.');
  return errorAt(
    ctx,
    e.span,
    new LakeError(
      SqlState.undefinedFunction,
      `function ${name}(${args.map((a) => formatType(a.type)).join(', ')}) does not exist`,
      {
        hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      },
    ),
  );
}

/** A function call: special forms, then the registry's overloads; aggregates only where allowed. */
export function bindFunction(e: FunctionCall, ctx: BindContext, bind: Bind): BoundExpr {
  const name =
    (e.name.parts.length === 2 && e.name.parts[0] === 'pg_catalog'
      ? e.name.parts[1]
      : e.name.parts.join('.')) ?? '';
  if (isAggregateName(name)) {
    throw errorAt(
      ctx,
      e.span,
      new LakeError(
        SqlState.groupingError,
        `aggregate functions are not allowed in ${ctx.clause ?? 'this context'}`,
      ),
    );
  }
  if (name === 'generate_series') {
    throw errorAt(
      ctx,
      e.span,
      new LakeError(
        SqlState.featureNotSupported,
        'set-returning functions are supported only in FROM',
      ),
    );
  }
  const args = e.args.map((a) => bind(a, ctx));
  const special = specialForms[name];
  if (special) return special(e, args, ctx);
  const f = findFunction(name);
  const signature = f?.resolve(args.map((a) => a.type));
  if (!f || !signature || e.distinct) throw noFunction(e, args, ctx);
  const coerced = args.map((a, i) =>
    coerceTo(a, signature.args[i] ?? a.type, ctx, e.args[i]?.span.start ?? e.span.start),
  );
  return call(f.name, signature.returns, coerced);
}
