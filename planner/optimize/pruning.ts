import type { BoundExpr } from '../plan/bound-expr.js';
import { hasSubquery, isVolatile, refsOf } from '../plan/expr-visit.js';

/**
 * How a format learns the query's filters: push-down-filters.ts puts every conjunct
 * over a scan's own columns into ScanNode.filters. The format's planner (Iceberg
 * manifests and partition specs, Delta add-action stats, Hudi column stats, Parquet
 * row-group statistics) evaluates each conjunct with its own small evaluator over
 * the same BoundExpr tree (DESIGN.md §3 Pruning) to skip files and row groups, and
 * the scan operator applies all of them exactly to the rows it reads, so nothing
 * needs repeating in a Filter above.
 *
 * `classifyPushdown` says what statistics can do with one conjunct:
 * - `exact`: a comparison of one column with constants/parameters; partition values
 *   decide it exactly, and min/max stats can prove "no row matches";
 * - `inexact`: reads columns in ways min/max can only bound (functions, OR of
 *   comparisons, IN lists over one column): pruning may keep extra files;
 * - `unsupported`: nothing to learn from statistics (several columns compared with
 *   each other, subqueries, volatile calls); the scan still filters rows by it.
 */
export type PushdownExactness = 'exact' | 'inexact' | 'unsupported';

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=', 'is null', 'is not null']);

export function classifyPushdown(e: BoundExpr): PushdownExactness {
  if (hasSubquery(e) || isVolatile(e)) return 'unsupported';
  const refs = refsOf(e);
  if (refs.size !== 1) return 'unsupported';
  if (e.kind === 'call' && COMPARISONS.has(e.fn) && e.args.every(isColumnOrValue)) return 'exact';
  if (e.kind === 'and') {
    const parts = e.args.map(classifyPushdown);
    return parts.every((p) => p === 'exact') ? 'exact' : 'inexact';
  }
  return 'inexact';
}

/** A bare column (possibly under a cast) or a value fixed at execution start. */
function isColumnOrValue(e: BoundExpr): boolean {
  if (e.kind === 'cast') return isColumnOrValue(e.operand);
  return e.kind === 'ref' || e.kind === 'const' || e.kind === 'param';
}
