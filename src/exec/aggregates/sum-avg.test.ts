import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from '../../common/sql-types.js';
import { formatSmallDecimal } from '../../common/values/decimal-text.js';
import type { Vec } from '../vector/vec.js';
import type { GroupedAggregate } from './grouped-aggregate.js';
import { avgAggregate, sumAggregate } from './sum-avg.js';

/**
 * sum and avg fed typed exact vecs (the workers' path) against the same aggregates fed
 * SqlValues (numeric text): equal results, also when a batch's per-group total passes
 * 2^53 (values near 2^53, or many large ones, as TPC-H Q1's sum_charge at scale 6).
 */
function run(
  typed: boolean,
  values: Float64Array,
  valid: Uint8Array | null,
  groups: Int32Array,
  scale: number,
) {
  const args = { argTypes: [Types.numeric(38, scale)], resultType: Types.numeric() };
  const aggs: GroupedAggregate[] = [sumAggregate(args), avgAggregate(args)];
  const groupCount = Math.max(...groups) + 1;
  for (const agg of aggs) {
    agg.grow(groupCount);
    if (typed) {
      const vec: Vec = { kind: 'exact', values, valid, scale };
      assert.equal(agg.updateVec?.(vec, null, groups, values.length), true);
    } else {
      const column = Array.from(values, (v, i) =>
        valid !== null && valid[i] !== 1 ? null : formatSmallDecimal(v, scale),
      );
      agg.update([column], null, groups, values.length);
    }
  }
  return aggs.map((a) => Array.from({ length: groupCount }, (_, g) => a.result(g)));
}

describe('sum and avg over typed exact vecs', () => {
  const n = 50_000;
  const groups = Int32Array.from({ length: n }, (_, i) => (i * 7) % 5);
  const cases: [string, (i: number) => number][] = [
    ['small values', (i) => (i % 1000) - 300],
    ['values near 2^53, both signs', (i) => (i % 3 === 0 ? -1 : 1) * (Number.MAX_SAFE_INTEGER - i)],
    ['totals past 2^53 from many large values', (i) => 5e11 + i * 977],
  ];
  for (const [name, f] of cases) {
    for (const withNulls of [false, true]) {
      it(`${name}${withNulls ? ', with nulls' : ''}`, () => {
        const values = Float64Array.from({ length: n }, (_, i) => f(i));
        const valid = withNulls
          ? Uint8Array.from({ length: n }, (_, i) => (i % 11 === 0 ? 0 : 1))
          : null;
        assert.deepEqual(run(true, values, valid, groups, 6), run(false, values, valid, groups, 6));
      });
    }
  }

  it('keeps exact totals of a batch past 2^53', () => {
    const values = Float64Array.from({ length: 4 }, () => Number.MAX_SAFE_INTEGER);
    const [sums] = run(true, values, null, Int32Array.of(0, 0, 0, 0), 0);
    assert.deepEqual(sums, [String(BigInt(Number.MAX_SAFE_INTEGER) * 4n)]);
  });
});

describe('sum and avg partial states', () => {
  // Group 0: small decimals; 1: a total past 2^53; 2: NaN among values; 3: no rows.
  const rows: [number, string | null][] = [
    [0, '1.25'],
    [0, '-0.5'],
    [1, '9007199254740993'],
    [1, '9007199254740993.10'],
    [2, '3'],
    [2, 'NaN'],
    [3, null],
    [0, '7'],
  ];
  const kinds = [
    { name: 'sum(numeric)', make: sumAggregate, arg: Types.numeric(), result: Types.numeric() },
    { name: 'avg(numeric)', make: avgAggregate, arg: Types.numeric(), result: Types.numeric() },
  ];

  function feed(agg: GroupedAggregate, part: readonly [number, string | null][]): void {
    agg.grow(4);
    const column = part.map(([, v]) => v);
    agg.update(
      [column],
      null,
      Int32Array.from(part, ([g]) => g),
      part.length,
    );
  }

  for (const kind of kinds) {
    it(`${kind.name}: merging the states of two halves equals aggregating all rows`, () => {
      const args = { argTypes: [kind.arg], resultType: kind.result };
      const whole = kind.make(args);
      feed(whole, rows);
      const merged = kind.make(args);
      merged.grow(4);
      for (const part of [rows.slice(0, 3), rows.slice(3)]) {
        const partial = kind.make(args);
        feed(partial, part);
        const state = partial.state(4);
        assert.equal(state.length, partial.stateTypes.length);
        merged.merge(state, Int32Array.of(0, 1, 2, 3), 4);
      }
      const results = (a: GroupedAggregate) => [0, 1, 2, 3].map((g) => a.result(g));
      assert.deepEqual(results(merged), results(whole));
      assert.equal(whole.result(3), null);
    });
  }
});
