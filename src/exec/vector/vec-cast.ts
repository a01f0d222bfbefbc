import type { SqlType } from '../../common/sql-types.js';
import { NotVectorizable, POW10, SAFE, type Vec, type VecOf } from './vec.js';

const INT_KINDS = new Set(['int2', 'int4', 'int8']);
const EXACT_KINDS = new Set(['int2', 'int4', 'int8', 'numeric']);
const MICROS_PER_DAY = 86_400_000_000;

/**
 * The casts the scan side meets between numeric types (the binder's implicit
 * widening: int → numeric → float8, numeric(p,s) typmods) and date → timestamp, in
 * typed form. Out-of-range results throw NotVectorizable so the generic cast raises
 * PostgreSQL's 22003; other casts are not typed (null).
 */
export function castVec(v: Vec, from: SqlType, to: SqlType): Vec | null {
  if (
    v.kind === 'float' &&
    (from.kind === 'float4' || from.kind === 'float8') &&
    to.kind === 'float8'
  )
    return v;
  if (v.kind !== 'exact') return null;
  if (EXACT_KINDS.has(from.kind)) {
    if (to.kind === 'float8') return toFloat(v);
    if (INT_KINDS.has(to.kind))
      return withinRange(
        atScale(v, 0),
        to.kind === 'int2' ? 32767 : to.kind === 'int4' ? 2147483647 : SAFE,
      );
    if (to.kind === 'numeric') {
      if (to.scale === null) return v;
      const out = atScale(v, to.scale);
      return to.precision === null ? out : withinRange(out, POW10[to.precision] ?? Infinity, true);
    }
    return null;
  }
  if (from.kind === 'date' && to.kind === 'timestamp') {
    const out = new Float64Array(v.values.length);
    for (let i = 0; i < out.length; i++) {
      const x = v.values[i]! * MICROS_PER_DAY;
      if (x > SAFE || x < -SAFE) throw new NotVectorizable();
      out[i] = x;
    }
    return { ...v, values: out };
  }
  return null;
}

/** numeric → float8 as float8(text) does: u / 10^s is the correctly rounded quotient. */
function toFloat(v: VecOf<'exact'>): Vec {
  const f = POW10[v.scale];
  if (f === undefined) throw new NotVectorizable();
  const values = v.scale === 0 ? v.values : v.values.map((x) => x / f);
  return { kind: 'float', values, valid: v.valid };
}

/**
 * v at `scale`: more digits exactly, fewer rounded half away from zero (numeric's
 * round_var, and numeric → integer casts).
 */
function atScale(v: VecOf<'exact'>, scale: number): VecOf<'exact'> {
  if (scale === v.scale) return v;
  const out = new Float64Array(v.values.length);
  if (scale > v.scale) {
    const f = POW10[scale - v.scale];
    if (f === undefined) throw new NotVectorizable();
    for (let i = 0; i < out.length; i++) {
      const x = v.values[i]! * f;
      if (x > SAFE || x < -SAFE) throw new NotVectorizable();
      out[i] = x;
    }
  } else {
    const f = POW10[v.scale - scale];
    if (f === undefined) throw new NotVectorizable();
    for (let i = 0; i < out.length; i++) {
      const x = v.values[i]!;
      const r = x % f; // exact: both are integers below 2^53
      let q = (x - r) / f;
      if (2 * Math.abs(r) >= f) q += x < 0 ? -1 : 1;
      out[i] = q + 0;
    }
  }
  return { ...v, values: out, scale };
}

/** v unchanged when every valid value is within ±limit (below it when `strict`). */
function withinRange(v: VecOf<'exact'>, limit: number, strict = false): VecOf<'exact'> {
  for (let i = 0; i < v.values.length; i++) {
    if (v.valid !== null && v.valid[i] === 0) continue;
    const a = Math.abs(v.values[i]!);
    if (a > limit || (strict && a === limit)) throw new NotVectorizable();
  }
  return v;
}
