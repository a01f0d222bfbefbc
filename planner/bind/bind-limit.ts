import { Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Query } from '../../src/sql/ast.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { LogicalPlan, SortNode } from '../plan/logical-plan.js';
import { topN } from '../plan/plan-factories.js';
import { failWithoutPosition, type BindContext, type BoundRelation } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { coerceImplicitly } from './coerce.js';
import { EMPTY_SCOPE } from './scope.js';

/**
 * LIMIT / OFFSET / FETCH FIRST over a bound query (docs §7.6). The counts see no
 * columns and are int8. `FETCH FIRST n ROWS WITH TIES` needs the ORDER BY's keys to
 * tell ties apart, so it becomes a TopN in place of the query's Sort (which the
 * binder puts either on top or right under the final, row-for-row Project).
 */
export function bindLimit(q: Query, r: BoundRelation, ctx: BindContext): BoundRelation {
  if (q.limit === null && q.offset === null) return r;
  const limitCtx: BindContext = { ...ctx, scope: EMPTY_SCOPE, clause: 'LIMIT' };
  const count = (e: NonNullable<Query['limit']>, clause: string): BoundExpr =>
    coerceImplicitly(
      bindExpr(e, { ...limitCtx, clause }),
      Types.int8,
      ctx,
      e.span.start,
      `argument of ${clause}`,
    );
  const limit = q.limit ? count(q.limit, 'LIMIT') : null;
  const offset = q.offset ? count(q.offset, 'OFFSET') : null;
  if (q.withTies && limit) {
    // A literal NULL fails here, as in parse_clause.c; a NULL `$n` when the TopN runs.
    if (limit.kind === 'const' && limit.value === null) {
      throw failWithoutPosition(
        '2201W',
        'row count cannot be null in FETCH FIRST ... WITH TIES clause',
      );
    }
    return { plan: withTies(r.plan, limit, offset), columns: r.columns };
  }
  const plan: LogicalPlan = {
    kind: 'limit',
    input: r.plan,
    limit,
    offset,
    columns: r.plan.columns,
  };
  return { plan, columns: r.columns };
}

/** The plan with its Sort replaced by a TopN keeping ties; 42601 without ORDER BY (gram.y). */
function withTies(plan: LogicalPlan, limit: BoundExpr, offset: BoundExpr | null): LogicalPlan {
  const ties = (s: SortNode): LogicalPlan => topN(s.input, s.keys, limit, offset, true);
  if (plan.kind === 'sort') return ties(plan);
  if (plan.kind === 'project' && plan.input.kind === 'sort') {
    return { ...plan, input: ties(plan.input) };
  }
  throw failWithoutPosition(
    SqlState.syntaxError,
    'WITH TIES cannot be specified without ORDER BY clause',
  );
}
