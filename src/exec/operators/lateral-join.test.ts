import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { JoinNode, LogicalPlan, ValuesNode } from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import type { ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { buildLateralJoin } from './lateral-join.js';
import { batchesOf } from './operator.js';
import { col, drain, planColumns, testRuntime, valuesNode } from './test-runtime.js';

const I = Types.int4;
const B = Types.bool;
const int = (value: number): BoundExpr => ({ kind: 'const', type: I, value });
const call = (fn: string, type: typeof I, args: BoundExpr[]): BoundExpr => ({
  kind: 'call',
  fn,
  type,
  args,
});

/** A runtime whose correlated runs build the plan with the outer values bound; counts the runs. */
function lateralRuntime(): { rt: ReturnType<typeof testRuntime>; runs: number[] } {
  const rt = testRuntime();
  const runs = [0];
  const runSubquery = async (plan: LogicalPlan, ctx: EvalContext): Promise<ColumnBatch[]> => {
    runs[0]!++;
    const sub = Object.assign(testRuntime(), { ctx });
    const out: ColumnBatch[] = [];
    for await (const b of batchesOf(sub.build(plan))) out.push(b);
    return out;
  };
  Object.assign(rt, { ctx: { ...rt.ctx, runSubquery } });
  return { rt, runs };
}

/** Left rows a = 1, 2, 2, 3, NULL; the right side is `VALUES (a), (a * 10)` kept where a > 1. */
function plans(joinType: JoinNode['joinType'], condition: (right: BoundExpr) => BoundExpr | null) {
  const left = valuesNode([I], [[1], [2], [2], [3], [null]]);
  const a = col(left.columns[0]!);
  const values: ValuesNode = {
    kind: 'values',
    columns: planColumns([I]),
    rows: [[a], [call('*', I, [a, int(10)])]],
  };
  const right: LogicalPlan = {
    kind: 'filter',
    input: values,
    predicate: call('>', B, [a, int(1)]),
    columns: values.columns,
  };
  const node: JoinNode = {
    kind: 'join',
    joinType,
    left,
    right,
    condition: condition(col(values.columns[0]!)),
    nullAware: false,
    markId: null,
    buildSide: 'right',
    lateral: true,
    columns: [...left.columns, ...right.columns],
  };
  return node;
}

test('runs the right side per distinct left value, pairing each left row with its rows', async () => {
  const { rt, runs } = lateralRuntime();
  const rows = await drain(
    buildLateralJoin(
      plans('cross', () => null),
      rt,
    ),
  );
  assert.deepEqual(rows, [
    [2, 2],
    [2, 20],
    [2, 2],
    [2, 20],
    [3, 3],
    [3, 30],
  ]);
  // 1, 2, 3 and NULL: the second 2 is served from the cache.
  assert.equal(runs[0], 4);
});

test('LEFT pads left rows without kept pairs in place; the condition decides each pair', async () => {
  const { rt } = lateralRuntime();
  const big = (r: BoundExpr): BoundExpr => call('>', B, [r, int(5)]);
  assert.deepEqual(await drain(buildLateralJoin(plans('left', big), rt)), [
    [1, null],
    [2, 20],
    [2, 20],
    [3, 30],
    [null, null],
  ]);
  assert.deepEqual(await drain(buildLateralJoin(plans('inner', big), lateralRuntime().rt)), [
    [2, 20],
    [2, 20],
    [3, 30],
  ]);
  // Without a condition only an empty right side pads.
  assert.deepEqual(
    await drain(
      buildLateralJoin(
        plans('left', () => null),
        lateralRuntime().rt,
      ),
    ),
    [
      [1, null],
      [2, 2],
      [2, 20],
      [2, 2],
      [2, 20],
      [3, 3],
      [3, 30],
      [null, null],
    ],
  );
});
