import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { formatSmallDecimal } from '../../common/values/decimal-text.js';
import { type Vec, vecLength } from './vec.js';

/**
 * A vec as the engine's SqlValues (sql-value.ts) of `type`: what the generic kernels
 * and the operators above the scan read. Only the rows that survive filters get here.
 */
export function materializeVec(v: Vec, type: SqlType): SqlValue[] {
  const n = vecLength(v);
  if (v.kind === 'values') return v.values as SqlValue[];
  const out = new Array<SqlValue>(n);
  const valid = v.valid;
  switch (v.kind) {
    case 'exact': {
      const read = exactReader(type, v.scale);
      for (let i = 0; i < n; i++) out[i] = valid === null || valid[i] ? read(v.values[i]!) : null;
      return out;
    }
    case 'float':
      for (let i = 0; i < n; i++) out[i] = valid === null || valid[i] ? v.values[i]! : null;
      return out;
    case 'bool':
      for (let i = 0; i < n; i++) out[i] = valid === null || valid[i] ? v.values[i] === 1 : null;
      return out;
    case 'dict':
      for (let i = 0; i < n; i++)
        out[i] = valid === null || valid[i] ? (v.dictionary[v.indices[i]!] ?? null) : null;
      return out;
  }
}

/** One exact value as its type's SqlValue: numbers, bigints or numeric text. */
function exactReader(type: SqlType, scale: number): (x: number) => SqlValue {
  switch (type.kind) {
    case 'int8':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return (x) => BigInt(x);
    case 'numeric':
      return (x) => formatSmallDecimal(x, scale);
    default:
      return (x) => x;
  }
}
