import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type {
  FilterNode,
  ProjectNode,
  SystemScanNode,
  ValuesNode,
} from '../../../planner/plan/logical-plan.js';
import { Types } from '../../common/sql-types.js';
import { col, planColumns, run, testRuntime, valuesNode } from './test-runtime.js';

const I = Types.int4;
const B = Types.bool;

test('VALUES evaluates its rows (params too); a zero-column row is one empty row', async () => {
  const param: BoundExpr = { kind: 'param', type: I, index: 0 };
  const plus: BoundExpr = {
    kind: 'call',
    fn: '+',
    type: I,
    args: [param, { kind: 'const', type: I, value: 1 }],
  };
  const node: ValuesNode = { kind: 'values', columns: planColumns([I]), rows: [[param], [plus]] };
  assert.deepEqual(await run(node, testRuntime({ params: [41] })), [[41], [42]]);
  const empty: ValuesNode = { kind: 'values', columns: [], rows: [[]] };
  const op = testRuntime().build(empty);
  const b = await op.next();
  assert.equal(b?.rowCount, 1);
  assert.equal(b?.columns.length, 0);
  assert.equal(await op.next(), null);
});

test('filter keeps true rows only; project computes and passes columns through', async () => {
  const v = valuesNode(
    [I, I],
    [
      [1, 10],
      [2, null],
      [3, 30],
    ],
  );
  const gt: BoundExpr = {
    kind: 'call',
    fn: '>',
    type: B,
    args: [col(v.columns[1]!), { kind: 'const', type: I, value: 15 }],
  };
  const filter: FilterNode = { kind: 'filter', input: v, predicate: gt, columns: v.columns };
  assert.deepEqual(await run(filter), [[3, 30]]);
  const sum: BoundExpr = {
    kind: 'call',
    fn: '+',
    type: I,
    args: [col(v.columns[0]!), col(v.columns[1]!)],
  };
  const project: ProjectNode = {
    kind: 'project',
    input: v,
    exprs: [sum, col(v.columns[0]!)],
    columns: planColumns([I, I]),
  };
  assert.deepEqual(await run(project), [
    [11, 1],
    [null, 2],
    [33, 3],
  ]);
});

test('system scan projects the relation columns', async () => {
  const node: SystemScanNode = {
    kind: 'system-scan',
    relation: 'pg_namespace',
    relationColumns: [1, 0],
    columns: planColumns([Types.text, Types.oid]),
  };
  const rt = testRuntime({
    systemRows: {
      pg_namespace: [
        [11, 'pg_catalog'],
        [2200, 'public'],
      ],
    },
  });
  assert.deepEqual(await run(node, rt), [
    ['pg_catalog', 11],
    ['public', 2200],
  ]);
});
