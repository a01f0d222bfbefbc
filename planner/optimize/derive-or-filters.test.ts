import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from '../../src/common/sql-types.js';
import { call, type BoundExpr } from '../plan/bound-expr.js';
import { filter, join, markColumn, planColumn, project } from '../plan/plan-factories.js';
import { deriveOrFilters } from './derive-or-filters.js';
import { pushDownFilters } from './push-down-filters.js';
import { and, col, eq, gt, i8, Ids, lt, or, plus, show, subquery, txt } from './test-plans.js';

const ids = new Ids();
const s = ids.scan('supplier', ['s_key', 's_nation']);
const n1 = ids.scan('nation', ['n1_key', 'n1_name']);
const n2 = ids.scan('nation', ['n2_key', 'n2_name']);
const [sNation, n1Key, n1Name, n2Key, n2Name] = [
  col(s, 's_nation'),
  col(n1, 'n1_key'),
  col(n1, 'n1_name'),
  col(n2, 'n2_key'),
  col(n2, 'n2_name'),
];
const from = join('cross', join('cross', s, n1, null), n2, null);
const q7or = or(
  and(eq(n1Name, txt('FRANCE')), eq(n2Name, txt('GERMANY'))),
  and(eq(n1Name, txt('GERMANY')), eq(n2Name, txt('FRANCE'))),
);
/** The plan's first line: the node the rule rewrites. */
const top = (e: BoundExpr): string => show(deriveOrFilters(filter(from, e))).split('\n')[0] ?? '';

test('Q7: each nation gets the OR of its own conjuncts; the OR stays', () => {
  const where = and(eq(sNation, n1Key), q7or);
  assert.equal(
    top(where),
    "Filter s_nation#2 = n1_key#3 AND ((n1_name#4 = 'FRANCE' AND n2_name#6 = 'GERMANY') OR " +
      "(n1_name#4 = 'GERMANY' AND n2_name#6 = 'FRANCE')) AND " +
      "(n1_name#4 = 'FRANCE' OR n1_name#4 = 'GERMANY') AND " +
      "(n2_name#6 = 'GERMANY' OR n2_name#6 = 'FRANCE')",
  );
});

test('pushdown then moves the derived conjuncts into the scans', () => {
  const out = pushDownFilters(deriveOrFilters(filter(from, and(eq(sNation, n1Key), q7or))));
  assert.match(
    show(out),
    /Scan s\.nation \[n1_key#3, n1_name#4\] filters: n1_name#4 = 'FRANCE' OR/,
  );
  assert.match(
    show(out),
    /Scan s\.nation \[n2_key#5, n2_name#6\] filters: n2_name#6 = 'GERMANY' OR/,
  );
});

test('Q19: nested ORs restrict branch by branch, shared parts factor out', () => {
  const ids = new Ids();
  for (let i = 0; i < 6; i++) ids.fresh();
  const l = ids.scan('lineitem', ['l_part', 'l_qty', 'l_mode']);
  const p = ids.scan('part', ['p_key', 'p_brand', 'p_size']);
  const [qty, mode, brand, size] = [
    col(l, 'l_qty'),
    col(l, 'l_mode'),
    col(p, 'p_brand'),
    col(p, 'p_size'),
  ];
  const branch = (b: string, lo: number, hi: number): BoundExpr =>
    and(
      eq(brand, txt(b)),
      gt(qty, i8(lo)),
      lt(qty, i8(hi)),
      or(eq(mode, txt('AIR')), eq(mode, txt('AIR REG'))),
      or(lt(size, i8(hi)), eq(qty, size)),
    );
  const cond = and(
    eq(col(p, 'p_key'), col(l, 'l_part')),
    or(branch('B12', 1, 11), branch('B23', 10, 20)),
  );
  const out = deriveOrFilters(join('inner', l, p, cond));
  const [first] = show(out).split('\n');
  const derived =
    " AND (l_mode#9 = 'AIR' OR l_mode#9 = 'AIR REG')" +
    // lineitem: the quantity ranges OR'ed; the shipmode, in both branches, on its own
    ' AND ((l_qty#8 > 1 AND l_qty#8 < 11) OR (l_qty#8 > 10 AND l_qty#8 < 20))' +
    // part: `p_size < hi OR l_qty = p_size` reads lineitem too, so only the brand
    " AND (p_brand#11 = 'B12' OR p_brand#11 = 'B23')";
  assert.ok(first?.endsWith(derived), first);
});

test('no derived conjunct for a relation some branch says nothing about', () => {
  const e = or(and(eq(n1Name, txt('FRANCE')), eq(n2Name, txt('GERMANY'))), eq(n1Name, n2Name));
  assert.equal(
    top(e),
    "Filter (n1_name#4 = 'FRANCE' AND n2_name#6 = 'GERMANY') OR n1_name#4 = n2_name#6",
  );
  const half = or(and(eq(n1Name, txt('FRANCE')), eq(n2Name, txt('GERMANY'))), eq(n1Name, txt('X')));
  assert.match(top(half), /AND \(n1_name#4 = 'FRANCE' OR n1_name#4 = 'X'\)$/);
});

test('volatile calls and subqueries keep the OR as it is', () => {
  const random = call('random', Types.float8, []);
  const volatile = or(
    and(gt(random, i8(0)), eq(n1Name, txt('A')), eq(n2Name, txt('B'))),
    and(eq(n1Name, txt('B')), eq(n2Name, txt('A'))),
  );
  assert.doesNotMatch(top(volatile), /\) AND \(/);
  const volatileOnR = or(
    and(gt(n1Key, random), eq(n2Name, txt('B'))),
    and(gt(n1Key, random), eq(n2Name, txt('A'))),
  );
  assert.doesNotMatch(top(volatileOnR), /\) AND \(/);
  const t = ids.scan('t', ['v']);
  const exists = subquery('exists', filter(t, eq(col(t, 'v'), n2Key)));
  const sub = or(
    and(eq(n1Name, txt('A')), exists),
    and(eq(n1Name, txt('B')), eq(n2Name, txt('A'))),
  );
  assert.doesNotMatch(top(sub), /\) AND \(/);
});

test('an OR over one relation, or one whose derivation is present, adds nothing', () => {
  const single = or(eq(n1Name, txt('A')), and(eq(n1Name, txt('B')), gt(n1Key, i8(1))));
  assert.equal(top(single), "Filter n1_name#4 = 'A' OR (n1_name#4 = 'B' AND n1_key#3 > 1)");
  const once = deriveOrFilters(filter(from, q7or));
  assert.equal(show(deriveOrFilters(once)), show(once));
  const present = and(q7or, or(eq(n1Name, txt('FRANCE')), eq(n1Name, txt('GERMANY'))));
  assert.doesNotMatch(
    top(present),
    /AND \(n1_name#4 = 'FRANCE' OR n1_name#4 = 'GERMANY'\) AND \(n1/,
  );
});

test('outer joins: the ON derives for the side a failed match drops; full and mark none', () => {
  const on = or(
    and(eq(n1Name, txt('A')), eq(n2Name, txt('B'))),
    and(eq(n1Name, txt('B')), eq(n2Name, txt('A'))),
  );
  const derivedFor = (t: 'left' | 'right' | 'full'): string =>
    show(deriveOrFilters(join(t, n1, n2, on))).split('\n')[0] ?? '';
  assert.match(derivedFor('left'), /AND \(n2_name#6 = 'B' OR n2_name#6 = 'A'\)$/);
  assert.doesNotMatch(derivedFor('left'), /\(n1_name#4 = 'A' OR/);
  assert.match(derivedFor('right'), /AND \(n1_name#4 = 'A' OR n1_name#4 = 'B'\)$/);
  assert.doesNotMatch(derivedFor('right'), /\(n2_name#6 = 'B' OR/);
  assert.doesNotMatch(derivedFor('full'), /\) AND \(/);
  const mark = join('mark', n1, n2, on, { mark: markColumn(ids.fresh()) });
  assert.equal(show(deriveOrFilters(mark)), show(mark));
});

test('a WHERE above a left join derives for the join as one relation', () => {
  const lj = join('left', s, n1, eq(sNation, n1Key));
  const where = or(
    and(eq(n1Name, txt('A')), eq(n2Name, txt('B'))),
    and(eq(n1Name, txt('B')), eq(n2Name, txt('A'))),
  );
  const plan = filter(join('cross', lj, n2, null), where);
  assert.match(show(deriveOrFilters(plan)), /AND \(n1_name#4 = 'A' OR n1_name#4 = 'B'\) AND/);
  // Pushed down, it rejects the NULL-extended rows, so the left join becomes inner.
  assert.match(show(pushDownFilters(deriveOrFilters(plan))), /join inner .*s_nation#2 = n1_key#3/i);
});

test('a projection over the joins (a FROM subquery) keeps its inputs apart', () => {
  const sumColumn = planColumn(ids.fresh(), 'sum', Types.int8);
  const p = project(
    from,
    [n1Name, n2Name, plus(n1Key, n2Key)],
    [n1.columns[1]!, n2.columns[1]!, sumColumn],
  );
  const sum = col(p, 'sum');
  const where = or(
    and(eq(n1Name, txt('A')), eq(n2Name, txt('B')), gt(sum, i8(1))),
    and(eq(n1Name, txt('B')), eq(n2Name, txt('A'))),
  );
  assert.match(
    show(deriveOrFilters(filter(p, where))).split('\n')[0] ?? '',
    /\) AND \(n1_name#4 = 'A' OR n1_name#4 = 'B'\) AND \(n2_name#6 = 'B' OR n2_name#6 = 'A'\)$/,
  );
});

test('at most 8 derived conjuncts per node, none over 256 expression nodes', () => {
  const ors = Array.from({ length: 6 }, (_, k) =>
    or(and(eq(n1Key, i8(k)), eq(n2Key, i8(k))), and(eq(n1Key, i8(k + 1)), eq(n2Key, i8(k + 1)))),
  );
  const out = deriveOrFilters(filter(from, and(...ors)));
  const conjunctCount =
    out.kind === 'filter' && out.predicate.kind === 'and' ? out.predicate.args.length : 0;
  assert.equal(conjunctCount, 6 + 8);
  const wide = Array.from({ length: 130 }, (_, k) => eq(n1Name, txt(`n${k}`)));
  const big = or(and(or(...wide), eq(n2Key, i8(1))), and(or(...wide), eq(n2Key, i8(2))));
  assert.match(top(big), /\) AND \(n2_key#5 = 1 OR n2_key#5 = 2\)$/);
  assert.doesNotMatch(top(big), /\) AND \(n1_name#4 = 'n0' OR/);
});
