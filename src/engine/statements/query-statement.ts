import { bindQuery } from '../../../planner/bind/bind-statement.js';
import { collectTables, type BoundTables } from '../../../planner/bind/collect-tables.js';
import { NO_STATS, type TableStats } from '../../../planner/optimize/estimate-rows.js';
import { optimize } from '../../../planner/optimize/optimize.js';
import { tableSizes } from '../../../workers/table-sizes.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { functionCatalog } from '../../exec/function-catalog.js';
import type { Query } from '../../sql/ast.js';
import type { ResultColumn } from '../query-engine.js';
import { PlanCache } from '../plan-cache.js';
import { buildPlan, recordBatches } from '../run-plan.js';
import type { RowStream } from '../row-stream.js';
import type {
  Bound,
  EngineParsed,
  PreparedQuery,
  SessionCore,
  StatementHandler,
} from '../session-core.js';
import type { StatementRun } from '../statement-run.js';

/** Loads the query's tables, binds and optimizes it (shared by SELECT, DECLARE, COPY and EXPLAIN). */
export async function prepareQuery(
  core: SessionCore,
  query: Query,
  parsed: EngineParsed,
  paramTypes: (SqlType | undefined)[],
): Promise<PreparedQuery> {
  const timeZone = core.settings.show('TimeZone');
  const cache = cacheOf(core);
  // A statement that names no table is cached under the key of an empty table set, so
  // its repeats skip the catalog walk too; one that names tables never matches that key.
  const tableFreeKey = PlanCache.key(parsed.sql, paramTypes, timeZone, NO_TABLES);
  let hit = cache.get(tableFreeKey);
  const tables = hit ? NO_TABLES : await collectTables(query, core.tableLookup(), parsed.fullText);
  const key =
    tables.size === 0 ? tableFreeKey : PlanCache.key(parsed.sql, paramTypes, timeZone, tables);
  hit ??= cache.get(key);
  if (hit) {
    hit.paramTypes.forEach((t, i) => (paramTypes[i] = t));
    return hit.query;
  }
  const bound = bindQuery(query, {
    text: parsed.fullText,
    paramTypes,
    timeZone,
    tables,
    functions: functionCatalog,
  });
  const columns: ResultColumn[] = bound.columns.map((c) => ({
    name: c.name,
    type: c.type,
    ...(c.columnNumber === undefined
      ? {}
      : { tableOid: c.tableOid ?? 0, columnNumber: c.columnNumber }),
  }));
  const stats = await tableStats(core, tables);
  const prepared = { plan: optimize(bound.plan, { stats }), logical: bound.plan, columns };
  cache.set(key, { query: prepared, paramTypes: [...paramTypes] });
  return prepared;
}

const NO_TABLES: BoundTables = new Map();

/** Sizes for join ordering, when the statement reads more than one table (else moot). */
async function tableStats(core: SessionCore, tables: BoundTables): Promise<TableStats> {
  const lake = [
    ...new Set([...tables.values()].flatMap((t) => (t.kind === 'lake' ? [t.table] : []))),
  ];
  if (lake.length < 2) return NO_STATS;
  const sizes = await tableSizes(lake, core.options);
  return {
    rowCount: (t) => sizes.get(t)?.rows ?? null,
    distinctCount: (t, column) => sizes.get(t)?.distinct.get(column) ?? null,
  };
}
const caches = new WeakMap<SessionCore, PlanCache>();

function cacheOf(core: SessionCore): PlanCache {
  let cache = caches.get(core);
  if (!cache) caches.set(core, (cache = new PlanCache()));
  return cache;
}

export function startQuery(
  core: SessionCore,
  query: PreparedQuery,
  params: readonly SqlValue[],
  run: StatementRun,
): RowStream {
  const { root } = buildPlan(query.plan, core.evalContext(params, run), core.options);
  return { columns: query.columns, batches: recordBatches(root, query.columns) };
}

export const queryStatement: StatementHandler<Query> = {
  async prepare(core, s, parsed, paramTypes): Promise<Bound> {
    const query = await prepareQuery(core, s, parsed, paramTypes);
    return { columns: query.columns, query };
  },
  execute(core, _s, prepared, params, run) {
    const stream = startQuery(core, prepared.bound.query!, params, run);
    return Promise.resolve({ ...stream, tag: (rows) => `SELECT ${rows}` });
  },
};
