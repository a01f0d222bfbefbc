import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { JoinNode } from '../../../planner/plan/logical-plan.js';
import { generatorOperator } from './generator-operator.js';
import { RangeCursor } from './join-candidates.js';
import { splitInComparison } from './join-condition.js';
import {
  isThreeValued,
  JoinProber,
  needsProbeWhenEmpty,
  probesLeft,
  type JoinShape,
} from './join-prober.js';
import { JoinTable } from './join-table.js';
import type { ExecRuntime, Operator } from './operator.js';

/**
 * A join with no equality between its inputs (cross joins, `a.x < b.y`): the build
 * side is held whole and every probe row is paired with every build row, a chunk of
 * pairs at a time, the condition deciding each pair.
 */
export function nestedLoopJoin(
  node: JoinNode,
  condition: BoundExpr | null,
  rt: ExecRuntime,
): Operator {
  const probeIsLeft = probesLeft(node);
  const [buildPlan, probePlan] = probeIsLeft ? [node.right, node.left] : [node.left, node.right];
  const build = rt.build(buildPlan);
  const probe = rt.build(probePlan);
  const children: Operator[] = probeIsLeft ? [probe, build] : [build, probe];
  const threeValued = isThreeValued(node);
  const leftWidth = node.left.columns.length;
  const split = threeValued
    ? splitInComparison(condition, leftWidth)
    : { filter: condition, comparison: null };
  const shape: JoinShape = {
    type: node.joinType,
    probeIsLeft,
    leftWidth,
    rightWidth: node.right.columns.length,
    ...split,
    threeValued,
  };
  return generatorOperator(children, async function* (stats) {
    const table = await JoinTable.build(
      build,
      buildPlan.columns.length,
      [],
      rt.ctx,
      rt.memoryBytes,
    );
    stats.extra['buildRows'] = table.rowCount;
    const prober = new JoinProber(shape, table, rt.ctx);
    if (table.rowCount > 0 || needsProbeWhenEmpty(node.joinType, probeIsLeft)) {
      for (let b = await probe.next(); b; b = await probe.next()) {
        rt.ctx.checkCanceled();
        yield* prober.probe(b, new RangeCursor(b.rowCount, table.rowCount));
      }
    }
    probe.close();
    yield* prober.finish();
  });
}
