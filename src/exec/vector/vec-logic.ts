import { NotVectorizable, isValidAt, vecLength, type Vec, type VecOf } from './vec.js';

/** Boolean connectives with three-valued logic (PostgreSQL docs §9.1) over typed booleans. */

/** A boolean vec from a typed one or from generic results (true/false/null values). */
export function asBool(v: Vec): VecOf<'bool'> {
  if (v.kind === 'bool') return v;
  if (v.kind !== 'values') throw new NotVectorizable();
  const n = v.values.length;
  const values = new Uint8Array(n);
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = v.values[i];
    values[i] = x === true ? 1 : 0;
    valid[i] = x === null || x === undefined ? 0 : 1;
  }
  return { kind: 'bool', values, valid };
}

/**
 * AND (isOr false) or OR of two booleans: a decisive side (false for AND, true for OR)
 * wins over NULL; otherwise NULL when either side is.
 */
export function connect(a: VecOf<'bool'>, b: VecOf<'bool'>, isOr: boolean): VecOf<'bool'> {
  const n = a.values.length;
  const values = new Uint8Array(n);
  if (a.valid === null && b.valid === null) {
    for (let i = 0; i < n; i++)
      values[i] = isOr ? a.values[i]! | b.values[i]! : a.values[i]! & b.values[i]!;
    return { kind: 'bool', values, valid: null };
  }
  const valid = new Uint8Array(n);
  const decisive = isOr ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const av = a.valid === null ? 1 : a.valid[i]!;
    const bv = b.valid === null ? 1 : b.valid[i]!;
    const x = a.values[i]!;
    const y = b.values[i]!;
    if ((av && x === decisive) || (bv && y === decisive)) {
      values[i] = decisive;
      valid[i] = 1;
    } else {
      values[i] = 1 - decisive;
      valid[i] = av & bv;
    }
  }
  return { kind: 'bool', values, valid };
}

export function notVec(a: VecOf<'bool'>): VecOf<'bool'> {
  return { kind: 'bool', values: a.values.map((x) => 1 - x), valid: a.valid };
}

/** IS NULL (wantNull) or IS NOT NULL: never NULL itself. */
export function nullTest(a: Vec, wantNull: boolean): VecOf<'bool'> {
  const n = vecLength(a);
  const values = new Uint8Array(n);
  for (let i = 0; i < n; i++) values[i] = isValidAt(a, i) === wantNull ? 0 : 1;
  return { kind: 'bool', values, valid: null };
}
