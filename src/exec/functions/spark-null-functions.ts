import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { commonType } from '../../common/type-coercion.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Names users paste from Spark, Hive, Athena and Trino (Spark SQL built-in functions):
 * nvl / ifnull (COALESCE of two), nvl2, if(cond, a, b), unhex, levenshtein and Trino's
 * levenshtein_distance. These kernels see every argument already evaluated, so unlike
 * Spark's, `if(x = 0, 0, 1 / x)` still divides by zero; the binder may rewrite them to
 * CASE/COALESCE to evaluate lazily.
 */
const { text: T, int4: I, bool: B, bytea: BY } = Types;

/** Arguments from `first` on unified to one type; those before keep theirs (unknown: text). */
function unifiedFrom(count: number, first: number, fixed?: SqlType) {
  return (argTypes: readonly SqlType[]): Signature | null => {
    if (argTypes.length !== count) return null;
    const t = commonType(argTypes.slice(first));
    if (t === null) return null;
    const head = argTypes.slice(0, first).map((a) => fixed ?? (a.kind === 'unknown' ? T : a));
    if (fixed && argTypes.slice(0, first).some((a) => !['bool', 'unknown'].includes(a.kind))) {
      return null;
    }
    return { args: [...head, ...argTypes.slice(first).map(() => t)], returns: t };
  };
}

/** Row by row over already-evaluated columns: pick(row) names the column to take. */
function choose(pick: (cols: readonly (readonly SqlValue[])[], row: number) => number): Kernel {
  return (input) => {
    const out = new Array<SqlValue>(input.rowCount);
    for (let r = 0; r < input.rowCount; r++) {
      out[r] = input.args[pick(input.args, r)]?.[r] ?? null;
    }
    return out;
  };
}

const nvl = choose((cols, r) => ((cols[0]?.[r] ?? null) === null ? 1 : 0));
const nvl2 = choose((cols, r) => ((cols[0]?.[r] ?? null) === null ? 2 : 1));
const ifKernel = choose((cols, r) => (cols[0]?.[r] === true ? 1 : 2));

/** unhex(hex): Spark; an odd length takes a leading 0, a non-hex digit gives NULL. */
function unhex(s: string): Uint8Array | null {
  const even = s.length % 2 === 1 ? `0${s}` : s;
  if (!/^[0-9a-fA-F]*$/.test(even)) return null;
  return Uint8Array.from(Buffer.from(even, 'hex'));
}

/** Levenshtein distance over code points, one row of the table at a time. */
function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** levenshtein(a, b [, threshold]): Spark 3.5 returns -1 past the threshold. */
const levenshteinKernel = strict(([a, b, limit]) => {
  const d = levenshtein(scalarText(a), scalarText(b));
  return limit !== undefined && d > Number(limit) ? -1 : d;
});

export const sparkNullFunctions: readonly ScalarFunction[] = [
  fn('nvl', unifiedFrom(2, 0), nvl),
  fn('ifnull', unifiedFrom(2, 0), nvl),
  fn('nvl2', unifiedFrom(3, 1), nvl2),
  fn('if', unifiedFrom(3, 1, B), ifKernel),
  fn(
    'unhex',
    overloads(sig([T], BY)),
    strict(([s]) => unhex(scalarText(s))),
  ),
  fn('levenshtein', overloads(sig([T, T], I), sig([T, T, I], I)), levenshteinKernel),
  fn('levenshtein_distance', overloads(sig([T, T], I)), levenshteinKernel),
];
