import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { readSmallDecimal, smallDecimal } from '../../common/values/decimal-text.js';
import type { Vec } from './vec.js';

/**
 * SqlValues of `type` in typed form where every value fits it (constants, and the
 * per-dictionary-entry results of generic functions), else as they are.
 */
export function vecFromValues(values: readonly SqlValue[], type: SqlType): Vec {
  const n = values.length;
  const valid = new Uint8Array(n);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const isNull = values[i] === null || values[i] === undefined;
    valid[i] = isNull ? 0 : 1;
    nulls += isNull ? 1 : 0;
  }
  const validity = nulls === 0 ? null : valid;
  const asIs: Vec = { kind: 'values', values };
  switch (type.kind) {
    case 'bool': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = values[i] === true ? 1 : 0;
      return { kind: 'bool', values: out, valid: validity };
    }
    case 'float4':
    case 'float8': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = (values[i] as number | null) ?? 0;
      return { kind: 'float', values: out, valid: validity };
    }
    case 'int2':
    case 'int4':
    case 'int8':
    case 'date':
    case 'time':
    case 'timestamp':
    case 'timestamptz': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? 0;
        const x = Number(v);
        if (!Number.isSafeInteger(x)) return asIs; // ±Infinity dates, wide int8s
        out[i] = x;
      }
      return { kind: 'exact', values: out, valid: validity, scale: 0 };
    }
    case 'numeric':
      return numericVec(values, validity) ?? asIs;
    default:
      return asIs;
  }
}

/**
 * numeric text in typed form when every value is short enough for a double and all
 * share one scale: a numeric value carries its own display scale, so values of
 * differing scales stay text.
 */
function numericVec(values: readonly SqlValue[], valid: Uint8Array | null): Vec | null {
  const units = new Float64Array(values.length);
  let scale = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' || !readSmallDecimal(v)) return null;
    if (scale >= 0 && smallDecimal.scale !== scale) return null;
    scale = smallDecimal.scale;
    units[i] = smallDecimal.unscaled;
  }
  return { kind: 'exact', values: units, valid, scale: Math.max(scale, 0) };
}
