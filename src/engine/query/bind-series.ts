import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { TableFunctionRef } from '../../sql/ast.js';
import { errorAt, type BindContext, type ScopeColumn } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { coerceImplicitly } from './coerce.js';
import type { QuerySource } from './query-plan.js';

/**
 * `generate_series(start, stop [, step])` in FROM (PostgreSQL docs §9.25), over integers:
 * int4 unless an argument is int8. Its one column is named after the alias when there is
 * one, as PostgreSQL names a scalar function's column.
 */
export function bindSeries(
  item: TableFunctionRef,
  ctx: BindContext,
): { source: QuerySource; scope: ScopeColumn[] } {
  const parts = item.call.name.parts;
  const name = parts[parts.length - 1] ?? '';
  const known = name === 'generate_series' && (parts.length === 1 || parts[0] === 'pg_catalog');
  const args = item.call.args.map((a) => bindExpr(a, { ...ctx, scope: [] }));
  if (!known || args.length < 2 || args.length > 3) {
    const types = args.map((a) => a.type.kind).join(', ');
    throw errorAt(
      ctx,
      item.call.span,
      new LakeError(
        SqlState.undefinedFunction,
        `function ${parts.join('.')}(${types}) does not exist`,
        {
          hint: 'Only generate_series(start, stop [, step]) over integers is a table function so far.',
        },
      ),
    );
  }
  const type: SqlType = args.some((a) => a.type.kind === 'int8') ? Types.int8 : Types.int4;
  const [start, stop, step] = args.map((a, i) =>
    coerceImplicitly(
      a,
      type,
      ctx,
      item.call.args[i]?.span.start ?? 0,
      'argument of generate_series',
    ),
  ) as [BoundExpr, BoundExpr, BoundExpr | undefined];
  const column = item.columnAliases[0] ?? item.alias ?? name;
  return {
    source: { kind: 'series', type, start, stop, step: step ?? null },
    scope: [{ name: column, qualifier: item.alias ?? name, type }],
  };
}
