import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { LimitNode, LogicalPlan } from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import { batchesNode, run, testRuntime } from './test-runtime.js';

const int8 = (v: bigint | null): BoundExpr => ({ kind: 'const', type: Types.int8, value: v });
const limit = (input: LogicalPlan, l: BoundExpr | null, o: BoundExpr | null): LimitNode => ({
  kind: 'limit',
  input,
  limit: l,
  offset: o,
  columns: input.columns,
});
const tenBatches = () =>
  batchesNode(
    [Types.int4],
    Array.from({ length: 10 }, (_, b) => ({
      columns: [Array.from({ length: 10 }, (_, i) => b * 10 + i)],
      rowCount: 10,
    })),
  );

test('OFFSET and LIMIT across batches; reading stops once satisfied', async () => {
  const src = tenBatches();
  const rows = await run(limit(src.plan, int8(5n), int8(18n)));
  assert.deepEqual(rows.flat(), [18, 19, 20, 21, 22]);
  assert.equal(src.pulls[0], 3);
  const none = tenBatches();
  assert.deepEqual(await run(limit(none.plan, int8(0n), null)), []);
  assert.equal(none.pulls[0], 0);
  // NULL limit = no limit; a $1 parameter
  assert.equal((await run(limit(tenBatches().plan, int8(null), int8(95n)))).length, 5);
  const param: BoundExpr = { kind: 'param', type: Types.int8, index: 0 };
  const rt = testRuntime({ params: [3n] });
  assert.deepEqual((await run(limit(tenBatches().plan, param, null), rt)).flat(), [0, 1, 2]);
});

test('negative LIMIT is 2201W, negative OFFSET 2201X', async () => {
  await assert.rejects(run(limit(tenBatches().plan, int8(-1n), null)), {
    sqlstate: '2201W',
    message: 'LIMIT must not be negative',
  });
  await assert.rejects(run(limit(tenBatches().plan, null, int8(-1n))), {
    sqlstate: '2201X',
    message: 'OFFSET must not be negative',
  });
});
