import { transformExpr } from '../plan/expr-visit.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { mapExprs, nextColumnId, transformUp } from '../plan/plan-visit.js';
import type { IdSource } from './decorrelate-scalar.js';
import { decorrelateLateral } from './decorrelate-lateral.js';
import { decorrelateSubqueries } from './decorrelate-subqueries.js';
import { deriveOrFilters } from './derive-or-filters.js';
import { NO_STATS, type TableStats } from './estimate-rows.js';
import { factorOrConjuncts } from './factor-or-conjuncts.js';
import { eagerAggregate } from './eager-aggregate.js';
import { foldConstants } from './fold-constants.js';
import { markPartialAggregates } from './mark-partial-aggregates.js';
import { orderJoins } from './order-joins.js';
import { pruneColumns } from './prune-columns.js';
import { pushDownFilters } from './push-down-filters.js';
import { pushDownLimit } from './push-down-limit.js';
import { fuseTopN } from './top-n.js';

export interface OptimizeOptions {
  /** Table sizes for join ordering; unknown tables count as UNKNOWN_ROWS. */
  readonly stats?: TableStats;
  /** Called with each rule's output (EXPLAIN VERBOSE can print the steps). */
  readonly onRule?: (name: string, plan: LogicalPlan) => void;
}

export interface RuleContext {
  readonly stats: TableStats;
  /** Fresh column ids, shared by the whole statement (subqueries included). */
  readonly ids: IdSource;
}

export interface OptimizerRule {
  readonly name: string;
  apply(plan: LogicalPlan, ctx: RuleContext): LogicalPlan;
}

/**
 * The rules in order: subqueries (and simple LATERAL joins) become joins first so every
 * later rule sees them;
 * constants fold before pushdown so `WHERE 1 = 1 AND …` pushes cleanly; join order
 * needs the pushed filters for its sizes; eager aggregation then sees the final join
 * tree (and its pre-aggregates stay leaves of it); pruning runs once the shape is final;
 * limits move before TopN fuses them; partial aggregation is decided last.
 */
export const RULES: readonly OptimizerRule[] = [
  { name: 'decorrelate-subqueries', apply: (p, ctx) => decorrelateSubqueries(p, ctx.ids) },
  { name: 'decorrelate-lateral', apply: (p) => decorrelateLateral(p) },
  { name: 'fold-constants', apply: (p) => foldConstants(p) },
  { name: 'factor-or-conjuncts', apply: (p) => factorOrConjuncts(p) },
  { name: 'derive-or-filters', apply: (p) => deriveOrFilters(p) },
  { name: 'push-down-filters', apply: (p) => pushDownFilters(p) },
  { name: 'order-joins', apply: (p, ctx) => orderJoins(p, ctx.stats) },
  { name: 'eager-aggregate', apply: (p, ctx) => eagerAggregate(p, ctx.stats, ctx.ids) },
  { name: 'prune-columns', apply: (p) => pruneColumns(p) },
  { name: 'push-down-limit', apply: (p) => pushDownLimit(p) },
  { name: 'top-n', apply: (p) => fuseTopN(p) },
  { name: 'mark-partial-aggregates', apply: (p) => markPartialAggregates(p) },
];

/** Runs every rule over the plan and, first, over the plans of its subqueries. */
export function optimize(plan: LogicalPlan, options: OptimizeOptions = {}): LogicalPlan {
  const ctx: RuleContext = { stats: options.stats ?? NO_STATS, ids: { next: nextColumnId(plan) } };
  let out = plan;
  for (const rule of RULES) {
    out = withSubqueries(out, (p) => rule.apply(p, ctx));
    options.onRule?.(rule.name, out);
  }
  return out;
}

/** `f` applied to every subquery plan (innermost first), then to the plan itself. */
function withSubqueries(plan: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const inner = transformUp(plan, (node) =>
    mapExprs(node, (e) =>
      transformExpr(e, (x) => {
        if (x.kind !== 'subquery') return undefined;
        const sub = withSubqueries(x.plan, f);
        return sub === x.plan ? undefined : { ...x, plan: sub };
      }),
    ),
  );
  return f(inner);
}
