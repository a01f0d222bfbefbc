import { scratchF64, scratchU8 } from './batch-scratch.js';
import type { SqlType } from '../../common/sql-types.js';
import { knownBound, withBound } from './exact-bound.js';
import { bothValid, NotVectorizable, POW10, SAFE, scalarOf, type Vec, type VecOf } from './vec.js';

/**
 * Typed comparison and arithmetic. They never raise SQL errors: whatever the exact
 * integer path cannot decide (a result past 2^53, an int4 overflow, NaN, a division)
 * throws NotVectorizable and the generic kernels redo the expression, exactly.
 */

/** The integer range of an integer result type (others: the exact double range). */
function rangeOf(type: SqlType): number {
  switch (type.kind) {
    case 'int2':
      return 32767;
    case 'int4':
      return 2147483647;
    default:
      return SAFE;
  }
}

/** Both sides as exact vecs at one scale (the larger): numeric comparison and + / -. */
export function aligned(
  a: Vec,
  b: Vec,
): [Float64Array, Float64Array, number, Uint8Array | null] | null {
  if (a.kind !== 'exact' || b.kind !== 'exact') return null;
  const scale = Math.max(a.scale, b.scale);
  return [rescaleUp(a, scale), rescaleUp(b, scale), scale, bothValid(a.valid, b.valid)];
}

function rescaleUp(v: VecOf<'exact'>, scale: number): Float64Array {
  if (v.scale === scale) return v.values;
  const f = POW10[scale - v.scale];
  if (f === undefined) throw new NotVectorizable();
  const out = scratchF64(v.values.length);
  for (let i = 0; i < out.length; i++) {
    const x = v.values[i]! * f;
    if (x > SAFE || x < -SAFE) throw new NotVectorizable();
    out[i] = x;
  }
  return out;
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

const COMPARE_OPS = new Set<string>(['=', '<>', '<', '<=', '>', '>=']);
export const isCompareOp = (fn: string): fn is CompareOp => COMPARE_OPS.has(fn);

/** a op b over two exact, two float or two bool vecs of one SQL type. */
export function compareVecs(op: CompareOp, a: Vec, b: Vec): Vec {
  let x: Float64Array | Uint8Array;
  let y: Float64Array | Uint8Array;
  let valid: Uint8Array | null;
  const exact = aligned(a, b);
  if (exact !== null) [x, y, , valid] = exact;
  else if (a.kind === 'float' && b.kind === 'float') {
    // PostgreSQL orders NaN above everything and equal to itself; leave that to the generic path.
    if (hasNaN(a.values) || hasNaN(b.values)) throw new NotVectorizable();
    [x, y, valid] = [a.values, b.values, bothValid(a.valid, b.valid)];
  } else if (a.kind === 'bool' && b.kind === 'bool') {
    [x, y, valid] = [a.values, b.values, bothValid(a.valid, b.valid)];
  } else throw new NotVectorizable();
  const n = x.length;
  const out = scratchU8(n);
  switch (op) {
    case '=':
      for (let i = 0; i < n; i++) out[i] = x[i] === y[i] ? 1 : 0;
      break;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = x[i] !== y[i] ? 1 : 0;
      break;
    case '<':
      for (let i = 0; i < n; i++) out[i] = x[i]! < y[i]! ? 1 : 0;
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = x[i]! <= y[i]! ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = x[i]! > y[i]! ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = x[i]! >= y[i]! ? 1 : 0;
      break;
  }
  return { kind: 'bool', values: out, valid };
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

export type ArithOp = '+' | '-' | '*';

/** a op b at `type` (the binder made both sides that type). */
export function arithmeticVecs(op: ArithOp, a: Vec, b: Vec, type: SqlType): Vec {
  if (a.kind === 'float' && b.kind === 'float' && type.kind === 'float8')
    return floatArithmetic(op, a, b);
  if (a.kind !== 'exact' || b.kind !== 'exact') throw new NotVectorizable();
  const limit = rangeOf(type);
  // A constant side (`1 - l_discount`) is read as a scalar: no repeated array to scale or load.
  const sa = scalarOf(a);
  const sb = scalarOf(b);
  if (sb !== null) return withScalar(op, a, sb, b.scale, limit, false);
  if (sa !== null && op !== '-') return withScalar(op, b, sa, a.scale, limit, false);
  if (sa !== null) return withScalar(op, b, sa, a.scale, limit, true);
  if (op === '*') {
    // numeric_mul keeps every digit: the product's scale is the sum of the scales.
    const out = scratchF64(a.values.length);
    const x = a.values;
    const y = b.values;
    for (let i = 0; i < out.length; i++) {
      const p = x[i]! * y[i]!;
      // A true product past the limit rounds to at least the limit, so this test is exact.
      if (p > limit || p < -limit) throw new NotVectorizable();
      out[i] = p + 0;
    }
    return {
      kind: 'exact',
      values: boundFrom(out, a, b, (ba, bb) => ba * bb),
      valid: bothValid(a.valid, b.valid),
      scale: a.scale + b.scale,
    };
  }
  const [x, y, scale, valid] = aligned(a, b)!;
  const out = scratchF64(x.length);
  const sign = op === '+' ? 1 : -1;
  for (let i = 0; i < out.length; i++) {
    const s = x[i]! + sign * y[i]!;
    if (s > limit || s < -limit) throw new NotVectorizable();
    out[i] = s + 0;
  }
  const at = (v: VecOf<'exact'>, bound: number): number => bound * POW10[scale - v.scale]!;
  const values = boundFrom(out, a, b, (ba, bb) => at(a, ba) + at(b, bb));
  return { kind: 'exact', values, valid, scale };
}

/**
 * Records the bound of a result computed from its operands' known bounds (exact-bound.ts),
 * so a sum over it needs no pass of its own to find its largest value.
 */
function boundFrom(
  out: Float64Array,
  a: VecOf<'exact'>,
  b: VecOf<'exact'>,
  combine: (ba: number, bb: number) => number,
): Float64Array {
  const ba = knownBound(a.values);
  const bb = knownBound(b.values);
  return ba === undefined || bb === undefined ? out : withBound(out, combine(ba, bb));
}

/** v op c (or c - v when `flip`), c an exact scalar at scale cs. */
function withScalar(
  op: ArithOp,
  v: VecOf<'exact'>,
  c: number,
  cs: number,
  limit: number,
  flip: boolean,
): Vec {
  const x = v.values;
  const out = scratchF64(x.length);
  if (op === '*') {
    for (let i = 0; i < out.length; i++) {
      const p = x[i]! * c;
      if (p > limit || p < -limit) throw new NotVectorizable();
      out[i] = p + 0;
    }
    const bound = knownBound(x);
    if (bound !== undefined) withBound(out, bound * Math.abs(c));
    return { kind: 'exact', values: out, valid: v.valid, scale: v.scale + cs };
  }
  const scale = Math.max(v.scale, cs);
  const xs = rescaleUp(v, scale);
  const k = c * (POW10[scale - cs] ?? NaN);
  if (!(k <= SAFE && k >= -SAFE)) throw new NotVectorizable();
  // x + k, x - k, or k - x: one sign for each side.
  const sx = flip ? -1 : 1;
  const sk = op === '+' || flip ? k : -k;
  for (let i = 0; i < out.length; i++) {
    const s = sx * xs[i]! + sk;
    if (s > limit || s < -limit) throw new NotVectorizable();
    out[i] = s + 0;
  }
  const bound = knownBound(x);
  if (bound !== undefined) withBound(out, bound * POW10[scale - v.scale]! + Math.abs(k));
  return { kind: 'exact', values: out, valid: v.valid, scale };
}

function floatArithmetic(op: ArithOp, a: VecOf<'float'>, b: VecOf<'float'>): Vec {
  const x = a.values;
  const y = b.values;
  const out = scratchF64(x.length);
  for (let i = 0; i < out.length; i++) {
    const r = op === '+' ? x[i]! + y[i]! : op === '-' ? x[i]! - y[i]! : x[i]! * y[i]!;
    // float8 overflow is error 22003 for PostgreSQL: the generic kernel raises it.
    if (r - r !== 0 && x[i]! - x[i]! === 0 && y[i]! - y[i]! === 0) throw new NotVectorizable();
    out[i] = r;
  }
  return { kind: 'float', values: out, valid: bothValid(a.valid, b.valid) };
}

/** Unary minus. */
export function negateVec(a: Vec, type: SqlType): Vec {
  if (a.kind === 'float') return { ...a, values: a.values.map((x) => -x) };
  if (a.kind !== 'exact') throw new NotVectorizable();
  const limit = rangeOf(type);
  const out = scratchF64(a.values.length);
  for (let i = 0; i < out.length; i++) {
    const v = -a.values[i]!;
    if (v > limit) throw new NotVectorizable(); // -(-2^31) overflows int4
    out[i] = v + 0;
  }
  return { ...a, values: out };
}
