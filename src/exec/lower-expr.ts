import { freeRefs } from '../../planner/plan/plan-visit.js';
import type { BoundExpr, ColumnId } from '../../planner/plan/bound-expr.js';
import type { PlanColumn } from '../../planner/plan/logical-plan.js';

/**
 * Rewrites a logical expression's column ids (`ref`) to positions in the batch an
 * operator evaluates it over (`column`). `inputs` are the operator's input columns
 * in batch order (for a join: the left's, then the right's).
 *
 * A subquery's plan keeps its refs: those to its own inputs are lowered when the
 * subquery's operators are built, and those to `inputs` (correlation) are listed in
 * `outerColumns` and bound per outer row by the subquery evaluator.
 */
export function lowerExpr(e: BoundExpr, inputs: readonly PlanColumn[]): BoundExpr {
  return lowerWith(e, positionsOf(inputs));
}

export function lowerExprs(es: readonly BoundExpr[], inputs: readonly PlanColumn[]): BoundExpr[] {
  const positions = positionsOf(inputs);
  return es.map((e) => lowerWith(e, positions));
}

export function positionsOf(inputs: readonly PlanColumn[]): ReadonlyMap<ColumnId, number> {
  return new Map(inputs.map((c, i) => [c.id, i]));
}

function lowerWith(e: BoundExpr, positions: ReadonlyMap<ColumnId, number>): BoundExpr {
  const go = (x: BoundExpr): BoundExpr => lowerWith(x, positions);
  switch (e.kind) {
    case 'ref': {
      // Not an input: an outer column of the subquery this operator runs in, which
      // the evaluator reads from ctx.outer.
      const index = positions.get(e.id);
      return index === undefined ? e : { kind: 'column', type: e.type, index };
    }
    case 'const':
    case 'column':
    case 'param':
      return e;
    case 'call':
      return { ...e, args: e.args.map(go) };
    case 'cast':
      return { ...e, operand: go(e.operand) };
    case 'and':
    case 'or':
    case 'coalesce':
      return { ...e, args: e.args.map(go) };
    case 'case':
      return {
        ...e,
        whens: e.whens.map((w) => ({ when: go(w.when), then: go(w.then) })),
        otherwise: go(e.otherwise),
      };
    case 'subquery': {
      const outerColumns = [...freeRefs(e.plan)].flatMap((id) => {
        const index = positions.get(id);
        return index === undefined ? [] : [{ id, index }];
      });
      return { ...e, operand: e.operand && go(e.operand), outerColumns };
    }
  }
}
