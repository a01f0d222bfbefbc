import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { LogicalPlan, TopNNode } from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import { batchesNode, col, run } from './test-runtime.js';

const int8 = (v: bigint | null): BoundExpr => ({ kind: 'const', type: Types.int8, value: v });

/** Keys 0..9 repeated: row i has key i % 10 and its own number i, over batches of 1000. */
function input(rows: number): LogicalPlan {
  const batches = [];
  for (let start = 0; start < rows; start += 1000) {
    const n = Math.min(1000, rows - start);
    const ids = Array.from({ length: n }, (_, i) => start + i);
    batches.push({ columns: [ids.map((i) => (i * 7) % 10), ids], rowCount: n });
  }
  return batchesNode([Types.int4, Types.int4], batches).plan;
}

const topN = (src: LogicalPlan, limit: bigint | null, offset: bigint | null, withTies: boolean) =>
  ({
    kind: 'top-n',
    input: src,
    keys: [{ expr: col(src.columns[0]!), descending: false, nullsFirst: false }],
    limit: int8(limit),
    offset: offset === null ? null : int8(offset),
    withTies,
    columns: src.columns,
  }) satisfies TopNNode;

test('WITH TIES keeps every row tied with the last, across cut-backs of a long input', async () => {
  // 200k rows, 20k per key: the cut-backs happen while ties keep arriving.
  const src = input(200_000);
  const rows = await run(topN(src, 3n, null, true));
  assert.equal(rows.length, 20_000);
  assert.ok(rows.every((r) => r[0] === 0));
  const offset = await run(topN(input(200_000), 5n, 19_998n, true));
  // Rows 19998..20002: two zeros then three ones, and the ones' ties.
  assert.equal(offset.length, 2 + 20_000);
  assert.deepEqual([...new Set(offset.map((r) => r[0]))], [0, 1]);
  // Without ties: exactly the count, the earliest rows of the smallest key.
  const plain = await run(topN(input(200_000), 3n, null, false));
  assert.deepEqual(plain, [
    [0, 0],
    [0, 10],
    [0, 20],
  ]);
});

test('WITH TIES: count 0 is nothing, a NULL count 2201W', async () => {
  assert.deepEqual(await run(topN(input(10), 0n, 2n, true)), []);
  await assert.rejects(run(topN(input(10), null, null, true)), {
    sqlstate: '2201W',
    message: 'row count cannot be null in FETCH FIRST ... WITH TIES clause',
  });
});
