import { LakeError } from '../../src/common/errors.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { ColumnRef } from '../../src/sql/ast.js';
import { ref, type BoundExpr } from '../plan/bound-expr.js';
import { failAt, positionOf, type BindContext } from './bind-context.js';
import type { Scope, ScopeColumn } from './scope.js';

/** The column a name means in one scope level: none, one, or ambiguous. */
export function matchColumns(
  scope: Scope,
  name: string,
  qualifier: string | null,
): readonly ScopeColumn[] {
  return scope.columns.filter((c) =>
    qualifier === null
      ? c.unqualified && c.name === name
      : c.qualifier === qualifier && c.name === name,
  );
}

function hasQualifier(scope: Scope, qualifier: string): boolean {
  return scope.columns.some((c) => c.qualifier === qualifier);
}

/**
 * A column reference (docs §4.2.1): `col` or `qualifier.col`, searched in the
 * query's own FROM items, then in each enclosing query's (a correlated reference
 * becomes a `ref` to the outer column's id). 42703 when absent, 42702 when
 * ambiguous, 42P01 for an unknown qualifier, with PostgreSQL's wording.
 */
export function resolveColumn(e: ColumnRef, ctx: BindContext): BoundExpr {
  return ref(...idAndType(findColumn(e, ctx)));
}

function idAndType(c: ScopeColumn): [number, ScopeColumn['type']] {
  return [c.id, c.type];
}

export function findColumn(e: ColumnRef, ctx: BindContext): ScopeColumn {
  const parts = e.name.parts;
  const name = parts[parts.length - 1] ?? '';
  const qualifier = parts.length > 1 ? (parts[parts.length - 2] ?? null) : null;
  let qualifierSeen = false;
  for (let s: Scope | null = ctx.scope; s; s = s.parent) {
    if (qualifier !== null && hasQualifier(s, qualifier)) qualifierSeen = true;
    const matches = matchColumns(s, name, qualifier);
    const [first, second] = matches;
    if (second && second.id !== first?.id) {
      throw failAt(
        ctx,
        e.span,
        SqlState.ambiguousColumn,
        `column reference "${name}" is ambiguous`,
      );
    }
    if (first && s.lateralRefused) throw refusedLateral(e, first, ctx);
    if (first) return first;
    // A qualifier names the innermost FROM item of that name; PostgreSQL does not look further out.
    if (qualifier !== null && hasQualifier(s, qualifier)) break;
  }
  if (qualifier !== null && !qualifierSeen) {
    throw failAt(
      ctx,
      e.span,
      SqlState.undefinedTable,
      `missing FROM-clause entry for table "${qualifier}"`,
    );
  }
  const shown = qualifier === null ? `column "${name}"` : `column ${qualifier}.${name}`;
  throw failAt(ctx, e.span, SqlState.undefinedColumn, `${shown} does not exist`);
}

/** 42P10 for a LATERAL reference to the left side of a RIGHT or FULL join (see Scope). */
function refusedLateral(e: ColumnRef, c: ScopeColumn, ctx: BindContext): LakeError {
  return new LakeError(
    SqlState.invalidColumnReference,
    `invalid reference to FROM-clause entry for table "${c.qualifier ?? ''}"`,
    {
      position: positionOf(ctx, e.span),
      detail: 'The combining JOIN type must be INNER or LEFT for a LATERAL reference.',
    },
  );
}
