import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from '../../common/sql-types.js';
import { arithmeticVecs, type ArithOp } from './vec-arithmetic.js';
import { NotVectorizable, repeated, type Vec } from './vec.js';

/**
 * A constant side (a repeated vec) is read as a scalar; the results must equal those of
 * the same constant spelled out row by row, on either side, for every operator.
 */
const x: Vec = {
  kind: 'exact',
  values: Float64Array.from([0, 5, -7, 123, 4]),
  valid: Uint8Array.from([1, 1, 0, 1, 1]),
  scale: 2,
};
const spelled = (c: number, scale: number): Vec => ({
  kind: 'exact',
  values: new Float64Array(5).fill(c),
  valid: null,
  scale,
});

describe('typed arithmetic with a constant side', () => {
  for (const op of ['+', '-', '*'] as ArithOp[]) {
    for (const [c, scale] of [
      [1, 0],
      [15, 1],
      [-3, 4],
    ] as const) {
      it(`x ${op} ${c}e-${scale} and ${c}e-${scale} ${op} x`, () => {
        const type = Types.numeric();
        const k = repeated(spelled(c, scale));
        assert.deepEqual(
          arithmeticVecs(op, x, k, type),
          arithmeticVecs(op, x, spelled(c, scale), type),
        );
        assert.deepEqual(
          arithmeticVecs(op, k, x, type),
          arithmeticVecs(op, spelled(c, scale), x, type),
        );
      });
    }
  }

  it('leaves results past 2^53 to the exact generic kernels', () => {
    const big = repeated(spelled(2 ** 50, 0));
    assert.throws(() => arithmeticVecs('*', x, big, Types.numeric()), NotVectorizable);
    assert.throws(
      () => arithmeticVecs('+', x, repeated(spelled(2 ** 53, 0)), Types.numeric()),
      NotVectorizable,
    );
  });
});
