import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SortKey } from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import type { ColumnBatch } from '../column-batch.js';
import type { SqlValue } from '../../common/sql-value.js';
import { batchesNode, col, run, testRuntime, valuesNode } from './test-runtime.js';
import type { LogicalPlan, SortNode, TopNNode } from '../../../planner/plan/logical-plan.js';

const sort = (input: LogicalPlan, keys: SortKey[]): SortNode => ({
  kind: 'sort',
  input,
  keys,
  columns: input.columns,
});
const key = (input: LogicalPlan, i: number, descending = false, nullsFirst = false): SortKey => ({
  expr: col(input.columns[i]!),
  descending,
  nullsFirst,
});

test('text sorts by code point (UTF-8 byte order), NULLS FIRST', async () => {
  // PostgreSQL: order by v collate "C" nulls first → NULL, B, a, b, é, U+FFFF, 😀
  const v = valuesNode(
    [Types.text],
    ['b', 'a', null, 'é', '😀', '\uffff', 'B'].map((s) => [s]),
  );
  const rows = await run(sort(v, [key(v, 0, false, true)]));
  assert.deepEqual(rows.flat(), [null, 'B', 'a', 'b', 'é', '\uffff', '😀']);
});

test('several keys, DESC NULLS LAST, stable for ties', async () => {
  // order by a desc nulls last, b → (2,a) (2,NULL) (1,x) (1,y) (NULL,z)
  const v = valuesNode(
    [Types.int4, Types.text, Types.int4],
    [
      [1, 'x', 0],
      [2, null, 1],
      [1, 'y', 2],
      [null, 'z', 3],
      [2, 'a', 4],
      [1, 'x', 5],
    ],
  );
  const rows = await run(sort(v, [key(v, 0, true, false), key(v, 1)]));
  assert.deepEqual(rows, [
    [2, 'a', 4],
    [2, null, 1],
    [1, 'x', 0],
    [1, 'x', 5],
    [1, 'y', 2],
    [null, 'z', 3],
  ]);
});

test('a computed key, int8 and numeric ordering', async () => {
  const v = valuesNode(
    [Types.int8, Types.numeric()],
    [
      [10n, '2.50'],
      [-3n, '10'],
      [7n, '-1.5'],
    ],
  );
  const negated: SortKey = {
    expr: { kind: 'call', fn: 'negate', type: Types.int8, args: [col(v.columns[0]!)] },
    descending: false,
    nullsFirst: false,
  };
  assert.deepEqual(
    (await run(sort(v, [negated]))).map((r) => r[0]),
    [10n, 7n, -3n],
  );
  assert.deepEqual(
    (await run(sort(v, [key(v, 1)]))).map((r) => r[1]),
    ['-1.5', '2.50', '10'],
  );
});

test('top-N equals sort + limit/offset, ties included, past several compactions', async () => {
  const n = 140_000;
  const a: SqlValue[] = [];
  const id: SqlValue[] = [];
  let seed = 7;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    a.push(seed % 1000 === 0 ? null : seed % 5000);
    id.push(i);
  }
  const batches: ColumnBatch[] = [];
  for (let s = 0; s < n; s += 35_000) {
    batches.push({ columns: [a.slice(s, s + 35_000), id.slice(s, s + 35_000)], rowCount: 35_000 });
  }
  for (const [limit, offset] of [
    [10, 0],
    [100, 37],
    [40_000, 5],
  ] as const) {
    const src = (): LogicalPlan => batchesNode([Types.int4, Types.int4], batches).plan;
    const s1 = src();
    const full = await run(sort(s1, [key(s1, 0, true, true)]));
    const s2 = src();
    const topN: TopNNode = {
      kind: 'top-n',
      input: s2,
      keys: [key(s2, 0, true, true)],
      limit: { kind: 'const', type: Types.int8, value: BigInt(limit) },
      offset: { kind: 'const', type: Types.int8, value: BigInt(offset) },
      columns: s2.columns,
    };
    assert.deepEqual(await run(topN), full.slice(offset, offset + limit));
  }
});

test('ORDER BY beyond the memory limit is 53200; cancellation is 57014', async () => {
  const v = valuesNode([Types.text], [['a'], ['b'], ['c']]);
  await assert.rejects(run(sort(v, [key(v, 0)]), testRuntime({ memoryBytes: 40 })), {
    sqlstate: '53200',
  });
  const rt = testRuntime();
  const op = rt.build(sort(v, [key(v, 0)]));
  rt.cancel();
  await assert.rejects(op.next(), { sqlstate: '57014' });
});
