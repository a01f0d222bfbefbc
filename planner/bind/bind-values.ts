import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Values } from '../../src/sql/ast.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { ValuesNode } from '../plan/logical-plan.js';
import { failAt, type BindContext, type BoundRelation } from './bind-context.js';
import { bindExpr, unifyBranches } from './bind-expr.js';

/**
 * `VALUES (...), (...)` (docs §7.7): rows of equal length whose columns meet at a
 * common type (42804 `VALUES types integer and text cannot be matched`), named
 * column1, column2, ... An all-unknown column stays unknown inside a set operation
 * (which unifies it with the other side) and is text elsewhere.
 */
export function bindValues(v: Values, ctx: BindContext, resolveUnknown: boolean): BoundRelation {
  const width = v.rows[0]?.length ?? 0;
  const bad = v.rows.find((r) => r.length !== width);
  if (bad) {
    throw failAt(
      ctx,
      bad[0]?.span ?? v.span,
      SqlState.syntaxError,
      'VALUES lists must all be the same length',
    );
  }
  const valuesCtx: BindContext = { ...ctx, clause: 'VALUES' };
  const bound = v.rows.map((r) => r.map((e) => bindExpr(e, valuesCtx)));
  const columns = Array.from({ length: width }, (_, j) => {
    const cells = bound.map((r, i) => ({
      expr: r[j] as BoundExpr,
      start: v.rows[i]?.[j]?.span.start ?? v.span.start,
    }));
    const allUnknown = cells.every((c) => c.expr.type.kind === 'unknown');
    const unified =
      allUnknown && !resolveUnknown
        ? cells.map((c) => c.expr)
        : unifyBranches(cells, ctx, 'VALUES');
    return unified;
  });
  const rows = bound.map((_, i) => columns.map((col) => col[i] as BoundExpr));
  const node: ValuesNode = {
    kind: 'values',
    rows,
    columns: columns.map((col, j) => ({
      id: ctx.ids.next(),
      name: `column${j + 1}`,
      type: col[0]?.type ?? Types.text,
    })),
  };
  return { plan: node, columns: node.columns };
}
