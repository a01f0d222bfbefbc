import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { Query } from '../../sql/ast.js';
import { bindQuery } from '../query/bind-query.js';
import type { QueryPlan } from '../query/query-plan.js';
import { runQuery } from '../query/run-query.js';
import { loadQueryTables } from '../query/table-resolver.js';
import type { RowStream } from '../row-stream.js';
import type { Bound, EngineParsed, SessionCore, StatementHandler } from '../session-core.js';
import type { StatementRun } from '../statement-run.js';

/** Loads the query's tables, then binds it (shared by SELECT, DECLARE, COPY and EXPLAIN). */
export async function prepareQuery(
  core: SessionCore,
  query: Query,
  parsed: EngineParsed,
  paramTypes: (SqlType | undefined)[],
): Promise<QueryPlan> {
  const tables = await loadQueryTables(query, core.tableLookup(), parsed.fullText);
  return bindQuery(query, {
    text: parsed.fullText,
    paramTypes,
    timeZone: core.settings.show('TimeZone'),
    tables,
  });
}

export function startQuery(
  core: SessionCore,
  plan: QueryPlan,
  params: readonly SqlValue[],
  run: StatementRun,
): RowStream {
  const { io, scanPool, limits } = core.options;
  const ctx = core.evalContext(params, run);
  return {
    columns: plan.columns,
    batches: runQuery(plan, { ctx, io, scanPool, memoryBytes: limits.memoryBytes }),
  };
}

export const queryStatement: StatementHandler<Query> = {
  async prepare(core, s, parsed, paramTypes): Promise<Bound> {
    const plan = await prepareQuery(core, s, parsed, paramTypes);
    return { columns: plan.columns, plan };
  },
  execute(core, _s, prepared, params, run) {
    const stream = startQuery(core, prepared.bound.plan!, params, run);
    return Promise.resolve({ ...stream, tag: (rows) => `SELECT ${rows}` });
  },
};
