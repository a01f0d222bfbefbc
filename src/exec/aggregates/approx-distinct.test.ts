import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { approxDistinctAggregate } from './approx-distinct.js';
import { identityGroups } from './grouped-aggregate.js';

function feed(values: SqlValue[], groupsOf: (i: number) => number, groupCount: number) {
  const agg = approxDistinctAggregate({ argTypes: [Types.int8], resultType: Types.int8 });
  agg.grow(groupCount);
  const groups = Int32Array.from(values, (_, i) => groupsOf(i));
  agg.update([values], null, groups, values.length);
  return agg;
}

describe('approx_distinct', () => {
  it('is exact for small sets and ignores NULLs and duplicates', () => {
    const values: SqlValue[] = [1n, 2n, 2n, null, 3n, 1n, 1000n];
    assert.equal(feed(values, () => 0, 1).result(0), 4n);
  });

  it('estimates large sets within a few percent, and partial states merge', () => {
    const n = 200_000;
    const values: SqlValue[] = Array.from({ length: n }, (_, i) => BigInt(i % 150_000));
    const whole = feed(values, () => 0, 1);
    const est = Number(whole.result(0));
    assert.ok(Math.abs(est - 150_000) / 150_000 < 0.05, `estimate ${est}`);
    // Two halves merged through their bytea states give the same estimate.
    const a = feed(values.slice(0, n / 2), () => 0, 1);
    const b = feed(values.slice(n / 2), () => 0, 1);
    const merged = approxDistinctAggregate({ argTypes: [Types.int8], resultType: Types.int8 });
    merged.grow(1);
    merged.merge(a.state(1), identityGroups(1), 1);
    merged.merge(b.state(1), identityGroups(1), 1);
    assert.equal(merged.result(0), whole.result(0));
  });
});
