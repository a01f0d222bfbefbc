import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SetOpNode } from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { run, sortedText, testRuntime, valuesNode } from './test-runtime.js';

const I = Types.int4;
const ints = (...vs: (number | null)[]) =>
  valuesNode(
    [I],
    vs.map((v) => [v]),
  );
const setOp = (
  op: SetOpNode['op'],
  all: boolean,
  ...inputs: ReturnType<typeof ints>[]
): SetOpNode => ({ kind: 'set-op', op, all, inputs, columns: inputs[0]!.columns });
const values = async (node: SetOpNode): Promise<string[]> => sortedText(await run(node));

// PostgreSQL 15 over v(a) = 1,1,1,2,2,NULL,NULL,3 and w(b) = 1,1,2,NULL,4.
const V = () => ints(1, 1, 1, 2, 2, null, null, 3);
const W = () => ints(1, 1, 2, null, 4);

test('INTERSECT ALL / EXCEPT ALL count rows as multisets, NULLs equal', async () => {
  // v intersect all w → NULL, 1, 1, 2
  assert.deepEqual(await values(setOp('intersect', true, V(), W())), ['1', '1', '2', 'NULL']);
  // v except all w → NULL, 1, 3, 2
  assert.deepEqual(await values(setOp('except', true, V(), W())), ['1', '2', '3', 'NULL']);
});

test('INTERSECT / EXCEPT without ALL', async () => {
  // v except (1,1,2,4) → NULL, 3
  assert.deepEqual(await values(setOp('except', false, V(), ints(1, 1, 2, 4))), ['3', 'NULL']);
  // v intersect (1,1,NULL,4) → NULL, 1
  assert.deepEqual(await values(setOp('intersect', false, V(), ints(1, 1, null, 4))), [
    '1',
    'NULL',
  ]);
  // three inputs associate left: (v except all w) except all (3)
  assert.deepEqual(await values(setOp('except', true, V(), W(), ints(3))), ['1', '2', 'NULL']);
});

test('UNION removes duplicates across inputs; UNION ALL keeps every row in order', async () => {
  // (1,1,2,NULL) union (2,3,NULL) → NULL, 1, 2, 3
  assert.deepEqual(await values(setOp('union', false, ints(1, 1, 2, null), ints(2, 3, null))), [
    '1',
    '2',
    '3',
    'NULL',
  ]);
  const all = await run(setOp('union', true, ints(1, 1), ints(null), ints(2)));
  assert.deepEqual(all.flat(), [1, 1, null, 2]);
});

test('rows compare whole: numeric by value, several columns', async () => {
  const N = Types.numeric();
  const a = valuesNode(
    [N, Types.text],
    [
      ['1.0', 'x'],
      ['1', 'y'],
      [null, 'x'],
    ],
  );
  const b = valuesNode(
    [N, Types.text],
    [
      ['1.00', 'x'],
      [null, 'x'],
    ],
  );
  const node: SetOpNode = {
    kind: 'set-op',
    op: 'except',
    all: false,
    inputs: [a, b],
    columns: a.columns,
  };
  assert.deepEqual(sortedText(await run(node)), ['1|y']);
});

test('UNION beyond the memory limit is 53200', async () => {
  const many: SqlValue[] = Array.from({ length: 100 }, (_, i) => i);
  await assert.rejects(
    run(setOp('union', false, ints(...(many as number[]))), testRuntime({ memoryBytes: 100 })),
    { sqlstate: '53200' },
  );
});
