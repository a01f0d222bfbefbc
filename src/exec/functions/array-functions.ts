import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { canCoerceImplicitly, commonType } from '../../common/type-coercion.js';
import { comparatorFor } from '../kernels/compare-values.js';
import { converter } from '../kernels/cast.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Array functions: PostgreSQL's (docs §9.19: cardinality, array_length, array_position,
 * array_to_string, array_append, array_prepend, array_cat, array_remove,
 * array_replace) and Spark's/Trino's (element_at, size, array_contains, array_join,
 * array_distinct, sort_array, array_max, array_min). Arrays are one-dimensional
 * SqlValue[] with nullable elements. element_at, cardinality and size also take maps:
 * map-functions.ts extends them.
 */
const { int4: I, bool: B, text: T } = Types;
export const arr = (v: SqlValue | undefined): readonly SqlValue[] => v as readonly SqlValue[];

type Resolve = (argTypes: readonly SqlType[]) => Signature | null;

/** An array argument first, then arguments typed from its element (anyarray, anyelement). */
export function arrayResolve(
  rest: (element: SqlType) => readonly SqlType[],
  returns: (a: SqlType) => SqlType,
): Resolve {
  return (argTypes) => {
    const a = argTypes[0];
    if (a?.kind !== 'array') return null;
    const tail = rest(a.element);
    if (argTypes.length !== 1 + tail.length) return null;
    const ok = tail.every((t, i) => {
      const from = argTypes[i + 1];
      return (
        from !== undefined &&
        (canCoerceImplicitly(from, t) || (from.kind === 'array' && t.kind === 'array'))
      );
    });
    return ok ? { args: [a, ...tail], returns: returns(a) } : null;
  };
}

function withOptional(...forms: Resolve[]): Resolve {
  return (argTypes) => {
    for (const f of forms) {
      const s = f(argTypes);
      if (s) return s;
    }
    return null;
  };
}

/** element_at(array, i): 1-based, negative counts from the end; 0 is an error (Spark, Trino). */
const elementAt: Kernel = strict(([a, i]) => {
  const xs = arr(a);
  const n = Number(i);
  if (n === 0) throw new LakeError('2202E', 'SQL array indices start at 1');
  return (n > 0 ? xs[n - 1] : xs[xs.length + n]) ?? null;
});

/** array[i] (PostgreSQL subscript): 1-based, NULL outside the bounds. */
const subscript: Kernel = strict(([a, i]) => arr(a)[Number(i) - 1] ?? null);

export function elementComparator(t: SqlType | undefined): (a: SqlValue, b: SqlValue) => number {
  return comparatorFor(t?.kind === 'array' ? t.element : T);
}

/** array_contains(a, v): Spark; NULL when absent but the array holds a NULL. */
const arrayContains: Kernel = (input) => {
  const cmp = elementComparator(input.argTypes[0]);
  return strict(([a, v]) => {
    let sawNull = false;
    for (const x of arr(a)) {
      if (x === null) sawNull = true;
      else if (cmp(x, v as SqlValue) === 0) return true;
    }
    return sawNull ? null : false;
  })(input);
};

/** array_position(a, v): PostgreSQL; IS NOT DISTINCT FROM, so it finds a NULL too. */
const arrayPosition: Kernel = (input) => {
  const cmp = elementComparator(input.argTypes[0]);
  const [as = [], vs = []] = input.args;
  const out = new Array<SqlValue>(input.rowCount);
  for (let r = 0; r < input.rowCount; r++) {
    const a = as[r] ?? null;
    const v = vs[r] ?? null;
    out[r] = null;
    if (a === null) continue;
    const xs = arr(a);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? null;
      if (x === null ? v === null : v !== null && cmp(x, v) === 0) {
        out[r] = i + 1;
        break;
      }
    }
  }
  return out;
};

/**
 * array_to_string / array_join: elements as text; NULLs skipped unless replaced. Strict
 * in the array and separator only: a NULL replacement means "skip", as PostgreSQL's
 * array_to_text_null.
 */
const arrayToString: Kernel = (input) => {
  const t = input.argTypes[0];
  const toText = converter(t?.kind === 'array' ? t.element : T, T, input.ctx);
  const [as = [], seps = [], nuls] = input.args;
  const out = new Array<SqlValue>(input.rowCount);
  for (let r = 0; r < input.rowCount; r++) {
    const a = as[r] ?? null;
    const sep = seps[r] ?? null;
    const nul = nuls?.[r] ?? null;
    if (a === null || sep === null) {
      out[r] = null;
      continue;
    }
    const parts: string[] = [];
    for (const x of arr(a)) {
      if (x !== null) parts.push(scalarText(toText(x)));
      else if (nul !== null) parts.push(scalarText(nul));
    }
    out[r] = parts.join(scalarText(sep));
  }
  return out;
};

function distinct(xs: readonly SqlValue[], cmp: (a: SqlValue, b: SqlValue) => number): SqlValue[] {
  const out: SqlValue[] = [];
  for (const x of xs) {
    if (!out.some((y) => (x === null ? y === null : y !== null && cmp(x, y) === 0))) out.push(x);
  }
  return out;
}

/** sort_array(a [, asc]): Spark; NULLs first ascending, last descending. */
const sortArray: Kernel = (input) => {
  const cmp = elementComparator(input.argTypes[0]);
  return strict(([a, asc]) => {
    const up = asc !== false;
    return [...arr(a)].sort((x, y) => {
      if (x === null || y === null) return x === y ? 0 : (x === null ? -1 : 1) * (up ? 1 : -1);
      return up ? cmp(x, y) : cmp(y, x);
    });
  })(input);
};

function extremum(sign: 1 | -1): Kernel {
  return (input) => {
    const cmp = elementComparator(input.argTypes[0]);
    return strict(([a]) => {
      let best: SqlValue = null;
      for (const x of arr(a))
        if (x !== null && (best === null || sign * cmp(x, best) > 0)) best = x;
      return best;
    })(input);
  };
}

const element = (a: SqlType): SqlType => (a.kind === 'array' ? a.element : a);
export const same = (a: SqlType): SqlType => a;

const catResolve: Resolve = (argTypes) => {
  const [a, b] = argTypes;
  if (argTypes.length !== 2 || a?.kind !== 'array' || b?.kind !== 'array') return null;
  const t = commonType([a.element, b.element]);
  if (t === null) return null;
  const at = Types.array(t);
  return { args: [at, at], returns: at };
};

export const arrayFunctions: readonly ScalarFunction[] = [
  fn(
    'element_at',
    arrayResolve(() => [I], element),
    elementAt,
  ),
  fn(
    'array_subscript',
    arrayResolve(() => [I], element),
    subscript,
  ),
  fn(
    'cardinality',
    arrayResolve(
      () => [],
      () => I,
    ),
    strict(([a]) => arr(a).length),
  ),
  // size(NULL) is -1 in Spark's default (legacy sizeOfNull) mode.
  fn(
    'size',
    arrayResolve(
      () => [],
      () => I,
    ),
    (input) => (input.args[0] ?? []).map((a) => (a === null ? -1 : arr(a).length)),
  ),
  fn(
    'array_length',
    arrayResolve(
      () => [I],
      () => I,
    ),
    strict(([a, d]) => (Number(d) === 1 && arr(a).length > 0 ? arr(a).length : null)),
  ),
  fn(
    'array_contains',
    arrayResolve(
      (e) => [e],
      () => B,
    ),
    arrayContains,
  ),
  fn(
    'array_position',
    arrayResolve(
      (e) => [e],
      () => I,
    ),
    arrayPosition,
  ),
  fn(
    'array_to_string',
    withOptional(
      arrayResolve(
        () => [T],
        () => T,
      ),
      arrayResolve(
        () => [T, T],
        () => T,
      ),
    ),
    arrayToString,
  ),
  fn(
    'array_join',
    withOptional(
      arrayResolve(
        () => [T],
        () => T,
      ),
      arrayResolve(
        () => [T, T],
        () => T,
      ),
    ),
    arrayToString,
  ),
  fn(
    'array_distinct',
    arrayResolve(() => [], same),
    (input) => {
      const cmp = elementComparator(input.argTypes[0]);
      return strict(([a]) => distinct(arr(a), cmp))(input);
    },
  ),
  fn(
    'sort_array',
    withOptional(
      arrayResolve(() => [], same),
      arrayResolve(() => [B], same),
    ),
    sortArray,
  ),
  fn(
    'array_max',
    arrayResolve(() => [], element),
    extremum(1),
  ),
  fn(
    'array_min',
    arrayResolve(() => [], element),
    extremum(-1),
  ),
  fn(
    'array_append',
    arrayResolve((e) => [e], same),
    (input) =>
      input.args[0]?.map((a, i) => [...(a === null ? [] : arr(a)), input.args[1]?.[i] ?? null]) ??
      [],
  ),
  fn(
    'array_prepend',
    (argTypes) => {
      const [e, a] = argTypes;
      if (argTypes.length !== 2 || a?.kind !== 'array' || !e || !canCoerceImplicitly(e, a.element))
        return null;
      return { args: [a.element, a], returns: a };
    },
    (input) =>
      input.args[1]?.map((a, i) => [input.args[0]?.[i] ?? null, ...(a === null ? [] : arr(a))]) ??
      [],
  ),
  fn('array_cat', catResolve, (input) =>
    Array.from({ length: input.rowCount }, (_, i) => {
      const a = input.args[0]?.[i] ?? null;
      const b = input.args[1]?.[i] ?? null;
      return a === null && b === null
        ? null
        : [...(a === null ? [] : arr(a)), ...(b === null ? [] : arr(b))];
    }),
  ),
  fn(
    'array_remove',
    arrayResolve((e) => [e], same),
    (input) => {
      const cmp = elementComparator(input.argTypes[0]);
      return (input.args[0] ?? []).map((a, i) => {
        if (a === null) return null;
        const v = input.args[1]?.[i] ?? null;
        return arr(a).filter((x) => !(x === null ? v === null : v !== null && cmp(x, v) === 0));
      });
    },
  ),
];
