import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type {
  FrameBound,
  PlanColumn,
  WindowCall,
  WindowFrame,
  WindowNode,
} from '../../../planner/plan/logical-plan.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import {
  sqlLiteral,
  startOracle,
  textRows,
  valuesSql,
  type PgOracle,
} from '../aggregates/pg-oracle.js';
import { aggregateResolver, windowResolver } from '../function-catalog-aggregates.js';
import { batchesNode, col, drain, planColumns, testRuntime } from './test-runtime.js';
import { buildWindow } from './window.js';

/** A test window call: columns by index, constants as SqlValues; `sql` is its PostgreSQL text. */
interface Call {
  fn: string;
  args?: (number | { c: SqlValue; t: SqlType })[];
  part?: number[];
  order?: { col: number; desc?: boolean; nullsFirst?: boolean }[];
  frame?: WindowFrame;
  filter?: number;
  ignoreNulls?: boolean;
  pg?: string;
}

// id int4 (unique), g int4 (partition), v int4 (ties, NULLs), x int4, d numeric, f float8, s text, b bool
const types: SqlType[] = [
  Types.int4,
  Types.int4,
  Types.int4,
  Types.int4,
  Types.numeric(),
  Types.float8,
  Types.text,
  Types.bool,
];
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 2 ** 32);
}
const rand = rng(7);
const nullish = <T>(v: T): T | null => (rand() < 0.15 ? null : v);
const rows: SqlValue[][] = Array.from({ length: 60 }, (_, i) => [
  i,
  i % 3,
  nullish(Math.floor(rand() * 12)),
  nullish(Math.floor(rand() * 100) - 30),
  nullish(['1.5', '2.25', '-3', '0.125', '10'][Math.floor(rand() * 5)]!),
  nullish(Math.round(rand() * 1e6) / 64),
  nullish(`s${Math.floor(rand() * 20)}`),
  nullish(rand() < 0.6),
]);

const cexpr = (v: SqlValue, t: SqlType): BoundExpr => ({ kind: 'const', type: t, value: v });
const bnd = (kind: FrameBound['kind'], n?: SqlValue, t: SqlType = Types.int8): FrameBound =>
  kind === 'preceding' || kind === 'following'
    ? { kind, offset: cexpr(n!, t) }
    : { kind: kind as 'current-row' };
const frame = (
  unit: WindowFrame['unit'],
  start: FrameBound,
  end: FrameBound,
  exclude: WindowFrame['exclude'] = 'no-others',
): WindowFrame => ({ unit, start, end, exclude });

function boundSql(b: FrameBound): string {
  switch (b.kind) {
    case 'unbounded-preceding':
      return 'UNBOUNDED PRECEDING';
    case 'unbounded-following':
      return 'UNBOUNDED FOLLOWING';
    case 'current-row':
      return 'CURRENT ROW';
    default:
      return `${String((b.offset as { value: number | bigint }).value)} ${b.kind.toUpperCase()}`;
  }
}

function callSql(c: Call): string {
  const args = (c.args ?? [])
    .map((a) => (typeof a === 'number' ? `c${a}` : sqlLiteral(a.t, a.c)))
    .join(', ');
  const argText = c.fn === 'count' && args === '' ? '*' : args;
  const over: string[] = [];
  if (c.part?.length) over.push(`PARTITION BY ${c.part.map((i) => `c${i}`).join(', ')}`);
  if (c.order?.length) {
    const keys = c.order.map(
      (o) =>
        `c${o.col}${o.desc ? ' DESC' : ''}${o.nullsFirst === undefined ? '' : o.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST'}`,
    );
    over.push(`ORDER BY ${keys.join(', ')}`);
  }
  if (c.frame) {
    const f = c.frame;
    const ex =
      f.exclude === 'no-others'
        ? ''
        : ` EXCLUDE ${f.exclude === 'current-row' ? 'CURRENT ROW' : f.exclude.toUpperCase()}`;
    over.push(`${f.unit.toUpperCase()} BETWEEN ${boundSql(f.start)} AND ${boundSql(f.end)}${ex}`);
  }
  const filter = c.filter === undefined ? '' : ` FILTER (WHERE c${c.filter})`;
  return c.pg ?? `${c.fn}(${argText})${filter} OVER (${over.join(' ')})`;
}

function windowNode(calls: Call[]): { node: WindowNode; outTypes: SqlType[] } {
  const batches = [];
  for (let i = 0; i < rows.length; i += 11) {
    const slice = rows.slice(i, i + 11);
    batches.push({
      columns: types.map((_, j) => slice.map((r) => r[j] ?? null)),
      rowCount: slice.length,
    });
  }
  const input = batchesNode(types, batches).plan;
  const cols = input.columns;
  const wcalls: WindowCall[] = calls.map((c) => {
    const args = (c.args ?? []).map((a) =>
      typeof a === 'number' ? col(cols[a]!) : cexpr(a.c, a.t),
    );
    const resolver = windowResolver(c.fn) ?? aggregateResolver(c.fn);
    const sig = resolver!.resolve(args.map((a) => a.type));
    assert.ok(sig, `${c.fn} resolves`);
    return {
      fn: c.fn,
      args,
      distinct: false,
      filter: c.filter === undefined ? null : col(cols[c.filter]!),
      partitionBy: (c.part ?? []).map((i) => col(cols[i]!)),
      orderBy: (c.order ?? []).map((o) => ({
        expr: col(cols[o.col]!),
        descending: o.desc ?? false,
        nullsFirst: o.nullsFirst ?? o.desc ?? false,
      })),
      frame: c.frame ?? null,
      ignoreNulls: c.ignoreNulls ?? false,
      type: sig.returns,
    };
  });
  const outTypes = [...types, ...wcalls.map((c) => c.type)];
  return {
    node: { kind: 'window', input, calls: wcalls, columns: planColumns(outTypes) },
    outTypes,
  };
}

let pg: PgOracle | null = null;
async function check(calls: Call[]): Promise<void> {
  const { node, outTypes } = windowNode(calls);
  const got = textRows(outTypes, await drain(buildWindow(node, testRuntime()))).sort();
  if (!pg) return;
  const sql = `SELECT ${[...types.map((_, i) => `c${i}`), ...calls.map(callSql)].join(', ')} FROM ${valuesSql(types, rows)}`;
  assert.deepEqual(got, pg.rows(sql).sort(), calls.map(callSql).join('; '));
}

const byV = [{ col: 2 }];
const byVId = [{ col: 2 }, { col: 0 }];
const I = (n: number): { c: SqlValue; t: SqlType } => ({ c: n, t: Types.int4 });

describe('window operator vs PostgreSQL 15', () => {
  before(async () => {
    pg = await startOracle();
  });
  after(async () => {
    await pg?.close();
  });

  it('ranking functions', () =>
    check([
      { fn: 'row_number', part: [1], order: byVId },
      { fn: 'rank', part: [1], order: byV },
      { fn: 'dense_rank', part: [1], order: [{ col: 2, desc: true }] },
      { fn: 'percent_rank', part: [1], order: byV },
      { fn: 'cume_dist', order: byV },
      { fn: 'ntile', args: [I(4)], part: [1], order: byVId },
      { fn: 'ntile', args: [I(7)], order: byVId },
      { fn: 'count', args: [], part: [1] },
    ]));

  it('lag, lead, first_value, last_value, nth_value', () =>
    check([
      { fn: 'lag', args: [3], part: [1], order: byVId },
      { fn: 'lead', args: [3, I(2), I(-1)], part: [1], order: byVId },
      { fn: 'lag', args: [6, I(3)], order: byVId },
      { fn: 'first_value', args: [3], part: [1], order: byV },
      { fn: 'last_value', args: [3], part: [1], order: byVId },
      { fn: 'nth_value', args: [3, I(3)], part: [1], order: byVId },
      {
        fn: 'last_value',
        args: [6],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 2n), bnd('following', 1n)),
      },
      {
        fn: 'first_value',
        args: [6],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('current-row'), bnd('following', 3n), 'current-row'),
      },
      {
        fn: 'nth_value',
        args: [3, I(2)],
        part: [1],
        order: byV,
        frame: frame('groups', bnd('preceding', 1n), bnd('following', 1n), 'ties'),
      },
    ]));

  it('running aggregates over the default frame (peers included)', () =>
    check([
      { fn: 'sum', args: [3], part: [1], order: byV },
      { fn: 'count', args: [], part: [1], order: byV },
      { fn: 'count', args: [3], order: [{ col: 2, desc: true }] },
      { fn: 'avg', args: [4], part: [1], order: byV },
      { fn: 'min', args: [6], part: [1], order: byV },
      { fn: 'max', args: [3], part: [1], order: byVId },
      { fn: 'sum', args: [5], part: [1], order: byVId },
      { fn: 'stddev', args: [3], part: [1], order: byV },
      { fn: 'string_agg', args: [6, { c: ',', t: Types.text }], part: [1], order: byVId },
      { fn: 'array_agg', args: [3], part: [1], order: byVId },
      { fn: 'sum', args: [3], part: [1] },
      { fn: 'count', args: [], filter: 7, part: [1], order: byV },
    ]));

  it('ROWS and GROUPS frames, sliding and with EXCLUDE', () =>
    check([
      {
        fn: 'sum',
        args: [3],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 2n), bnd('following', 2n)),
      },
      {
        fn: 'avg',
        args: [4],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 3n), bnd('current-row')),
      },
      {
        fn: 'min',
        args: [3],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 3n), bnd('preceding', 1n)),
      },
      {
        fn: 'max',
        args: [3],
        order: byVId,
        frame: frame('rows', bnd('following', 1n), bnd('following', 4n)),
      },
      {
        fn: 'count',
        args: [3],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('current-row'), bnd('unbounded-following')),
      },
      {
        fn: 'sum',
        args: [3],
        part: [1],
        order: byV,
        frame: frame('groups', bnd('preceding', 1n), bnd('following', 1n)),
      },
      {
        fn: 'sum',
        args: [4],
        part: [1],
        order: byV,
        frame: frame('groups', bnd('current-row'), bnd('following', 2n), 'group'),
      },
      {
        fn: 'sum',
        args: [3],
        part: [1],
        order: byV,
        frame: frame('range', bnd('unbounded-preceding'), bnd('unbounded-following'), 'ties'),
      },
      {
        fn: 'count',
        args: [],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 2n), bnd('following', 2n), 'current-row'),
      },
      {
        fn: 'sum',
        args: [5],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 1n), bnd('following', 1n)),
      },
      {
        fn: 'bool_and',
        args: [7],
        part: [1],
        order: byVId,
        frame: frame('rows', bnd('preceding', 1n), bnd('following', 1n)),
      },
      {
        fn: 'sum',
        args: [4],
        order: byVId,
        frame: frame('rows', bnd('preceding', 2n), bnd('current-row')),
      },
    ]));

  it('RANGE frames with offsets, ascending and descending, NULL keys', () =>
    check([
      {
        fn: 'sum',
        args: [3],
        part: [1],
        order: byV,
        frame: frame('range', bnd('preceding', 2, Types.int4), bnd('following', 1, Types.int4)),
      },
      {
        fn: 'count',
        args: [],
        part: [1],
        order: [{ col: 2, desc: true }],
        frame: frame('range', bnd('preceding', 3, Types.int4), bnd('current-row')),
      },
      {
        fn: 'max',
        args: [3],
        order: [{ col: 2, nullsFirst: true }],
        frame: frame('range', bnd('current-row'), bnd('following', 2, Types.int4)),
      },
      {
        fn: 'min',
        args: [0],
        part: [1],
        order: [{ col: 2, desc: true, nullsFirst: false }],
        frame: frame('range', bnd('preceding', 1, Types.int4), bnd('following', 1, Types.int4)),
      },
      {
        fn: 'sum',
        args: [3],
        part: [1],
        order: byV,
        frame: frame('range', bnd('following', 1, Types.int4), bnd('following', 3, Types.int4)),
      },
    ]));
});

describe('window functions beyond PostgreSQL 15', () => {
  it('lag, lead, first_value and last_value with IGNORE NULLS', async () => {
    const t = [Types.int4, Types.int4];
    const data = [1, null, null, 4, null, 6].map((x, i) => [i, x]);
    const input = batchesNode(t, [
      { columns: [data.map((r) => r[0]!), data.map((r) => r[1]!)], rowCount: 6 },
    ]).plan;
    const [id, x] = input.columns as [PlanColumn, PlanColumn];
    const call = (fn: string, frame: WindowFrame | null = null): WindowCall => ({
      fn,
      args: [col(x)],
      distinct: false,
      filter: null,
      partitionBy: [],
      orderBy: [{ expr: col(id), descending: false, nullsFirst: false }],
      frame,
      ignoreNulls: true,
      type: Types.int4,
    });
    const calls = [
      call('lag'),
      call('lead'),
      call('first_value', frame('rows', bnd('following', 1n), bnd('unbounded-following'))),
      call('last_value'),
    ];
    const node: WindowNode = {
      kind: 'window',
      input,
      calls,
      columns: planColumns([...t, ...calls.map(() => Types.int4)]),
    };
    const out = await drain(buildWindow(node, testRuntime()));
    assert.deepEqual(
      out.map((r) => r.slice(2)),
      [
        [null, 4, 4, 1],
        [1, 4, 4, 1],
        [1, 4, 4, 1],
        [1, 6, 6, 4],
        [4, 6, 6, 4],
        [4, null, null, 6],
      ],
    );
  });
});
