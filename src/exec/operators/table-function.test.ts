import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type {
  LogicalPlan,
  TableFunctionName,
  TableFunctionNode,
} from '../../../planner/plan/logical-plan.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { col, planColumns, run, testRuntime, valuesNode } from './test-runtime.js';

const c = (type: SqlType, value: SqlValue): BoundExpr => ({ kind: 'const', type, value });
const fn = (
  name: TableFunctionName,
  args: BoundExpr[],
  out: SqlType[],
  options: { ordinality?: boolean; input?: LogicalPlan } = {},
): TableFunctionNode => ({
  kind: 'table-function',
  fn: name,
  args,
  input: options.input ?? null,
  ordinality: options.ordinality ?? false,
  columns: [
    ...(options.input?.columns ?? []),
    ...planColumns([...out, ...(options.ordinality ? [Types.int8] : [])]),
  ],
});
const I = Types.int4;
const day = (d: number, h = 0): bigint => BigInt(d) * 86_400_000_000n + BigInt(h) * 3_600_000_000n;
const iv = (months: number, days: number, micros = 0n): SqlValue => ({ months, days, micros });

test('generate_series over int4, int8 and numeric', async () => {
  let rows = await run(fn('generate_series', [c(I, 1), c(I, 10), c(I, 4)], [I]));
  assert.deepEqual(rows.flat(), [1, 5, 9]);
  rows = await run(fn('generate_series', [c(I, 3), c(I, 1)], [I]));
  assert.deepEqual(rows.flat(), []);
  rows = await run(
    fn('generate_series', [c(Types.int8, 3n), c(Types.int8, 1n), c(Types.int8, -1n)], [Types.int8]),
  );
  assert.deepEqual(rows.flat(), [3n, 2n, 1n]);
  // select generate_series(1.0, 2, 0.3) → 1.0 1.3 1.6 1.9
  const N = Types.numeric();
  rows = await run(fn('generate_series', [c(N, '1.0'), c(N, '2'), c(N, '0.3')], [N]));
  assert.deepEqual(rows.flat(), ['1.0', '1.3', '1.6', '1.9']);
  rows = await run(fn('generate_series', [c(I, 1), c(I, null)], [I]));
  assert.deepEqual(rows, []);
  await assert.rejects(run(fn('generate_series', [c(I, 1), c(I, 5), c(I, 0)], [I])), {
    sqlstate: '22023',
    message: 'step size cannot equal zero',
  });
  await assert.rejects(run(fn('generate_series', [c(N, '1'), c(N, 'NaN')], [N])), {
    message: 'stop value cannot be NaN',
  });
  const big = await run(fn('generate_series', [c(I, 1), c(I, 200_000)], [I]));
  assert.equal(big.length, 200_000);
  assert.equal(big[199_999]![0], 200_000);
});

test('generate_series over timestamps: month steps clamp cumulatively; timestamptz in the zone', async () => {
  // generate_series('2020-01-31'::timestamp, '2020-06-01', '1 month') → 01-31 02-29 03-29 04-29 05-29
  const ts = Types.timestamp;
  const jan31 = day(18292); // 2020-01-31
  const rows = await run(
    fn('generate_series', [c(ts, jan31), c(ts, day(18414)), c(Types.interval, iv(1, 0))], [ts]),
  );
  assert.deepEqual(rows.flat(), [day(18292), day(18321), day(18350), day(18381), day(18411)]);
  // SET timezone='Europe/Berlin'; generate_series('2021-03-27 12:00'::timestamptz, '2021-03-29 12:00', '1 day')
  // → 12:00+01, 12:00+02, 12:00+02: across the DST change a day is 23 hours
  const tz = Types.timestamptz;
  const berlin = testRuntime({ timeZone: 'Europe/Berlin' });
  const start = day(18713, 11); // 2021-03-27 11:00 UTC
  const got = await run(
    fn('generate_series', [c(tz, start), c(tz, day(18715, 10)), c(Types.interval, iv(0, 1))], [tz]),
    berlin,
  );
  assert.deepEqual(got.flat(), [start, day(18714, 10), day(18715, 10)]);
  await assert.rejects(
    run(fn('generate_series', [c(ts, jan31), c(ts, jan31), c(Types.interval, iv(0, 0))], [ts])),
    { message: 'step size cannot equal zero' },
  );
});

test('unnest zips arrays padding with NULL, WITH ORDINALITY; explode, posexplode, range', async () => {
  // select * from unnest(array[1,2,3], array['a','b']) with ordinality
  const rows = await run(
    fn(
      'unnest',
      [c(Types.array(I), [1, 2, 3]), c(Types.array(Types.text), ['a', 'b'])],
      [I, Types.text],
      { ordinality: true },
    ),
  );
  assert.deepEqual(rows, [
    [1, 'a', 1n],
    [2, 'b', 2n],
    [3, null, 3n],
  ]);
  assert.deepEqual(await run(fn('explode', [c(Types.array(I), null)], [I])), []);
  assert.deepEqual(await run(fn('posexplode', [c(Types.array(I), [7, 8])], [I, I])), [
    [0, 7],
    [1, 8],
  ]);
  assert.deepEqual((await run(fn('range', [c(Types.int8, 3n)], [Types.int8]))).flat(), [
    0n,
    1n,
    2n,
  ]);
  assert.deepEqual(
    (
      await run(
        fn('range', [c(Types.int8, 1n), c(Types.int8, 7n), c(Types.int8, 3n)], [Types.int8]),
      )
    ).flat(),
    [1n, 4n],
  );
});

test('LATERAL: one call per input row, its values beside, ordinality per call', async () => {
  const t = valuesNode(
    [Types.text, Types.array(I)],
    [
      ['x', [1, 2]],
      ['y', null],
      ['z', [3]],
    ],
  );
  const node = fn('unnest', [col(t.columns[1]!)], [I], { input: t, ordinality: true });
  assert.deepEqual(await run(node), [
    ['x', [1, 2], 1, 1n],
    ['x', [1, 2], 2, 2n],
    ['z', [3], 3, 1n],
  ]);
});
