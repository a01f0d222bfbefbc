import type { SqlValue } from '../../common/sql-value.js';
import { Types } from '../../common/sql-types.js';
import type { Kernel } from '../kernels/kernel.js';
import { arr, arrayResolve, elementComparator, same } from './array-functions.js';
import { fn, type ScalarFunction } from './scalar-function.js';

/**
 * array_positions and array_replace (PostgreSQL docs §9.19). Both compare with IS NOT
 * DISTINCT FROM, so a NULL element finds and replaces NULLs; a NULL array gives NULL.
 */

/** A kernel over (array, value[, value]) rows: NULL array → NULL, else `each`. */
function overArrays(
  each: (
    xs: readonly SqlValue[],
    eq: (x: SqlValue, v: SqlValue) => boolean,
    row: number,
  ) => SqlValue,
): Kernel {
  return (input) => {
    const cmp = elementComparator(input.argTypes[0]);
    const eq = (x: SqlValue, v: SqlValue): boolean =>
      x === null ? v === null : v !== null && cmp(x, v) === 0;
    const as = input.args[0] ?? [];
    const out = new Array<SqlValue>(input.rowCount);
    for (let r = 0; r < input.rowCount; r++) {
      const a = as[r] ?? null;
      out[r] = a === null ? null : each(arr(a), eq, r);
    }
    return out;
  };
}

const arrayPositions: Kernel = (input) =>
  overArrays((xs, eq, r) => {
    const v = input.args[1]?.[r] ?? null;
    const hits: number[] = [];
    for (let i = 0; i < xs.length; i++) if (eq(xs[i] ?? null, v)) hits.push(i + 1);
    return hits;
  })(input);

const arrayReplace: Kernel = (input) =>
  overArrays((xs, eq, r) => {
    const from = input.args[1]?.[r] ?? null;
    const to = input.args[2]?.[r] ?? null;
    return xs.map((x) => (eq(x, from) ? to : x));
  })(input);

export const arrayMoreFunctions: readonly ScalarFunction[] = [
  fn(
    'array_positions',
    arrayResolve(
      (e) => [e],
      () => Types.array(Types.int4),
    ),
    arrayPositions,
  ),
  fn(
    'array_replace',
    arrayResolve((e) => [e, e], same),
    arrayReplace,
  ),
];
