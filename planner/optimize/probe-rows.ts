import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { conjuncts } from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { estimateRows, isEquiJoin, type TableStats } from './estimate-rows.js';

const INTEGER_KEYS = new Set(['int2', 'int4', 'int8']);

/**
 * What building a hash table on `side` costs, in rows, when joined to `other` on
 * `condition`: its estimated rows, except for a side that is a GROUP BY on an integer
 * join key. Probed, that side's aggregate only reads the input rows whose key the
 * other side holds (dynamic filtering through the group key, src/exec/operators/
 * key-filters.ts); built, it reads all of them. So its cost as a build side is its
 * input: TPC-H Q17 and Q20 then build the few outer rows and aggregate only their
 * parts' lineitems.
 */
export function buildCostRows(
  side: { readonly plan: LogicalPlan; readonly rows: number },
  other: { readonly ids: ReadonlySet<ColumnId> },
  condition: BoundExpr | null,
  stats: TableStats,
): number {
  const ids = new Set(side.plan.columns.map((c) => c.id));
  for (const c of conjuncts(condition)) {
    if (!isEquiJoin(c) || c.kind !== 'call') continue;
    const [a, b] = c.args;
    if (a?.kind !== 'ref' || b?.kind !== 'ref') continue;
    const mine =
      ids.has(a.id) && other.ids.has(b.id) ? a : ids.has(b.id) && other.ids.has(a.id) ? b : null;
    if (mine === null || !INTEGER_KEYS.has(mine.type.kind)) continue;
    const input = groupedInput(side.plan, mine.id);
    if (input !== null) return Math.max(side.rows, estimateRows(input, stats));
  }
  return side.rows;
}

/**
 * The input of the aggregate that column `id` is a plain group key of, reached through
 * filters and pass-through projections (the path the executor's key filter takes).
 */
export function groupedInput(plan: LogicalPlan, id: ColumnId): LogicalPlan | null {
  switch (plan.kind) {
    case 'filter':
      return groupedInput(plan.input, id);
    case 'project':
      return plan.exprs.some((e) => e.kind === 'ref' && e.id === id)
        ? groupedInput(plan.input, id)
        : null;
    case 'aggregate': {
      if (plan.groupingSets !== null) return null;
      const at = plan.columns.findIndex((c) => c.id === id);
      const key = at >= 0 && at < plan.keys.length ? plan.keys[at] : undefined;
      return key?.kind === 'ref' ? plan.input : null;
    }
    default:
      return null;
  }
}
