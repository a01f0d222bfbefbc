import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { growArray } from './grouped-aggregate.js';

const overflow = (): LakeError =>
  new LakeError(SqlState.numericValueOutOfRange, 'value out of range: overflow');

/**
 * N, Sx and Sxx per group for avg/variance/stddev over floats, updated exactly as
 * PostgreSQL's float8_accum and float8_combine do (the Youngs-Cramer algorithm,
 * float.c), so results agree with PostgreSQL to the last bit.
 */
export class FloatMoments {
  readonly n: number[] = [];
  readonly sx: number[] = [];
  readonly sxx: number[] = [];

  grow(count: number): void {
    growArray(this.n, count, 0);
    growArray(this.sx, count, 0);
    growArray(this.sxx, count, 0);
  }

  add(g: number, x: number): void {
    const n0 = this.n[g] as number;
    const sx0 = this.sx[g] as number;
    const n = n0 + 1;
    const sx = sx0 + x;
    let sxx = this.sxx[g] as number;
    if (n0 > 0) {
      const tmp = x * n - sx;
      sxx += (tmp * tmp) / (n * n0);
      if (!Number.isFinite(sx) || !Number.isFinite(sxx)) {
        if (Number.isFinite(sx0) && Number.isFinite(x)) throw overflow();
        sxx = NaN;
      }
    } else if (!Number.isFinite(x)) {
      // An infinite or NaN first input makes Sxx NaN (float8_accum).
      sxx = NaN;
    }
    this.n[g] = n;
    this.sx[g] = sx;
    this.sxx[g] = sxx;
  }

  combine(g: number, n2: number, sx2: number, sxx2: number): void {
    const n1 = this.n[g] as number;
    if (n2 === 0) return;
    if (n1 === 0) {
      this.n[g] = n2;
      this.sx[g] = sx2;
      this.sxx[g] = sxx2;
      return;
    }
    const sx1 = this.sx[g] as number;
    const n = n1 + n2;
    const sx = sx1 + sx2;
    if (!Number.isFinite(sx) && Number.isFinite(sx1) && Number.isFinite(sx2)) throw overflow();
    const tmp = sx1 / n1 - sx2 / n2;
    const sxx = (this.sxx[g] as number) + sxx2 + (n1 * n2 * tmp * tmp) / n;
    this.n[g] = n;
    this.sx[g] = sx;
    this.sxx[g] = sxx;
  }

  avg(g: number): number | null {
    const n = this.n[g] as number;
    return n === 0 ? null : (this.sx[g] as number) / n;
  }

  /** var_samp (sample) or var_pop: NULL below 2 (or 1) rows, as float8_var_samp/_pop. */
  variance(g: number, sample: boolean): number | null {
    const n = this.n[g] as number;
    if (n === 0 || (sample && n === 1)) return null;
    return (this.sxx[g] as number) / (sample ? n - 1 : n);
  }
}
