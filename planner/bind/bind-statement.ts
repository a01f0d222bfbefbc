import type { SqlType } from '../../src/common/sql-types.js';
import type { Query, QueryBody } from '../../src/sql/ast.js';
import type { FunctionCatalog } from '../plan/function-catalog.js';
import type { LogicalPlan, PlanColumn } from '../plan/logical-plan.js';
import { type BindContext, type BoundRelation, type StatementState } from './bind-context.js';
import { withCtes } from './bind-cte.js';
import { bindLimit } from './bind-limit.js';
import { bindOutputOrderBy } from './bind-order-by.js';
import { bindSelect } from './bind-select.js';
import { bindSetOperation } from './bind-set-op.js';
import { bindValues } from './bind-values.js';
import type { BoundTables } from './collect-tables.js';
import { ColumnIds } from './column-ids.js';
import { EMPTY_SCOPE } from './scope.js';

export interface BindInput {
  readonly text: string;
  /** `$n` types: known ones are used, inferred ones are written back (undefined = not inferred). */
  readonly paramTypes: (SqlType | undefined)[];
  readonly timeZone: string;
  readonly tables: BoundTables;
  readonly functions: FunctionCatalog;
}

/** A bound statement: its logical plan and its result columns (the plan's columns, in order). */
export interface BoundQuery {
  readonly plan: LogicalPlan;
  readonly columns: readonly PlanColumn[];
}

/**
 * Binds a query (planner entry point): names resolved against `tables` (see
 * collect-tables.ts) and the FunctionCatalog, every expression typed with
 * PostgreSQL's rules, into a logical plan whose columns are the result's. Errors are
 * LakeErrors with PostgreSQL's SQLSTATE and a position in `text`.
 */
export function bindQuery(query: Query, input: BindInput): BoundQuery {
  const state: StatementState = {
    text: input.text,
    paramTypes: input.paramTypes,
    timeZone: input.timeZone,
    tables: input.tables,
    functions: input.functions,
    ids: new ColumnIds(),
    bindSubquery: (q, ctx) => bindQueryIn(q, ctx, true),
  };
  return bindQueryIn(query, { ...state, scope: EMPTY_SCOPE, ctes: null }, true);
}

/**
 * A query at any depth: WITH, body, ORDER BY, LIMIT/OFFSET. `ctx.scope` is the enclosing
 * query's (correlation); `resolveUnknown` is false for a set operation's branches.
 */
function bindQueryIn(q: Query, outer: BindContext, resolveUnknown: boolean): BoundRelation {
  const { grouped: _g, windowed: _w, clause: _c, ...clean } = outer;
  const ctx: BindContext = {
    ...clean,
    ctes: q.with.length > 0 ? withCtes(q.with, clean) : clean.ctes,
  };
  let r: BoundRelation;
  if (q.body.kind === 'select') {
    r = bindSelect(q.body, ctx, q.orderBy, resolveUnknown);
  } else {
    r = bindBody(q.body, ctx, resolveUnknown);
    if (q.orderBy.length > 0) {
      const keys = bindOutputOrderBy(q.orderBy, r.columns, ctx);
      r = {
        plan: { kind: 'sort', input: r.plan, keys, columns: r.plan.columns },
        columns: r.columns,
      };
    }
  }
  return bindLimit(q, r, ctx);
}

function bindBody(body: QueryBody, ctx: BindContext, resolveUnknown: boolean): BoundRelation {
  switch (body.kind) {
    case 'select':
      return bindSelect(body, ctx, [], resolveUnknown);
    case 'values':
      return bindValues(body, ctx, resolveUnknown);
    case 'set-operation':
      return bindSetOperation(body, ctx, resolveUnknown, bindBody);
    case 'query':
      return resolveUnknown ? bindQueryIn(body, ctx, true) : bindQueryIn(body, ctx, false);
  }
}
