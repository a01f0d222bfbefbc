import type { SqlValue } from '../../common/sql-value.js';
import { comparatorFor } from './compare-values.js';
import type { Kernel } from './kernel.js';

/** Comparison operators over two arguments of one (already coerced) type. */
function comparison(test: (c: number) => boolean): Kernel {
  // A two-column loop rather than strict(): no per-row argument array to destructure.
  return (input) => {
    const type = input.argTypes[0];
    const compare = type ? comparatorFor(type) : () => 0;
    const a = input.args[0] ?? [];
    const b = input.args[1] ?? [];
    const n = input.rowCount;
    const out = new Array<SqlValue>(n);
    for (let i = 0; i < n; i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      out[i] = x === null || y === null ? null : test(compare(x, y));
    }
    return out;
  };
}

/** IS [NOT] DISTINCT FROM: null-safe equality (never returns null). */
function distinct(negated: boolean): Kernel {
  return (input) => {
    const type = input.argTypes[0];
    const compare = type ? comparatorFor(type) : () => 0;
    const [a = [], b = []] = input.args;
    const out = new Array<SqlValue>(input.rowCount);
    for (let i = 0; i < input.rowCount; i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      const same = x === null || y === null ? x === y : compare(x, y) === 0;
      out[i] = negated ? same : !same;
    }
    return out;
  };
}

/** GREATEST / LEAST: nulls are ignored; null only when every argument is null. */
function extreme(sign: 1 | -1): Kernel {
  return (input) => {
    const type = input.argTypes[0];
    const compare = type ? comparatorFor(type) : () => 0;
    const out = new Array<SqlValue>(input.rowCount).fill(null);
    for (const col of input.args) {
      for (let i = 0; i < input.rowCount; i++) {
        const v = col[i] ?? null;
        const cur = out[i] ?? null;
        if (v !== null && (cur === null || sign * compare(v, cur) > 0)) out[i] = v;
      }
    }
    return out;
  };
}

export const comparisonKernels: Record<string, Kernel> = {
  '=': comparison((c) => c === 0),
  '<>': comparison((c) => c !== 0),
  '<': comparison((c) => c < 0),
  '<=': comparison((c) => c <= 0),
  '>': comparison((c) => c > 0),
  '>=': comparison((c) => c >= 0),
  'is distinct from': distinct(false),
  'is not distinct from': distinct(true),
  greatest: extreme(1),
  least: extreme(-1),
};
