import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AggregateCall, AggregateNode } from '../../../planner/plan/logical-plan.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { startOracle, textRows, valuesSql, type PgOracle } from '../aggregates/pg-oracle.js';
import { aggregateResolver } from '../function-catalog-aggregates.js';
import { buildAggregate, buildMergeAggregate, buildPartialAggregate } from './aggregate.js';
import { batchesNode, col, drain, planColumns, testRuntime } from './test-runtime.js';
import type { Operator } from './operator.js';

/** One aggregate call of a test: columns by index; `pg` is PostgreSQL's equivalent when it lacks the function. */
interface Agg {
  fn: string;
  args: number[];
  distinct?: boolean;
  filter?: number;
  orderBy?: { col: number; desc?: boolean }[];
  pg?: string;
}

interface Case {
  types: SqlType[];
  rows: SqlValue[][];
  keys: number[];
  aggs: Agg[];
  sets?: number[][];
}

function aggSql(a: Agg): string {
  if (a.pg) return a.pg;
  const args = a.args.length === 0 ? '*' : a.args.map((i) => `c${i}`).join(', ');
  const order = a.orderBy?.length
    ? ` ORDER BY ${a.orderBy.map((o) => `c${o.col}${o.desc ? ' DESC' : ''}`).join(', ')}`
    : '';
  const filter = a.filter === undefined ? '' : ` FILTER (WHERE c${a.filter})`;
  return `${a.fn}(${a.distinct ? 'DISTINCT ' : ''}${args}${order})${filter}`;
}

function plan(c: Case, batchRows = 7): { node: AggregateNode; outTypes: SqlType[] } {
  const batches = [];
  for (let i = 0; i < c.rows.length; i += batchRows) {
    const slice = c.rows.slice(i, i + batchRows);
    batches.push({
      columns: c.types.map((_, j) => slice.map((r) => r[j] ?? null)),
      rowCount: slice.length,
    });
  }
  const input = batchesNode(c.types, batches).plan;
  const cols = input.columns;
  const aggregates: AggregateCall[] = c.aggs.map((a) => {
    const sig = aggregateResolver(a.fn)!.resolve(a.args.map((i) => c.types[i]!));
    assert.ok(sig, `${a.fn} resolves`);
    return {
      fn: a.fn,
      args: a.args.map((i) => col(cols[i]!)),
      distinct: a.distinct ?? false,
      filter: a.filter === undefined ? null : col(cols[a.filter]!),
      orderBy: (a.orderBy ?? []).map((o) => ({
        expr: col(cols[o.col]!),
        descending: o.desc ?? false,
        nullsFirst: o.desc ?? false,
      })),
      type: sig.returns,
    };
  });
  const outTypes = [...c.keys.map((k) => c.types[k]!), ...aggregates.map((a) => a.type)];
  if (c.sets) outTypes.push(Types.int8);
  const node: AggregateNode = {
    kind: 'aggregate',
    input,
    keys: c.keys.map((k) => col(cols[k]!)),
    aggregates,
    groupingSets: c.sets ?? null,
    partial: false,
    columns: planColumns(outTypes),
  };
  return { node, outTypes };
}

function pgSql(c: Case): string {
  const keys = c.keys.map((k) => `c${k}`);
  const select = [...keys, ...c.aggs.map(aggSql)];
  if (c.sets) select.push(`GROUPING(${c.keys.map((k) => `c${k}`).join(', ')})::int8`);
  const group = c.sets
    ? ` GROUP BY GROUPING SETS (${c.sets.map((s) => `(${s.map((i) => `c${c.keys[i]}`).join(', ')})`).join(', ')})`
    : keys.length
      ? ` GROUP BY ${keys.join(', ')}`
      : '';
  return `SELECT ${select.join(', ')} FROM ${valuesSql(c.types, c.rows)}${group}`;
}

async function ours(c: Case, batchRows?: number): Promise<string[]> {
  const { node, outTypes } = plan(c, batchRows);
  const rows = await drain(buildAggregate(node, testRuntime()));
  return textRows(outTypes, rows).sort();
}

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let pg: PgOracle | null = null;
const check = async (c: Case): Promise<void> => {
  if (!pg) return;
  assert.deepEqual(await ours(c), pg.rows(pgSql(c)).sort(), pgSql(c).slice(0, 300));
};

const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const maybeNull = <T>(v: T): T | null => (rand() < 0.15 ? null : v);

const intRows: SqlValue[][] = Array.from({ length: 120 }, () => [
  maybeNull(pick([1, 2, 3, 4])),
  maybeNull(Math.floor(rand() * 2000) - 1000),
  maybeNull(BigInt(Math.floor(rand() * 1e9)) * 1000003n),
  maybeNull(Math.floor(rand() * 60) - 30),
  maybeNull(rand() < 0.5),
]);
const intTypes = [Types.int4, Types.int4, Types.int8, Types.int2, Types.bool];

const numRows: SqlValue[][] = Array.from({ length: 90 }, () => [
  maybeNull(pick(['a', 'b', 'c'])),
  maybeNull(pick(['1.5', '-2.25', '3', '0.001', '12345678901234567890.5', '-7.10', '0'])),
  maybeNull((rand() - 0.5) * 1e3),
  maybeNull(Math.fround(rand() * 100)),
]);
const numTypes = [Types.text, Types.numeric(), Types.float8, Types.float4];

describe('aggregate operator vs PostgreSQL 15', () => {
  before(async () => {
    pg = await startOracle();
  });
  after(async () => {
    await pg?.close();
  });

  it('count, sum, avg, min, max over integers with NULLs', () =>
    check({
      types: intTypes,
      rows: intRows,
      keys: [0],
      aggs: [
        { fn: 'count', args: [] },
        { fn: 'count', args: [1] },
        { fn: 'sum', args: [1] },
        { fn: 'sum', args: [2] },
        { fn: 'sum', args: [3] },
        { fn: 'avg', args: [1] },
        { fn: 'avg', args: [2] },
        { fn: 'avg', args: [3] },
        { fn: 'min', args: [1] },
        { fn: 'max', args: [2] },
      ],
    }));

  it('stddev and variance families over integers', () =>
    check({
      types: intTypes,
      rows: intRows,
      keys: [0],
      aggs: ['stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop'].flatMap(
        (fn) => [
          { fn, args: [1] },
          { fn, args: [2] },
          { fn, args: [3] },
        ],
      ),
    }));

  it('numeric and float aggregates to the last digit', () =>
    check({
      types: numTypes,
      rows: numRows,
      keys: [0],
      aggs: ['sum', 'avg', 'min', 'max', 'stddev', 'var_pop', 'stddev_pop', 'variance'].flatMap(
        (fn) => [
          { fn, args: [1] },
          { fn, args: [2] },
          { fn, args: [3] },
        ],
      ),
    }));

  it('bool_and, bool_or, every, FILTER and DISTINCT', () =>
    check({
      types: intTypes,
      rows: intRows,
      keys: [0],
      aggs: [
        { fn: 'bool_and', args: [4] },
        { fn: 'bool_or', args: [4] },
        { fn: 'every', args: [4] },
        { fn: 'count', args: [], filter: 4 },
        { fn: 'sum', args: [1], filter: 4 },
        { fn: 'count', args: [3], distinct: true },
        { fn: 'sum', args: [3], distinct: true },
        { fn: 'avg', args: [3], distinct: true, filter: 4 },
      ],
    }));

  it('array_agg and string_agg with ORDER BY', () =>
    check({
      types: [Types.int4, Types.text, Types.int4, Types.text],
      rows: Array.from({ length: 40 }, (_, i) => [
        i % 3,
        maybeNull(`v${i % 7}`),
        i,
        pick([',', '-', null]),
      ]),
      keys: [0],
      aggs: [
        { fn: 'array_agg', args: [1], orderBy: [{ col: 2, desc: true }] },
        { fn: 'array_agg', args: [2], orderBy: [{ col: 1 }, { col: 2 }] },
        { fn: 'string_agg', args: [1, 3], orderBy: [{ col: 2 }] },
        { fn: 'array_agg', args: [1], distinct: true, orderBy: [{ col: 1 }] },
      ],
    }));

  it('Spark and Trino aggregates against PostgreSQL equivalents', () =>
    check({
      types: [Types.int4, Types.text, Types.int4, Types.bool],
      rows: Array.from({ length: 50 }, (_, i) => [
        i % 4,
        maybeNull(`v${i % 9}`),
        (i * 37) % 101,
        maybeNull(i % 3 === 0),
      ]),
      keys: [0],
      aggs: [
        { fn: 'count_if', args: [3], pg: 'count(*) FILTER (WHERE c3)' },
        { fn: 'min_by', args: [1, 2], pg: '(array_agg(c1 ORDER BY c2))[1]' },
        { fn: 'max_by', args: [1, 2], pg: '(array_agg(c1 ORDER BY c2 DESC))[1]' },
        { fn: 'first', args: [1], orderBy: [{ col: 2 }], pg: '(array_agg(c1 ORDER BY c2))[1]' },
        { fn: 'last', args: [1], orderBy: [{ col: 2 }], pg: '(array_agg(c1 ORDER BY c2 DESC))[1]' },
        {
          fn: 'first',
          args: [1, 3],
          orderBy: [{ col: 2 }],
          pg: '(array_agg(c1 ORDER BY c2) FILTER (WHERE c1 IS NOT NULL OR NOT c3 OR c3 IS NULL))[1]',
        },
        { fn: 'approx_distinct', args: [1], pg: 'count(DISTINCT c1)' },
        {
          fn: 'any_value',
          args: [1],
          orderBy: [{ col: 2 }],
          pg: '(array_agg(c1 ORDER BY c2) FILTER (WHERE c1 IS NOT NULL))[1]',
        },
      ],
    }));

  it('GROUPING SETS, ROLLUP and CUBE with the grouping id', () =>
    check({
      types: intTypes,
      rows: intRows,
      keys: [0, 4],
      aggs: [
        { fn: 'count', args: [] },
        { fn: 'sum', args: [1] },
        { fn: 'avg', args: [3] },
      ],
      sets: [[0, 1], [0], [1], []],
    }));

  it('grouping sets over no rows still give the empty set its row', () =>
    check({
      types: intTypes,
      rows: [],
      keys: [0, 4],
      aggs: [
        { fn: 'count', args: [] },
        { fn: 'sum', args: [1] },
      ],
      sets: [[0, 1], [0], []],
    }));

  it('no keys over no rows gives one row; keys over no rows give none', async () => {
    const aggs: Agg[] = [
      { fn: 'count', args: [] },
      { fn: 'sum', args: [1] },
      { fn: 'avg', args: [2] },
      { fn: 'array_agg', args: [1] },
      { fn: 'bool_and', args: [4] },
      { fn: 'stddev', args: [3] },
      { fn: 'max', args: [3] },
      { fn: 'count', args: [3], distinct: true },
    ];
    assert.deepEqual(await ours({ types: intTypes, rows: [], keys: [], aggs }), [
      '0|NULL|NULL|NULL|NULL|NULL|NULL|0',
    ]);
    assert.deepEqual(await ours({ types: intTypes, rows: [], keys: [0], aggs }), []);
    await check({ types: intTypes, rows: [], keys: [], aggs });
  });

  it('numeric sums are exact past 2^53 and keep the widest scale', async () => {
    const rows = [['9007199254740993'], ['0.10'], ['9007199254740993.5'], ['-1e-3'], [null]];
    const c: Case = {
      types: [Types.numeric()],
      rows,
      keys: [],
      aggs: [
        { fn: 'sum', args: [0] },
        { fn: 'avg', args: [0] },
        { fn: 'stddev', args: [0] },
      ],
    };
    const [row] = await ours({
      ...c,
      rows: rows.map((r) => [r[0] === '-1e-3' ? '-0.001' : r[0]!]),
    });
    assert.equal(row!.split('|')[0], '18014398509481986.599');
    await check({ ...c, rows: rows.map((r) => [r[0] === '-1e-3' ? '-0.001' : r[0]!]) });
  });

  it('partial states merge to the same result as one pass', async () => {
    const c: Case = {
      types: numTypes,
      rows: numRows,
      keys: [0],
      aggs: ['count', 'sum', 'avg', 'min', 'max', 'stddev', 'var_pop', 'bool_or']
        .slice(0, 7)
        .flatMap((fn) => [
          { fn, args: [1] },
          { fn, args: [2] },
        ]),
    };
    c.aggs.push(
      { fn: 'approx_distinct', args: [1] },
      { fn: 'array_agg', args: [3] },
      { fn: 'first', args: [1] },
    );
    const { node, outTypes } = plan(c);
    const whole = textRows(outTypes, await drain(buildAggregate(node, testRuntime())));
    // Two "workers" each aggregate half of the rows; the main thread merges their states.
    const half = Math.floor(c.rows.length / 2);
    const parts: Operator[] = [c.rows.slice(0, half), c.rows.slice(half)].map((rows) =>
      buildPartialAggregate(plan({ ...c, rows }).node, testRuntime()),
    );
    let i = 0;
    const partials: Operator = {
      stats: parts[0]!.stats,
      children: parts,
      next: async () => {
        while (i < parts.length) {
          const b = await parts[i]!.next();
          if (b) return b;
          i++;
        }
        return null;
      },
      close: () => parts.forEach((p) => p.close()),
    };
    const merged = textRows(
      outTypes,
      await drain(buildMergeAggregate(node, partials, testRuntime())),
    );
    // array_agg and first follow arrival order, which the split changes: compare the rest.
    const strip = (rows: string[]): string[][] => rows.map((r) => r.split('|').slice(0, -2)).sort();
    const [m, w] = [strip(merged), strip(whole)];
    assert.equal(m.length, w.length);
    m.forEach((row, r) =>
      row.forEach((v, f) => {
        const x = w[r]![f]!;
        // Float moments combine in another order than one pass (as in PostgreSQL's
        // parallel aggregation): equal to rounding; everything exact must match exactly.
        const kind = outTypes[f]!.kind;
        if (kind === 'float8' || kind === 'float4') {
          assert.ok(Math.abs(Number(v) - Number(x)) <= 1e-9 * Math.abs(Number(x)), `${v} vs ${x}`);
        } else assert.equal(v, x);
      }),
    );
  });
});
