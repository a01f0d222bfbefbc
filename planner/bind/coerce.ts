import { LakeError } from '../../src/common/errors.js';
import { formatType, sameType, type SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { canCoerceImplicitly } from '../../src/common/type-coercion.js';
import { textParser } from '../../src/common/values/parse-value.js';
import { constant, type BoundExpr } from '../plan/bound-expr.js';
import { errorAt, type BindContext } from './bind-context.js';

const textLike = new Set(['text', 'varchar', 'bpchar', 'name', 'char']);

/** An unknown literal's text read as `to` (its input function); varchar(n)/char(n) truncate as an explicit cast does. */
function fromUnknown(text: string, to: SqlType, ctx: BindContext): SqlValue {
  if (textLike.has(to.kind)) {
    const n = to.kind === 'varchar' || to.kind === 'bpchar' ? to.length : null;
    return n === null ? textParser(to, ctx)(text) : [...text].slice(0, n).join('');
  }
  return textParser(to, ctx)(text);
}

const integers = new Set(['int2', 'int4', 'int8']);

/** Widening a typed numeric constant needs no executor: int → int8, float8, numeric. */
function widen(v: SqlValue, from: SqlType, to: SqlType): SqlValue | undefined {
  if (!integers.has(from.kind) || (typeof v !== 'number' && typeof v !== 'bigint')) {
    return undefined;
  }
  switch (to.kind) {
    case 'int8':
      return BigInt(v);
    case 'float8':
      return Number(v);
    case 'numeric':
      return to.precision === null ? v.toString() : undefined;
    default:
      return undefined;
  }
}

/**
 * Converts a bound expression to a type. Unknown-typed literals are converted
 * now, with the literal's position on error (PostgreSQL folds them while parsing:
 * `select 1 + 'a'` points at 'a'); untyped parameters take the type (docs §10:
 * "unknown" inference); integer constants widen in place; anything else gets a
 * cast node, which the optimizer's constant folding or the executor evaluates.
 */
export function coerceTo(e: BoundExpr, to: SqlType, ctx: BindContext, position: number): BoundExpr {
  if (sameType(e.type, to)) return e;
  if (e.kind === 'param' && e.type.kind === 'unknown') {
    ctx.paramTypes[e.index] = to;
    return { ...e, type: to };
  }
  if (e.kind === 'const') {
    if (e.value === null) return constant(to, null);
    if (e.type.kind === 'unknown' && typeof e.value === 'string') {
      try {
        return constant(to, fromUnknown(e.value, to, ctx));
      } catch (err) {
        throw errorAt(ctx, position, err);
      }
    }
    const widened = widen(e.value, e.type, to);
    if (widened !== undefined) return constant(to, widened);
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
