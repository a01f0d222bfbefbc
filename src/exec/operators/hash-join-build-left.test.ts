import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogicalPlan, ScanNode } from '../../../planner/plan/logical-plan.js';
import { join } from '../../../planner/plan/plan-factories.js';
import { col, eq, Ids } from '../../../planner/optimize/test-plans.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { buildJoin } from './hash-join.js';
import { KeyFilters } from './key-filters.js';
import type { ExecRuntime, Operator } from './operator.js';
import { drain, keyFilteredScan, sortedText, testRuntime, valuesNode } from './test-runtime.js';

/**
 * Dynamic filters from semi and anti joins built on their left side: the right side is
 * probed only to mark left rows, so its rows whose key no left row has may be dropped
 * at the scan, for NOT EXISTS as for EXISTS. The scan here applies the range of each
 * filter set by the time it opens, as the workers would; the answer must not change.
 */
const ORDERS: SqlValue[][] = [[1n], [2n], [2n], [3n], [7n], [null]];

function runtime(withFilters: boolean): { rt: ExecRuntime; ranges: [number, number][] } {
  const base = testRuntime();
  const keyFilters = withFilters ? new KeyFilters() : undefined;
  const ranges: [number, number][] = [];
  const scan = (node: ScanNode): Operator =>
    keyFilteredScan(node, ORDERS, keyFilters, (filters) => {
      for (const f of filters) ranges.push([f.min, f.max]);
    });
  const rt: ExecRuntime = {
    ...base,
    ...(keyFilters ? { keyFilters } : {}),
    build: (plan: LogicalPlan): Operator => {
      if (plan.kind === 'scan') return scan(plan);
      if (plan.kind === 'join') return buildJoin(plan, rt);
      return base.build(plan);
    },
  };
  return { rt, ranges };
}

async function runBoth(
  type: 'semi' | 'anti',
  opts: { nullAware?: boolean } = {},
): Promise<{ rows: string[]; plain: string[]; ranges: [number, number][] }> {
  const ids = new Ids();
  const orders = ids.scan('orders', ['o_custkey']);
  // Customers 2, 5 and one with a NULL key.
  const customers = valuesNode([Types.int8], [[2n], [5n], [null]]);
  const on = eq(col(orders, 'o_custkey'), col(customers, 'c0'));
  const node = join(type, customers, orders, on, {
    buildSide: 'left',
    nullAware: opts.nullAware ?? false,
  });
  const filtered = runtime(true);
  const rows = sortedText(await drain(filtered.rt.build(node)));
  const plain = sortedText(await drain(runtime(false).rt.build(node)));
  return { rows, plain, ranges: filtered.ranges };
}

test('a semi or anti join built on the left filters the right scan to its keys', async () => {
  const semi = await runBoth('semi');
  assert.deepEqual(semi.rows, ['2']);
  assert.deepEqual(semi.rows, semi.plain);
  assert.deepEqual(semi.ranges, [[2, 5]]);
  // select c from customers where not exists (select 1 from orders where o_custkey = c)
  const anti = await runBoth('anti');
  assert.deepEqual(anti.rows, ['5', 'NULL']);
  assert.deepEqual(anti.rows, anti.plain);
  assert.deepEqual(anti.ranges, [[2, 5]]);
});

test('NOT IN builds the right side and sets no filter on it', async () => {
  // select c from customers where c not in (select o_custkey from orders): orders has a NULL
  const notIn = await runBoth('anti', { nullAware: true });
  assert.deepEqual(notIn.rows, []);
  assert.deepEqual(notIn.rows, notIn.plain);
  assert.deepEqual(notIn.ranges, []);
});
