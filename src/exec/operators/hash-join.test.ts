import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { JoinNode, JoinType, LogicalPlan } from '../../../planner/plan/logical-plan.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import {
  batchesNode,
  col,
  planColumns,
  run,
  sortedText,
  testRuntime,
  valuesNode,
} from './test-runtime.js';

/**
 * Join semantics against PostgreSQL 15. The expected rows are what psql printed for
 * the SQL quoted above each case, over
 *   l(a int, x text) = (1,'l1'),(2,'l2'),(NULL,'l3'),(3,'l4'),(2,'l5')
 *   r(b int, y text) = (2,'r1'),(2,'r2'),(NULL,'r3'),(4,'r4');   e = empty r.
 */
const I = Types.int4;
const T = Types.text;
const B = Types.bool;
const L = (): LogicalPlan =>
  valuesNode(
    [I, T],
    [
      [1, 'l1'],
      [2, 'l2'],
      [null, 'l3'],
      [3, 'l4'],
      [2, 'l5'],
    ],
  );
const R = (rows: SqlValue[][] = RROWS): LogicalPlan => valuesNode([I, T], rows);
const RROWS: SqlValue[][] = [
  [2, 'r1'],
  [2, 'r2'],
  [null, 'r3'],
  [4, 'r4'],
];

const fn = (name: string, type: SqlType, ...args: BoundExpr[]): BoundExpr => ({
  kind: 'call',
  fn: name,
  type,
  args,
});
const text = (s: string): BoundExpr => ({ kind: 'const', type: T, value: s });
const and = (...args: BoundExpr[]): BoundExpr => ({ kind: 'and', type: B, args });

type Cond = (l: LogicalPlan, r: LogicalPlan) => BoundExpr | null;
const aEqB: Cond = (l, r) => fn('=', B, col(l.columns[0]!), col(r.columns[0]!));
const lx = (l: LogicalPlan): BoundExpr => col(l.columns[1]!);
const ry = (r: LogicalPlan): BoundExpr => col(r.columns[1]!);

function join(
  type: JoinType,
  cond: Cond,
  options: { right?: LogicalPlan; buildSide?: 'left' | 'right'; nullAware?: boolean } = {},
): JoinNode {
  const left = L();
  const right = options.right ?? R();
  const mark = planColumns([B])[0]!;
  const columns =
    type === 'semi' || type === 'anti'
      ? left.columns
      : type === 'mark'
        ? [...left.columns, mark]
        : [...left.columns, ...right.columns];
  return {
    kind: 'join',
    joinType: type,
    left,
    right,
    condition: cond(left, right),
    nullAware: options.nullAware ?? false,
    markId: type === 'mark' ? mark.id : null,
    buildSide: options.buildSide ?? 'right',
    columns,
  };
}

async function rows(node: JoinNode): Promise<string[]> {
  return sortedText(await run(node));
}

const both = ['left', 'right'] as const;

test('inner, left, right and full equi-joins: NULL keys never match (both build sides)', async () => {
  for (const buildSide of both) {
    // select * from l join r on a=b
    assert.deepEqual(await rows(join('inner', aEqB, { buildSide })), [
      '2|l2|2|r1',
      '2|l2|2|r2',
      '2|l5|2|r1',
      '2|l5|2|r2',
    ]);
    // select * from l left join r on a=b
    assert.deepEqual(await rows(join('left', aEqB, { buildSide })), [
      '1|l1|NULL|NULL',
      '2|l2|2|r1',
      '2|l2|2|r2',
      '2|l5|2|r1',
      '2|l5|2|r2',
      '3|l4|NULL|NULL',
      'NULL|l3|NULL|NULL',
    ]);
    // select * from l right join r on a=b
    assert.deepEqual(await rows(join('right', aEqB, { buildSide })), [
      '2|l2|2|r1',
      '2|l2|2|r2',
      '2|l5|2|r1',
      '2|l5|2|r2',
      'NULL|NULL|4|r4',
      'NULL|NULL|NULL|r3',
    ]);
    // select * from l full join r on a=b
    assert.deepEqual(await rows(join('full', aEqB, { buildSide })), [
      '1|l1|NULL|NULL',
      '2|l2|2|r1',
      '2|l2|2|r2',
      '2|l5|2|r1',
      '2|l5|2|r2',
      '3|l4|NULL|NULL',
      'NULL|NULL|4|r4',
      'NULL|NULL|NULL|r3',
      'NULL|l3|NULL|NULL',
    ]);
  }
});

test('a residual is tested on candidate pairs: full join on a=b and y<>r1', async () => {
  const cond: Cond = (l, r) => and(aEqB(l, r)!, fn('<>', B, ry(r), text('r1')));
  for (const buildSide of both) {
    assert.deepEqual(await rows(join('full', cond, { buildSide })), [
      '1|l1|NULL|NULL',
      '2|l2|2|r2',
      '2|l5|2|r2',
      '3|l4|NULL|NULL',
      'NULL|NULL|2|r1',
      'NULL|NULL|4|r4',
      'NULL|NULL|NULL|r3',
      'NULL|l3|NULL|NULL',
    ]);
  }
});

test('nested loop without an equality: left join on a < b; full join on a < b and y <> r4', async () => {
  const lt: Cond = (l, r) => fn('<', B, col(l.columns[0]!), col(r.columns[0]!));
  assert.deepEqual(await rows(join('left', lt)), [
    '1|l1|2|r1',
    '1|l1|2|r2',
    '1|l1|4|r4',
    '2|l2|4|r4',
    '2|l5|4|r4',
    '3|l4|4|r4',
    'NULL|l3|NULL|NULL',
  ]);
  // PostgreSQL refuses a FULL JOIN on a non-hashable condition; the result by definition:
  const cond: Cond = (l, r) => and(lt(l, r)!, fn('<>', B, ry(r), text('r4')));
  for (const buildSide of both) {
    assert.deepEqual(await rows(join('full', cond, { buildSide })), [
      '1|l1|2|r1',
      '1|l1|2|r2',
      '2|l2|NULL|NULL',
      '2|l5|NULL|NULL',
      '3|l4|NULL|NULL',
      'NULL|NULL|4|r4',
      'NULL|NULL|NULL|r3',
      'NULL|l3|NULL|NULL',
    ]);
  }
  // cross join: every pair
  assert.equal((await rows(join('cross', () => null))).length, 20);
  assert.deepEqual(await rows(join('cross', () => null, { right: R([]) })), []);
});

test('semi and anti (EXISTS / NOT EXISTS), either build side', async () => {
  for (const buildSide of both) {
    // select * from l where exists (select 1 from r where b=a): each l row once,
    // though r holds 2 twice (and l too, built on the left)
    assert.deepEqual(await rows(join('semi', aEqB, { buildSide })), ['2|l2', '2|l5']);
    // ... not exists: the NULL key never matches, so NOT EXISTS keeps it
    assert.deepEqual(await rows(join('anti', aEqB, { buildSide })), ['1|l1', '3|l4', 'NULL|l3']);
    // ... (select 1 from r where b=a and y='r9'): no match at all
    const none: Cond = (l, r) => and(aEqB(l, r)!, fn('=', B, ry(r), text('r9')));
    assert.deepEqual(await rows(join('semi', none, { buildSide })), []);
    assert.equal((await rows(join('anti', none, { buildSide }))).length, 5);
    // an empty r: no semi rows, every anti row; an empty l: nothing
    assert.deepEqual(await rows(join('semi', aEqB, { buildSide, right: R([]) })), []);
    assert.equal((await rows(join('anti', aEqB, { buildSide, right: R([]) }))).length, 5);
    const emptyLeft = (type: JoinType): JoinNode => {
      const n = join(type, aEqB, { buildSide });
      const left = valuesNode([I, T], []);
      const condition = fn('=', B, col(left.columns[0]!), col(n.right.columns[0]!));
      return { ...n, left, condition, columns: left.columns };
    };
    assert.deepEqual(await rows(emptyLeft('semi')), []);
    assert.deepEqual(await rows(emptyLeft('anti')), []);
  }
});

test('semi and anti residuals are tested per candidate pair, either build side', async () => {
  // exists (select 1 from r where b=a and not (x='l2' and y='r1') and y<>'r2'):
  // l2's two pairs fail one conjunct each, l5's (l5, r1) passes
  const pairwise: Cond = (l, r) =>
    and(
      aEqB(l, r)!,
      fn('not', B, and(fn('=', B, lx(l), text('l2')), fn('=', B, ry(r), text('r1')))),
      fn('<>', B, ry(r), text('r2')),
    );
  // not exists (select 1 from r where b=a and y > x)
  const later: Cond = (l, r) => and(aEqB(l, r)!, fn('>', B, ry(r), lx(l)));
  for (const buildSide of both) {
    assert.deepEqual(await rows(join('semi', pairwise, { buildSide })), ['2|l5']);
    assert.deepEqual(await rows(join('anti', pairwise, { buildSide })), [
      '1|l1',
      '2|l2',
      '3|l4',
      'NULL|l3',
    ]);
    assert.deepEqual(await rows(join('anti', later, { buildSide })), ['1|l1', '3|l4', 'NULL|l3']);
    // no equality, a nested loop: exists (select 1 from r where a < b)
    const lt: Cond = (l, r) => fn('<', B, col(l.columns[0]!), col(r.columns[0]!));
    assert.deepEqual(await rows(join('semi', lt, { buildSide })), ['1|l1', '2|l2', '2|l5', '3|l4']);
    assert.deepEqual(await rows(join('anti', lt, { buildSide })), ['NULL|l3']);
  }
});

test('a semi join built on the left stops reading the right once every left row matched', async () => {
  for (const residual of [false, true]) {
    const right = batchesNode(
      [I, T],
      [
        {
          columns: [
            [2, 7],
            ['r1', 'r2'],
          ],
          rowCount: 2,
        },
        { columns: [[2], ['r3']], rowCount: 1 },
      ],
    );
    const left = valuesNode(
      [I, T],
      [
        [2, 'l1'],
        [2, 'l2'],
        [null, 'l3'],
      ],
    );
    const eqKeys = fn('=', B, col(left.columns[0]!), col(right.plan.columns[0]!));
    const node: JoinNode = {
      ...join('semi', aEqB, { buildSide: 'left' }),
      left,
      right: right.plan,
      condition: residual ? and(eqKeys, fn('<>', B, ry(right.plan), text('r9'))) : eqKeys,
      columns: left.columns,
    };
    assert.deepEqual(await rows(node), ['2|l1', '2|l2']);
    // one pull for the first batch, none for the second: l3's NULL key can never match
    assert.equal(right.pulls[0], 1);
    assert.deepEqual(await rows({ ...node, joinType: 'anti' }), ['NULL|l3']);
  }
});

test('NOT IN is never built on the left: its NULL rules need the whole right side per left row', async () => {
  // select * from l where a not in (select b from r) with buildSide left: still no rows
  assert.deepEqual(await rows(join('anti', aEqB, { nullAware: true, buildSide: 'left' })), []);
  const noNull = R(RROWS.filter((r) => r[0] !== null));
  assert.deepEqual(
    await rows(join('anti', aEqB, { nullAware: true, buildSide: 'left', right: noNull })),
    ['1|l1', '3|l4'],
  );
});

test('null-aware anti join is NOT IN', async () => {
  // select * from l where a not in (select b from r)  → no rows (r has a NULL)
  assert.deepEqual(await rows(join('anti', aEqB, { nullAware: true })), []);
  // ... (select b from r where b is not null) → 1, 3
  const noNull = R(RROWS.filter((r) => r[0] !== null));
  assert.deepEqual(await rows(join('anti', aEqB, { nullAware: true, right: noNull })), [
    '1|l1',
    '3|l4',
  ]);
  // ... (select b from e) → every row, the NULL one too
  assert.equal((await rows(join('anti', aEqB, { nullAware: true, right: R([]) }))).length, 5);
  // select * from l where (a, x) not in (select b, 'l1' from r)
  const rl1 = R(RROWS.map((r) => [r[0]!, 'l1']));
  const twoKeys: Cond = (l, r) => and(aEqB(l, r)!, fn('=', B, lx(l), ry(r)));
  assert.deepEqual(await rows(join('anti', twoKeys, { nullAware: true, right: rl1 })), [
    '2|l2',
    '2|l5',
    '3|l4',
    'NULL|l3',
  ]);
  // select * from l where a not in (select b from r where (y = 'r3') = (x = 'l1'))
  const correlated: Cond = (l, r) =>
    and(aEqB(l, r)!, fn('=', B, fn('=', B, ry(r), text('r3')), fn('=', B, lx(l), text('l1'))));
  assert.deepEqual(await rows(join('anti', correlated, { nullAware: true })), ['3|l4']);
  // select * from l where a not in (select b from r where b > a): a filter, not the comparison
  const gt: Cond = (l, r) => and(aEqB(l, r)!, fn('>', B, col(r.columns[0]!), col(l.columns[0]!)));
  assert.deepEqual(await rows(join('anti', gt, { nullAware: true })), [
    '1|l1',
    '2|l2',
    '2|l5',
    '3|l4',
    'NULL|l3',
  ]);
});

test('mark join: true, false or NULL as IN would be', async () => {
  // IN-style marks carry nullAware (the binder sets it for IN, planner/optimize/
  // decorrelate-subqueries.ts); an EXISTS mark without it is two-valued.
  // select a, x, a in (select b from r) from l
  assert.deepEqual(await rows(join('mark', aEqB, { nullAware: true })), [
    '1|l1|NULL',
    '2|l2|true',
    '2|l5|true',
    '3|l4|NULL',
    'NULL|l3|NULL',
  ]);
  // ... (select b from r where b is not null)
  const noNull = R(RROWS.filter((r) => r[0] !== null));
  assert.deepEqual(await rows(join('mark', aEqB, { nullAware: true, right: noNull })), [
    '1|l1|false',
    '2|l2|true',
    '2|l5|true',
    '3|l4|false',
    'NULL|l3|NULL',
  ]);
  // ... (select b from e) → all false
  assert.deepEqual(await rows(join('mark', aEqB, { nullAware: true, right: R([]) })), [
    '1|l1|false',
    '2|l2|false',
    '2|l5|false',
    '3|l4|false',
    'NULL|l3|false',
  ]);
  // select a, x, (a, x) in (select b, 'l1' from r) from l
  const rl1 = R(RROWS.map((r) => [r[0]!, 'l1']));
  const twoKeys: Cond = (l, r) => and(aEqB(l, r)!, fn('=', B, lx(l), ry(r)));
  assert.deepEqual(await rows(join('mark', twoKeys, { nullAware: true, right: rl1 })), [
    '1|l1|NULL',
    '2|l2|false',
    '2|l5|false',
    '3|l4|false',
    'NULL|l3|false',
  ]);
  // select a, x, a in (select b from r where (y = 'r3') = (x = 'l1')) from l
  const correlated: Cond = (l, r) =>
    and(aEqB(l, r)!, fn('=', B, fn('=', B, ry(r), text('r3')), fn('=', B, lx(l), text('l1'))));
  assert.deepEqual(await rows(join('mark', correlated, { nullAware: true })), [
    '1|l1|NULL',
    '2|l2|true',
    '2|l5|true',
    '3|l4|false',
    'NULL|l3|NULL',
  ]);
  // select a, x, exists (select 1 from r where b = a) from l: never NULL
  assert.deepEqual(await rows(join('mark', aEqB)), [
    '1|l1|false',
    '2|l2|true',
    '2|l5|true',
    '3|l4|false',
    'NULL|l3|false',
  ]);
});

test('single join: a left join that fails with 21000 on a second match', async () => {
  // select a, (select y from r where b = a) from l where a <> 2 or a is null
  const left = valuesNode([I], [[1], [null], [3]]);
  const right = R();
  const node: JoinNode = {
    ...join('single', aEqB),
    left,
    right,
    condition: fn('=', B, col(left.columns[0]!), col(right.columns[0]!)),
    columns: [...left.columns, ...right.columns],
  };
  assert.deepEqual(sortedText(await run(node)), ['1|NULL|NULL', '3|NULL|NULL', 'NULL|NULL|NULL']);
  // select a, (select y from r where b = a) from l → ERROR 21000
  await assert.rejects(run(join('single', aEqB)), {
    sqlstate: '21000',
    message: 'more than one row returned by a subquery used as an expression',
  });
});

test('numeric keys match whatever their scale', async () => {
  const N = Types.numeric();
  const l = valuesNode([N], [['1.0'], ['2.50'], ['-0.0']]);
  const r = valuesNode([N], [['1'], ['2.5'], ['0']]);
  const node: JoinNode = {
    ...join('inner', aEqB),
    left: l,
    right: r,
    condition: fn('=', B, col(l.columns[0]!), col(r.columns[0]!)),
    columns: [...l.columns, ...r.columns],
  };
  assert.deepEqual(sortedText(await run(node)), ['-0.0|0', '1.0|1', '2.50|2.5']);
});

test('cancellation and the memory limit', async () => {
  const rt = testRuntime();
  const op = rt.build(join('inner', aEqB));
  rt.cancel();
  await assert.rejects(op.next(), { sqlstate: '57014' });
  const small = testRuntime({ memoryBytes: 64 });
  await assert.rejects(run(join('inner', aEqB), small), { sqlstate: '53200' });
});
