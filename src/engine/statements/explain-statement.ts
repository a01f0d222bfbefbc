import { LakeError } from '../../common/errors.js';
import { formatType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Explain } from '../../sql/ast.js';
import type { QueryPlan } from '../query/query-plan.js';
import type { StatementHandler } from '../session-core.js';
import { prepareQuery } from './query-statement.js';
import { textBatches, textColumns } from './text-rows.js';

const COLUMNS = textColumns('QUERY PLAN');

/** EXPLAIN of a SELECT: the small engine's fixed pipeline, one line per stage, top first. */
export const explainStatement: StatementHandler<Explain> = {
  async prepare(core, s, parsed, paramTypes) {
    if (s.statement.kind !== 'query') {
      throw new LakeError(
        SqlState.featureNotSupported,
        `EXPLAIN of ${s.statement.kind} is not supported`,
      );
    }
    if (s.analyze)
      throw new LakeError(SqlState.featureNotSupported, 'EXPLAIN ANALYZE is not supported yet');
    return { columns: COLUMNS, plan: await prepareQuery(core, s.statement, parsed, paramTypes) };
  },
  execute(_core, _s, prepared) {
    const rows = describePlan(prepared.bound.plan!).map((line) => [line]);
    return Promise.resolve({
      columns: COLUMNS,
      batches: textBatches(COLUMNS, rows),
      tag: () => 'EXPLAIN',
    });
  },
};

export function describePlan(plan: QueryPlan): string[] {
  const stages: string[] = [];
  if (plan.limit || plan.offset) stages.push('Limit');
  if (plan.sort.length > 0)
    stages.push(`Sort (${plan.sort.length} key${plan.sort.length > 1 ? 's' : ''})`);
  const cols = plan.columns.map((c) => `${c.name} ${formatType(c.type)}`).join(', ');
  stages.push(`Project (${cols})`);
  if (plan.having) stages.push('Filter (HAVING)');
  if (plan.aggregate) {
    const a = plan.aggregate;
    stages.push(
      `${a.keys.length > 0 ? 'HashAggregate' : 'Aggregate'} (${a.keys.length} keys, ${a.aggregates.map((x) => x.fn).join(', ')})`,
    );
  }
  if (plan.filter) stages.push('Filter (WHERE)');
  const s = plan.source;
  stages.push(
    s.kind === 'none'
      ? 'Result (one row)'
      : s.kind === 'system'
        ? `System Relation pg_catalog.${s.relation.name}`
        : s.kind === 'series'
          ? 'Function Scan on generate_series'
          : `Parquet Scan on ${s.table.catalog}.${s.table.ident.namespace}.${s.table.ident.name} (${s.columns.length} columns)`,
  );
  return stages.map((line, i) => (i === 0 ? line : `${'  '.repeat(i)}->  ${line}`));
}
