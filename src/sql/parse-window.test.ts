import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr, FunctionCall, Select } from './ast.js';
import { parseSql } from './parse.js';

/** The AST without spans, for comparisons. */
function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([k]) => k !== 'span')
      .map(([k, v]) => [k, strip(v)]),
  );
}

function select(sql: string): Select {
  const [parsed] = parseSql(sql);
  const q = parsed?.statement;
  assert.ok(q?.kind === 'query' && q.body.kind === 'select', sql);
  return q.body;
}

/** The first select item's expression, as a call. */
function call(sql: string): FunctionCall {
  const e = select(`SELECT ${sql} FROM t`).items[0]?.expr;
  assert.equal(e?.kind, 'function', sql);
  return e;
}

const col = (name: string): unknown => ({ kind: 'column', name: { kind: 'name', parts: [name] } });
const int = (text: string): unknown => ({ kind: 'literal', value: { type: 'integer', text } });

describe('window functions and aggregate clauses', () => {
  it('parses OVER with partitioning, ordering and a frame', () => {
    const f = call(
      'sum(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP)',
    );
    assert.deepEqual(strip(f.over), {
      kind: 'window-spec',
      base: null,
      partitionBy: [col('a'), col('b')],
      orderBy: [{ kind: 'order-item', expr: col('c'), descending: true, nullsFirst: null }],
      frame: {
        kind: 'window-frame',
        unit: 'rows',
        start: { kind: 'preceding', offset: int('2') },
        end: { kind: 'unbounded-following', offset: null },
        exclude: 'group',
      },
    });
  });

  it('ends a frame without BETWEEN at the current row', () => {
    const frame = call('avg(x) OVER (ORDER BY d RANGE UNBOUNDED PRECEDING)').over?.frame;
    assert.deepEqual(strip(frame), {
      kind: 'window-frame',
      unit: 'range',
      start: { kind: 'unbounded-preceding', offset: null },
      end: { kind: 'current-row', offset: null },
      exclude: 'no-others',
    });
    assert.equal(call('count(*) OVER (GROUPS 1 FOLLOWING)').over?.frame?.unit, 'groups');
  });

  it('parses named windows: OVER w, OVER (w ...), and the WINDOW clause', () => {
    assert.deepEqual(strip(call('rank() OVER w').over), {
      kind: 'window-spec',
      base: 'w',
      partitionBy: [],
      orderBy: [],
      frame: null,
    });
    const refined = call('rank() OVER (w ORDER BY y)').over;
    assert.equal(refined?.base, 'w');
    assert.equal(refined?.orderBy.length, 1);
    const s = select(
      'SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY g), v AS (w ORDER BY x)',
    );
    assert.deepEqual(
      s.windows.map((w) => [w.name, w.spec.base, w.spec.partitionBy.length, w.spec.orderBy.length]),
      [
        ['w', null, 1, 0],
        ['v', 'w', 0, 1],
      ],
    );
  });

  it('parses FILTER, ordered aggregates and null treatment in both places', () => {
    const filtered = call('count(*) FILTER (WHERE a > 1)');
    assert.equal(filtered.filter?.kind, 'binary');
    assert.equal(filtered.over, null);
    const agg = call("string_agg(name, ',' ORDER BY name DESC NULLS FIRST)");
    assert.equal(agg.args.length, 2);
    assert.deepEqual(
      agg.orderBy.map((o) => [o.descending, o.nullsFirst]),
      [[true, true]],
    );
    assert.equal(call('lag(x) IGNORE NULLS OVER (ORDER BY d)').nullTreatment, 'ignore');
    assert.equal(call('last_value(x IGNORE NULLS) OVER (ORDER BY d)').nullTreatment, 'ignore');
    assert.equal(call('first_value(x) RESPECT NULLS OVER ()').nullTreatment, 'respect');
    assert.equal(call('sum(x) FILTER (WHERE x > 0) OVER ()').over?.kind, 'window-spec');
    assert.equal(call('max(x)').nullTreatment, null);
  });

  it('keeps FILTER, IGNORE and OVER usable as aliases', () => {
    const s = select('SELECT a filter, b ignore, c over FROM t');
    assert.deepEqual(
      s.items.map((i) => i.alias),
      ['filter', 'ignore', 'over'],
    );
  });

  it('parses ROLLUP, CUBE, GROUPING SETS and () in GROUP BY, mixed with plain keys', () => {
    const s = select(
      'SELECT 1 FROM t GROUP BY a, ROLLUP (b, (c, d)), CUBE (e), GROUPING SETS ((a, b), a, (), CUBE (f)), ()',
    );
    const kinds = s.groupBy.map((g) => (g.kind === 'grouping-sets' ? g.type : g.kind));
    assert.deepEqual(kinds, ['column', 'rollup', 'cube', 'sets', 'sets']);
    const [, rollup, , sets, empty] = s.groupBy as Expr[];
    assert.deepEqual(
      rollup?.kind === 'grouping-sets' ? rollup.sets.map((set) => set.length) : null,
      [1, 2],
    );
    assert.deepEqual(
      sets?.kind === 'grouping-sets' ? sets.sets.map((set) => set.map((e) => e.kind)) : null,
      [['column', 'column'], ['column'], [], ['grouping-sets']],
    );
    assert.deepEqual(strip(empty), { kind: 'grouping-sets', type: 'sets', sets: [[]] });
  });

  it('reads a parenthesised expression in ROLLUP as one key', () => {
    const s = select('SELECT 1 FROM t GROUP BY ROLLUP ((a + b) * 2, c)');
    const [rollup] = s.groupBy;
    assert.ok(rollup?.kind === 'grouping-sets');
    assert.deepEqual(
      rollup.sets.map((set) => set.map((e) => e.kind)),
      [['binary'], ['column']],
    );
  });

  it('parses GROUPING(a, b) and rollup outside GROUP BY as plain calls', () => {
    assert.equal(call('GROUPING(a, b)').name.parts[0], 'grouping');
    assert.equal(call('rollup(a)').name.parts[0], 'rollup');
  });
});
