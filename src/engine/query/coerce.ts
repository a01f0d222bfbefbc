import { LakeError } from '../../common/errors.js';
import { formatType, sameType, type SqlType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import { constant, type BoundExpr } from '../../../planner/plan/bound-expr.js';
import { converter } from '../../exec/kernels/cast.js';
import { canCoerceImplicitly } from '../../common/type-coercion.js';
import { errorAt, type BindContext } from './bind-context.js';

/**
 * Converts a bound expression to a type. Unknown-typed literals are converted
 * now, with the literal's position on error (PostgreSQL folds them while parsing:
 * `select 1 + 'a'` points at 'a'); untyped parameters take the type (docs §10:
 * "unknown" inference); anything else gets a cast node.
 */
export function coerceTo(e: BoundExpr, to: SqlType, ctx: BindContext, position: number): BoundExpr {
  if (sameType(e.type, to)) return e;
  if (e.kind === 'param' && e.type.kind === 'unknown') {
    ctx.paramTypes[e.index] = to;
    return { ...e, type: to };
  }
  if (e.kind === 'const') {
    if (e.value === null) return constant(to, null);
    try {
      const f = converter(e.type, to, { timeZone: ctx.timeZone, extraFloatDigits: 1 });
      return constant(to, f(e.value));
    } catch (err) {
      if (e.type.kind === 'unknown') throw errorAt(ctx, position, err);
      // A typed constant that fails converts at run time like PostgreSQL's executor.
    }
  }
  return { kind: 'cast', type: to, operand: e };
}

/** Implicit coercion for function and operator arguments; 42804 when there is none. */
export function coerceImplicitly(
  e: BoundExpr,
  to: SqlType,
  ctx: BindContext,
  position: number,
  what: string,
): BoundExpr {
  if (!canCoerceImplicitly(e.type, to)) {
    throw errorAt(
      ctx,
      position,
      new LakeError(
        SqlState.datatypeMismatch,
        `${what} must be type ${formatType(to)}, not type ${formatType(e.type)}`,
      ),
    );
  }
  return coerceTo(e, to, ctx, position);
}
