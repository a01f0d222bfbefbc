import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { ColumnRef } from '../../sql/ast.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { errorAt, type BindContext } from './bind-context.js';

/**
 * A column reference against the visible columns (docs §4.2.1): `col` or
 * `qualifier.col`; 42703 when absent, 42702 when ambiguous, 42P01 for an unknown
 * qualifier, with PostgreSQL's wording.
 */
export function resolveColumn(e: ColumnRef, ctx: BindContext): BoundExpr {
  const parts = e.name.parts;
  const name = parts[parts.length - 1] ?? '';
  const qualifier = parts.length > 1 ? (parts[parts.length - 2] ?? null) : null;
  if (qualifier !== null && !ctx.scope.some((c) => c.qualifier === qualifier)) {
    throw errorAt(
      ctx,
      e.span,
      new LakeError(SqlState.undefinedTable, `missing FROM-clause entry for table "${qualifier}"`),
    );
  }
  const matches = ctx.scope
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.name === name && (qualifier === null || c.qualifier === qualifier));
  const [first, second] = matches;
  if (!first) {
    const shown = qualifier === null ? `column "${name}"` : `column ${qualifier}.${name}`;
    throw errorAt(ctx, e.span, new LakeError(SqlState.undefinedColumn, `${shown} does not exist`));
  }
  if (second) {
    throw errorAt(
      ctx,
      e.span,
      new LakeError(SqlState.ambiguousColumn, `column reference "${name}" is ambiguous`),
    );
  }
  return { kind: 'column', type: first.c.type, index: first.index };
}
