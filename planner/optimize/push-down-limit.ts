import { Types } from '../../src/common/sql-types.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { LimitNode, LogicalPlan } from '../plan/logical-plan.js';
import { limit } from '../plan/plan-factories.js';
import { transformDown } from '../plan/plan-visit.js';

/**
 * Limit pushdown: a LIMIT moves below projections (fewer rows computed), copies
 * `limit + offset` into each UNION ALL branch (the outer LIMIT stays to cut the
 * total), and sets ScanNode.limit when it sits directly on a scan without filters,
 * so the scan stops reading early (the outer LIMIT stays: each task may stop at it).
 */
export function pushDownLimit(plan: LogicalPlan): LogicalPlan {
  return transformDown(plan, (node) =>
    node.kind === 'limit' && node.limit ? pushLimit(node) : undefined,
  );
}

/** A LIMIT/OFFSET value fixed at plan time, if it is one. */
export function constCount(e: BoundExpr | null): number | null {
  if (e === null) return 0;
  if (e.kind !== 'const') return null;
  const v = e.value;
  if (typeof v === 'bigint')
    return v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : null;
  return null;
}

function pushLimit(n: LimitNode): LogicalPlan | undefined {
  const input = n.input;
  if (input.kind === 'project') {
    return { ...input, input: limit(input.input, n.limit, n.offset) };
  }
  const count = constCount(n.limit);
  const offset = constCount(n.offset);
  if (count === null || offset === null) return undefined;
  const total = count + offset;
  if (input.kind === 'set-op' && input.op === 'union' && input.all) {
    const inner: BoundExpr = { kind: 'const', type: Types.int8, value: BigInt(total) };
    const already = (b: LogicalPlan): boolean =>
      b.kind === 'limit' &&
      constCount(b.limit) !== null &&
      constCount(b.limit)! <= total &&
      b.offset === null;
    if (input.inputs.every(already)) return undefined;
    const inputs = input.inputs.map((b) => (already(b) ? b : limit(b, inner)));
    return { ...n, input: { ...input, inputs } };
  }
  if (
    input.kind === 'scan' &&
    input.filters.length === 0 &&
    (input.limit === null || input.limit > total)
  ) {
    return { ...n, input: { ...input, limit: total } };
  }
  return undefined;
}
