import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { JoinType, LogicalPlan, ScanNode } from '../../../planner/plan/logical-plan.js';
import { aggregate, aggregateCall, join } from '../../../planner/plan/plan-factories.js';
import { col, eq, Ids, plus, i8 } from '../../../planner/optimize/test-plans.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { buildAggregate } from './aggregate.js';
import { buildJoin } from './hash-join.js';
import { KeyFilters, type KeyFilter } from './key-filters.js';
import { listKeys } from './key-membership.js';
import type { ExecRuntime, Operator } from './operator.js';
import { drain, keyFilteredScan, sortedText, testRuntime, valuesNode } from './test-runtime.js';

/**
 * Dynamic filters through a GROUP BY (key-filters.ts sourceScanOf): a join that builds
 * first registers its keys on the scan under the aggregate it probes, the scan sees them
 * when it opens, and the answer is the one without filters. Where passing the keys
 * through would drop groups the join keeps or change aggregate values, nothing is set.
 */
const LINES: SqlValue[][] = [
  [1n, 10n],
  [2n, 20n],
  [2n, 21n],
  [3n, 30n],
  [5n, 50n],
  [5n, 51n],
  [7n, 70n],
];

/** A runtime whose scans serve LINES and apply (as the workers do) the filters set by open time. */
function filteringRuntime(withFilters: boolean): { rt: ExecRuntime; seen: KeyFilter[][] } {
  const base = testRuntime();
  const seen: KeyFilter[][] = [];
  const keyFilters = withFilters ? new KeyFilters() : undefined;
  const scan = (node: ScanNode): Operator =>
    keyFilteredScan(node, LINES, keyFilters, (filters) => seen.push([...filters]));
  const rt: ExecRuntime = {
    ...base,
    ...(keyFilters ? { keyFilters } : {}),
    build: (plan: LogicalPlan): Operator => {
      if (plan.kind === 'scan') return scan(plan);
      if (plan.kind === 'aggregate') return buildAggregate(plan, rt);
      if (plan.kind === 'join') return buildJoin(plan, rt);
      return base.build(plan);
    },
  };
  return { rt, seen };
}

interface Case {
  readonly type: JoinType;
  /** Which side is the small VALUES list of part keys (2, 5, 9). */
  readonly parts: 'left' | 'right';
  readonly buildSide: 'left' | 'right';
  /** The aggregate's group key (null: no GROUP BY) and the column the join reads. */
  readonly groupKey: ((l: ScanNode) => BoundExpr) | null;
  readonly joinOn: 'key' | 'sum';
}

/** Runs the case with and without dynamic filters: the rows, and what the scan saw. */
async function runCase(c: Case): Promise<{ rows: string[]; plain: string[]; seen: KeyFilter[] }> {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_partkey', 'l_quantity']);
  const key = ids.column('key');
  const total = ids.column('sum');
  // Joined on the value, max (int8, as the key) rather than sum (numeric).
  const sum =
    c.joinOn === 'key'
      ? aggregateCall('sum', [col(l, 'l_quantity')], Types.numeric())
      : aggregateCall('max', [col(l, 'l_quantity')], Types.int8);
  const agg =
    c.groupKey === null
      ? aggregate(l, [], [sum], [total])
      : aggregate(l, [c.groupKey(l)], [sum], [key, total]);
  const parts = valuesNode([Types.int8], [[2n], [5n], [9n], [101n], [70n]]);
  const [left, right] = c.parts === 'left' ? [parts, agg] : [agg, parts];
  const aggCol = c.joinOn === 'key' ? key : total;
  const aggRef: BoundExpr = { kind: 'ref', id: aggCol.id, type: Types.int8 };
  const partRef: BoundExpr = col(parts, 'c0');
  const node = join(c.type, left, right, eq(partRef, aggRef), { buildSide: c.buildSide });
  const filtered = filteringRuntime(true);
  const rows = sortedText(await drain(filtered.rt.build(node)));
  const plain = sortedText(await drain(filteringRuntime(false).rt.build(node)));
  return { rows, plain, seen: filtered.seen.flat() };
}

test('an inner join built on the parts filters the grouped scan to their keys', async () => {
  const r = await runCase({
    type: 'inner',
    parts: 'left',
    buildSide: 'left',
    groupKey: (l) => col(l, 'l_partkey'),
    joinOn: 'key',
  });
  assert.deepEqual(r.rows, r.plain);
  assert.deepEqual(r.rows, ['2|2|41', '5|5|101']);
  assert.equal(r.seen.length, 1);
  const keys = r.seen[0]?.keys;
  assert.deepEqual(keys ? listKeys(keys) : [], [2, 5, 9, 70, 101]);
});

test('a semi join (IN) filters the grouped scan too', async () => {
  const ids = new Ids();
  const l = ids.scan('lineitem', ['l_partkey', 'l_quantity']);
  const key = ids.column('key');
  const total = ids.column('sum');
  const sum = aggregateCall('sum', [col(l, 'l_quantity')], Types.numeric());
  const agg = aggregate(l, [col(l, 'l_partkey')], [sum], [key, total]);
  const parts = valuesNode([Types.int8], [[3n], [7n]]);
  const node = join('semi', agg, parts, eq(col(agg, 'key'), col(parts, 'c0')));
  const filtered = filteringRuntime(true);
  const rows = sortedText(await drain(filtered.rt.build(node)));
  assert.deepEqual(rows, ['3|30', '7|70']);
  assert.equal(filtered.seen.flat().length, 1);
});

test('no filter where dropping rows under the aggregate would change the answer', async () => {
  const cases: [string, Case][] = [
    // The groups are the preserved side: unmatched ones are output with NULLs.
    [
      'left join preserving the groups',
      {
        type: 'left',
        parts: 'right',
        buildSide: 'right',
        groupKey: (l) => col(l, 'l_partkey'),
        joinOn: 'key',
      },
    ],
    // The parts are preserved, the groups null-extended: still no row dropped by the join.
    [
      'left join preserving the parts',
      {
        type: 'left',
        parts: 'left',
        buildSide: 'left',
        groupKey: (l) => col(l, 'l_partkey'),
        joinOn: 'key',
      },
    ],
    // A computed group key: l_partkey + 1 = 5 is l_partkey 4's group.
    [
      'expression group key',
      {
        type: 'inner',
        parts: 'left',
        buildSide: 'left',
        groupKey: (l) => plus(col(l, 'l_partkey'), i8(1)),
        joinOn: 'key',
      },
    ],
    // Joined on the aggregate's value: every row feeds it.
    [
      'aggregate value',
      {
        type: 'inner',
        parts: 'left',
        buildSide: 'left',
        groupKey: (l) => col(l, 'l_partkey'),
        joinOn: 'sum',
      },
    ],
    // No GROUP BY: one sum over all rows.
    [
      'no GROUP BY',
      { type: 'inner', parts: 'left', buildSide: 'left', groupKey: null, joinOn: 'sum' },
    ],
  ];
  for (const [name, c] of cases) {
    const r = await runCase(c);
    assert.deepEqual(r.rows, r.plain, name);
    assert.deepEqual(r.seen, [], name);
  }
});
