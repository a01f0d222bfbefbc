import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { canCoerceImplicitly } from '../../common/type-coercion.js';
import { arithmeticKernel } from '../kernels/arithmetic.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { numericFloorCeil, numericRound } from '../kernels/numeric-math.js';
import {
  numericExp,
  numericLn,
  numericLog,
  numericPower,
  numericSqrt,
} from '../kernels/numeric-transcendental.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Mathematical functions of PostgreSQL docs §9.3, plus Spark's pow, log2, ln-style
 * aliases. Functions with numeric and double precision variants resolve as PostgreSQL's
 * rules end up choosing: numeric when an argument is numeric and none is a float,
 * otherwise double precision (the preferred type for integers and unknown literals).
 */
const { int2, int4, int8, float8 } = Types;
const numeric = Types.numeric();
const text = (v: SqlValue | undefined): string => scalarText(v);

function numericOrFloat(arity: number, extra: readonly SqlType[] = []) {
  return (argTypes: readonly SqlType[]): Signature | null => {
    if (argTypes.length !== arity + extra.length) return null;
    const main = argTypes.slice(0, arity);
    if (!extra.every((t, i) => canCoerceImplicitly(argTypes[arity + i] ?? t, t))) return null;
    if (!main.every((t) => canCoerceImplicitly(t, float8))) return null;
    const useNumeric =
      main.some((t) => t.kind === 'numeric') && main.every((t) => canCoerceImplicitly(t, numeric));
    const t = useNumeric ? numeric : float8;
    return sig([...main.map(() => t), ...extra], t);
  };
}

const complexResult = (): LakeError =>
  new LakeError('2201F', 'a negative number raised to a non-integer power yields a complex result');

function checkFloat(v: number, ...inputs: number[]): number {
  if (!Number.isFinite(v) && inputs.every(Number.isFinite)) {
    throw new LakeError(SqlState.numericValueOutOfRange, 'value out of range: overflow');
  }
  if (v === 0 && inputs.every((x) => x !== 0 && Number.isFinite(x)) && inputs.length === 1) {
    // exp(-1000) underflows to zero in C with ERANGE: PostgreSQL reports it.
    throw new LakeError(SqlState.numericValueOutOfRange, 'value out of range: underflow');
  }
  return v;
}

function floatLn(x: number): number {
  if (x === 0) throw new LakeError('2201E', 'cannot take logarithm of zero');
  if (x < 0) throw new LakeError('2201E', 'cannot take logarithm of a negative number');
  return Math.log(x);
}

function floatPower(b: number, e: number): number {
  if (b === 0 && e < 0)
    throw new LakeError('2201F', 'zero raised to a negative power is undefined');
  if (b < 0 && !Number.isInteger(e) && Number.isFinite(e)) throw complexResult();
  const r = Math.pow(b, e);
  return Number.isFinite(b) && Number.isFinite(e) && !Number.isFinite(r) ? checkFloat(r, b, e) : r;
}

/** A function over float8 and numeric: `f` for floats, `n` for numeric decimal text. */
function dual(f: (...xs: number[]) => number, n: (...xs: string[]) => string): Kernel {
  return strict((vs) =>
    typeof vs[0] === 'number' ? f(...(vs as number[])) : n(...vs.map((v) => text(v))),
  );
}

/** Round half to even for float8 (rint), half away from zero for numeric. */
function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function numericTrunc(a: string, scale: number): string {
  const neg = a.startsWith('-');
  const t =
    scale >= 0
      ? numericRoundDown(a.replace('-', ''), scale)
      : numericRoundDown(a.replace('-', ''), scale);
  return neg && /[1-9]/.test(t) ? `-${t}` : t;
}

/** Truncates a non-negative decimal text to `scale` digits (negative: left of the point). */
function numericRoundDown(a: string, scale: number): string {
  const [int = '0', frac = ''] = a.split('.');
  if (scale >= 0) {
    const f = frac.padEnd(scale, '0').slice(0, scale);
    return scale === 0 ? int : `${int}.${f}`;
  }
  const keep = int.length + scale;
  return keep <= 0 ? '0' : int.slice(0, keep) + '0'.repeat(-scale);
}

const absKernel: Kernel = (input) =>
  strict(([v]) => {
    if (typeof v === 'bigint') {
      if (v === -(2n ** 63n))
        throw new LakeError(SqlState.numericValueOutOfRange, 'bigint out of range');
      return v < 0n ? -v : v;
    }
    if (typeof v === 'string') return v.startsWith('-') ? v.slice(1) : v;
    const n = v as number;
    const kind = input.resultType.kind;
    if ((kind === 'int4' && n === -2147483648) || (kind === 'int2' && n === -32768)) {
      throw new LakeError(
        SqlState.numericValueOutOfRange,
        `${kind === 'int4' ? 'integer' : 'smallint'} out of range`,
      );
    }
    return Math.abs(n);
  })(input);

const signKernel = dual(
  (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  (a) => (/^-/.test(a) && /[1-9]/.test(a) ? '-1' : /[1-9]/.test(a) ? '1' : '0'),
);

/** width_bucket(x, lo, hi, count): PostgreSQL's equal-width histogram bucket. */
const widthBucket: Kernel = strict(([x, lo, hi, n]) => {
  const [v, a, b] = [Number(x), Number(lo), Number(hi)];
  const count = Number(n);
  if (count <= 0) throw new LakeError('2201G', 'count must be greater than zero');
  if (a === b) throw new LakeError('2201G', 'lower bound cannot equal upper bound');
  if (a < b) {
    if (v < a) return 0;
    if (v >= b) return count + 1;
    return Math.floor((count * (v - a)) / (b - a)) + 1;
  }
  if (v > a) return 0;
  if (v <= b) return count + 1;
  return Math.floor((count * (a - v)) / (a - b)) + 1;
});

const modResolve = overloads(
  sig([int2, int2], int2),
  sig([int4, int4], int4),
  sig([int8, int8], int8),
  sig([numeric, numeric], numeric),
);

const f1 = (name: string, f: (x: number) => number): ScalarFunction =>
  fn(
    name,
    overloads(sig([float8], float8)),
    strict(([x]) => f(x as number)),
  );

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
    (args) =>
      args.length === 2 ? overloads(sig([numeric, int4], numeric))(args) : numericOrFloat(1)(args),
    strict(([v, s]): SqlValue =>
      typeof v === 'number' ? rint(v) : numericRound(text(v), s === undefined ? 0 : Number(s)),
    ),
  ),
  fn(
    'trunc',
    (args) =>
      args.length === 2 ? overloads(sig([numeric, int4], numeric))(args) : numericOrFloat(1)(args),
    strict(([v, s]): SqlValue =>
      typeof v === 'number'
        ? Math.trunc(v)
        : numericTrunc(text(v), s === undefined ? 0 : Number(s)),
    ),
  ),
  fn(
    'floor',
    numericOrFloat(1),
    dual(Math.floor, (a) => numericFloorCeil(a, false)),
  ),
  fn(
    'ceil',
    numericOrFloat(1),
    dual(Math.ceil, (a) => numericFloorCeil(a, true)),
  ),
  fn(
    'ceiling',
    numericOrFloat(1),
    dual(Math.ceil, (a) => numericFloorCeil(a, true)),
  ),
  fn('sign', numericOrFloat(1), signKernel),
  fn(
    'sqrt',
    numericOrFloat(1),
    dual((x) => {
      if (x < 0) throw new LakeError('2201F', 'cannot take square root of a negative number');
      return Math.sqrt(x);
    }, numericSqrt),
  ),
  f1('cbrt', Math.cbrt),
  fn(
    'exp',
    numericOrFloat(1),
    dual((x) => checkFloat(Math.exp(x), x), numericExp),
  ),
  fn('ln', numericOrFloat(1), dual(floatLn, numericLn)),
  fn(
    'log10',
    numericOrFloat(1),
    dual(
      (x) => floatLn(x) && Math.log10(x),
      (a) => numericLog('10', a),
    ),
  ),
  fn(
    'log',
    (args) =>
      args.length === 2
        ? overloads(sig([numeric, numeric], numeric))(args)
        : numericOrFloat(1)(args),
    (input) =>
      input.args.length === 2
        ? strict(([b, x]) => numericLog(text(b), text(x)))(input)
        : dual(
            (x) => floatLn(x) && Math.log10(x),
            (a) => numericLog('10', a),
          )(input),
  ),
  f1('log2', (x) => floatLn(x) && Math.log2(x)),
  fn('power', numericOrFloat(2), dual(floatPower, numericPower)),
  fn('pow', numericOrFloat(2), dual(floatPower, numericPower)),
  fn('^', numericOrFloat(2), dual(floatPower, numericPower)),
  fn('mod', modResolve, arithmeticKernel('%')),
  fn('pi', overloads(sig([], float8)), (input) =>
    new Array<SqlValue>(input.rowCount).fill(Math.PI),
  ),
  // random() is volatile: one value per row.
  fn('random', overloads(sig([], float8)), (input) =>
    Array.from({ length: input.rowCount }, Math.random),
  ),
  fn('rand', overloads(sig([], float8)), (input) =>
    Array.from({ length: input.rowCount }, Math.random),
  ),
  f1('degrees', (x) => (x * 180) / Math.PI),
  f1('radians', (x) => (x * Math.PI) / 180),
  f1('sin', Math.sin),
  f1('cos', Math.cos),
  f1('tan', Math.tan),
  f1('asin', Math.asin),
  f1('acos', Math.acos),
  f1('atan', Math.atan),
  fn(
    'atan2',
    overloads(sig([float8, float8], float8)),
    strict(([y, x]) => Math.atan2(y as number, x as number)),
  ),
  fn(
    'width_bucket',
    overloads(
      sig([float8, float8, float8, int4], int4),
      sig([numeric, numeric, numeric, int4], int4),
    ),
    widthBucket,
  ),
];
