import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { TimeTravel } from '../../src/sql/ast.js';
import { constant } from '../plan/bound-expr.js';
import type { TimeTravelSpec } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { coerceTo } from './coerce.js';
import { EMPTY_SCOPE } from './scope.js';

/**
 * `VERSION AS OF n | 'tag'` and `TIMESTAMP AS OF '...'` (DESIGN.md §3: validated here,
 * resolved by each format to a snapshot, version or instant). The value must be a
 * literal: an integer or string for versions, something timestamptz accepts for
 * timestamps, read in the session's time zone.
 */
export function bindTimeTravel(t: TimeTravel, ctx: BindContext): TimeTravelSpec {
  const v = t.value;
  if (t.by === 'version') {
    if (v.kind === 'literal' && v.value.type === 'integer') {
      return { by: 'version', version: BigInt(v.value.text) };
    }
    if (v.kind === 'literal' && v.value.type === 'string') {
      return { by: 'version', version: v.value.value };
    }
    throw failAt(
      ctx,
      v.span,
      SqlState.datatypeMismatch,
      'VERSION AS OF must be an integer or string literal',
    );
  }
  // A typed literal (`TIMESTAMP '...'`, `DATE '...'`) is read as timestamptz text directly.
  const bound =
    v.kind === 'typed-literal'
      ? constant(Types.unknown, v.value)
      : v.kind === 'literal' || v.kind === 'cast'
        ? bindExpr(v, { ...ctx, scope: EMPTY_SCOPE, clause: 'TIMESTAMP AS OF' })
        : null;
  const ts = bound ? coerceTo(bound, Types.timestamptz, ctx, v.span.start) : null;
  if (!ts || ts.kind !== 'const' || typeof ts.value !== 'bigint') {
    throw failAt(
      ctx,
      v.span,
      SqlState.datatypeMismatch,
      'TIMESTAMP AS OF must be a timestamp literal',
    );
  }
  return { by: 'timestamp', micros: ts.value };
}
