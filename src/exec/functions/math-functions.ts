import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { numericFloorCeil, numericRound } from '../kernels/numeric-math.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';
import { scalarText } from '../kernels/scalar-text.js';

/** Mathematical functions of PostgreSQL docs §9.3 that the small engine offers. */
const { int2, int4, int8, float8, numeric } = { ...Types, numeric: Types.numeric() };

const absKernel: Kernel = (input) =>
  strict(([v]) => {
    if (typeof v === 'bigint') {
      if (v === -(2n ** 63n))
        throw new LakeError(SqlState.numericValueOutOfRange, 'bigint out of range');
      return v < 0n ? -v : v;
    }
    if (typeof v === 'string') return v.startsWith('-') ? v.slice(1) : v;
    const n = v as number;
    if (input.resultType.kind === 'int4' && n === -2147483648) {
      throw new LakeError(SqlState.numericValueOutOfRange, 'integer out of range');
    }
    return Math.abs(n);
  })(input);

/** Round half to even for float8 (rint), half away from zero for numeric. */
function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const roundKernel: Kernel = strict(([v, s]): SqlValue =>
  typeof v === 'number' ? rint(v) : numericRound(scalarText(v), s === undefined ? 0 : Number(s)),
);

function floorCeil(ceil: boolean): Kernel {
  return strict(([v]) =>
    typeof v === 'number'
      ? ceil
        ? Math.ceil(v)
        : Math.floor(v)
      : numericFloorCeil(scalarText(v), ceil),
  );
}

const floorCeilResolve = overloads(sig([numeric], numeric), sig([float8], float8));

export const mathFunctions: readonly ScalarFunction[] = [
  fn(
    'abs',
    overloads(
      sig([int2], int2),
      sig([int4], int4),
      sig([int8], int8),
      sig([numeric], numeric),
      sig([float8], float8),
    ),
    absKernel,
  ),
  fn(
    'round',
    overloads(sig([numeric], numeric), sig([float8], float8), sig([numeric, int4], numeric)),
    roundKernel,
  ),
  fn('floor', floorCeilResolve, floorCeil(false)),
  fn('ceil', floorCeilResolve, floorCeil(true)),
  fn('ceiling', floorCeilResolve, floorCeil(true)),
];
