import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableRef } from '../../catalog/catalog.js';
import type { JoinNode, LogicalPlan } from '../plan/logical-plan.js';
import { filter, join } from '../plan/plan-factories.js';
import type { TableStats } from './estimate-rows.js';
import { orderJoins } from './order-joins.js';
import { and, cmp, col, eq, i8, Ids, lt, show } from './test-plans.js';

const rows: Record<string, number> = { orders: 1.5e6, customer: 1.5e5, lineitem: 6e6 };
const stats: TableStats = { rowCount: (t: TableRef) => rows[t.ident.name] ?? null };

/** The first join node of a plan, depth first. */
function firstJoin(p: LogicalPlan): JoinNode {
  if (p.kind === 'join') return p;
  const child = 'input' in p ? p.input : null;
  if (!child) throw new Error('no join');
  return firstJoin(child);
}

/** TPC-H Q22's NOT EXISTS: few filtered customers against every order. */
function q22(type: 'semi' | 'anti', opts: { nullAware?: boolean; filtered?: boolean } = {}) {
  const ids = new Ids();
  const c = ids.scan('customer', ['c_custkey', 'c_acctbal']);
  const o = ids.scan('orders', ['o_orderkey', 'o_custkey']);
  const left = opts.filtered === false ? c : filter(c, eq(col(c, 'c_acctbal'), i8(7)));
  const on = eq(col(o, 'o_custkey'), col(c, 'c_custkey'));
  return join(type, left, o, on, { nullAware: opts.nullAware ?? false });
}

test('semi and anti joins build the smaller side', () => {
  for (const type of ['semi', 'anti'] as const) {
    const out = orderJoins(q22(type), stats);
    assert.equal(firstJoin(out).buildSide, 'left', type);
    assert.match(show(out), new RegExp(`HashJoin ${type} \\(build left\\)`));
    // 150K customers unfiltered are still fewer than 1.5M orders
    assert.equal(firstJoin(orderJoins(q22(type, { filtered: false }), stats)).buildSide, 'left');
  }
  // The bigger left side (orders, 1.5M) semi-joined to customers keeps building the right.
  const ids = new Ids();
  const c = ids.scan('customer', ['c_custkey']);
  const o = ids.scan('orders', ['o_custkey']);
  const semi = join('semi', o, c, eq(col(o, 'o_custkey'), col(c, 'c_custkey')));
  assert.equal(firstJoin(orderJoins(semi, stats)).buildSide, 'right');
});

test('NOT IN, nested loops and unknown sizes keep building the right', () => {
  // NOT IN's NULL rules need the whole right side per left row.
  assert.equal(firstJoin(orderJoins(q22('anti', { nullAware: true }), stats)).buildSide, 'right');
  // No equality between the sides: a nested loop, no hash table to place.
  const ids = new Ids();
  const c = ids.scan('customer', ['c_custkey']);
  const o = ids.scan('orders', ['o_custkey']);
  const loop = join('anti', c, o, lt(col(o, 'o_custkey'), col(c, 'c_custkey')));
  assert.equal(firstJoin(orderJoins(loop, stats)).buildSide, 'right');
  // An equality reading both sides on one side of `=` is no hash key either.
  const mixed = join('semi', c, o, eq(cmp('+', col(o, 'o_custkey'), col(c, 'c_custkey')), i8(3)));
  assert.equal(firstJoin(orderJoins(mixed, stats)).buildSide, 'right');
  // Equal estimates (two unknown tables): a tie keeps the right.
  const a = ids.scan('t1', ['x']);
  const b = ids.scan('t2', ['y']);
  const tie = join('semi', a, b, eq(col(a, 'x'), col(b, 'y')));
  assert.equal(firstJoin(orderJoins(tie, stats)).buildSide, 'right');
});

test('a residual does not change the choice (TPC-H Q21: l2.l_suppkey <> l1.l_suppkey)', () => {
  const ids = new Ids();
  const l1 = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const l2 = ids.scan('lineitem', ['l_orderkey', 'l_suppkey']);
  const small = filter(l1, eq(col(l1, 'l_suppkey'), i8(3)));
  const on = and(
    eq(col(l2, 'l_orderkey'), col(l1, 'l_orderkey')),
    cmp('<>', col(l2, 'l_suppkey'), col(l1, 'l_suppkey')),
  );
  const out = orderJoins(join('semi', small, l2, on), stats);
  assert.equal(firstJoin(out).buildSide, 'left');
});
