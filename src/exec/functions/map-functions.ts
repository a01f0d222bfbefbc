import { LakeError } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { SqlMap, SqlValue } from '../../common/sql-value.js';
import { duplicateMapKey } from '../../common/values/parse-map.js';
import { asMap } from '../../common/values/sql-value-guards.js';
import { canCoerceImplicitly, commonType } from '../../common/type-coercion.js';
import { comparatorFor } from '../kernels/compare-values.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { arr, arrayFunctions } from './array-functions.js';
import { fn, type ScalarFunction, type Signature } from './scalar-function.js';

/**
 * Map functions (Spark 3.5 / Trino): the constructors map(k1, v1, ...), map(keys, values)
 * (Trino) and map_from_arrays; element_at(map, key) and the binder's m[key]
 * (map_subscript), both NULL for an absent key (Spark's non-ANSI mode, Trino's
 * element_at); map_keys, map_values, map_contains_key; cardinality/size. element_at,
 * cardinality and size keep their array forms (array-functions.ts) and gain a map form.
 * Maps are SqlMap values (sql-value.ts): lookups by the key itself, except key types
 * whose equal values can differ in representation (numeric scale, bytea bytes), which
 * compare with the type's comparator.
 */
type Resolve = (argTypes: readonly SqlType[]) => Signature | null;

/** Key types a map can have: scalar values a JavaScript Map or a comparator can match. */
function keyTypeOk(t: SqlType): boolean {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'json' && t.kind !== 'jsonb';
}

/** The key type a constructor builds: unknown literals become text, as PostgreSQL's. */
function keyType(types: readonly SqlType[]): SqlType | null {
  const t = commonType(types);
  return t !== null && keyTypeOk(t) ? t : null;
}

/** A map argument first, then arguments typed from its key and value types. */
function mapResolve(
  rest: (key: SqlType, value: SqlType) => readonly SqlType[],
  returns: (m: SqlType & { kind: 'map' }) => SqlType,
): Resolve {
  return (argTypes) => {
    const m = argTypes[0];
    if (m?.kind !== 'map') return null;
    const tail = rest(m.key, m.value);
    if (argTypes.length !== 1 + tail.length) return null;
    const ok = tail.every((t, i) => {
      const from = argTypes[i + 1];
      return from !== undefined && canCoerceImplicitly(from, t);
    });
    return ok ? { args: [m, ...tail], returns: returns(m) } : null;
  };
}

/** A lookup of one key in a map of key type t: NULL when absent. */
export function mapLookup(t: SqlType | undefined): (m: SqlMap, key: SqlValue) => SqlValue {
  const key = t?.kind === 'map' ? t.key : Types.text;
  if (key.kind !== 'numeric' && key.kind !== 'bytea' && key.kind !== 'interval') {
    return (m, k) => (k === null ? null : (m.get(k) ?? null));
  }
  const cmp = comparatorFor(key);
  return (m, k) => {
    if (k === null) return null;
    const hit = m.get(k);
    if (hit !== undefined) return hit;
    for (const [x, v] of m) if (cmp(x, k) === 0) return v;
    return null;
  };
}

const lookupKernel: Kernel = (input) => {
  const get = mapLookup(input.argTypes[0]);
  return strict(([m, k]) => get(asMap(m as SqlValue), k as SqlValue))(input);
};

const containsKernel: Kernel = (input) => {
  const key = input.argTypes[0]?.kind === 'map' ? input.argTypes[0].key : Types.text;
  const cmp = comparatorFor(key);
  return strict(([m, k]) => {
    const map = asMap(m as SqlValue);
    if (map.has(k as Exclude<SqlValue, null>)) return true;
    for (const x of map.keys()) if (cmp(x, k as SqlValue) === 0) return true;
    return false;
  })(input);
};

/** Builds one map from parallel keys and values: NULL key 22004, duplicate 22023 (Spark). */
export function buildMap(
  keys: readonly SqlValue[],
  values: readonly SqlValue[],
  key: SqlType,
): SqlMap {
  const out = new Map<Exclude<SqlValue, null>, SqlValue>();
  const cmp = key.kind === 'numeric' || key.kind === 'bytea' ? comparatorFor(key) : null;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? null;
    if (k === null) {
      throw new LakeError(SqlState.nullValueNotAllowed, 'map key cannot be null');
    }
    const dup = out.has(k) || (cmp !== null && [...out.keys()].some((x) => cmp(x, k) === 0));
    if (dup) throw duplicateMapKey(k);
    out.set(k, values[i] ?? null);
  }
  return out;
}

/** map(k1, v1, k2, v2, ...) (Spark): keys to one type, values to another; map() is empty. */
const pairsResolve: Resolve = (argTypes) => {
  if (argTypes.length % 2 !== 0) return null;
  const ks = argTypes.filter((_, i) => i % 2 === 0);
  const vs = argTypes.filter((_, i) => i % 2 === 1);
  if (ks.some((t) => !keyTypeOk(t))) return null;
  const k = keyType(ks);
  const v = commonType(vs);
  if (k === null || v === null) return null;
  return { args: argTypes.map((_, i) => (i % 2 === 0 ? k : v)), returns: Types.map(k, v) };
};

const pairsKernel: Kernel = (input) => {
  const t = input.resultType;
  const key = t.kind === 'map' ? t.key : Types.text;
  const out = new Array<SqlValue>(input.rowCount);
  const n = input.args.length >> 1;
  const ks = new Array<SqlValue>(n);
  const vs = new Array<SqlValue>(n);
  for (let r = 0; r < input.rowCount; r++) {
    for (let i = 0; i < n; i++) {
      ks[i] = input.args[2 * i]?.[r] ?? null;
      vs[i] = input.args[2 * i + 1]?.[r] ?? null;
    }
    out[r] = buildMap(ks, vs, key);
  }
  return out;
};

/** map_from_arrays(keys, values) (Spark), map(keys, values) (Trino). */
const arraysResolve: Resolve = (argTypes) => {
  const [k, v] = argTypes;
  if (argTypes.length !== 2 || k?.kind !== 'array' || v?.kind !== 'array') return null;
  const key = k.element.kind === 'unknown' ? Types.text : k.element;
  const value = v.element.kind === 'unknown' ? Types.text : v.element;
  if (!keyTypeOk(key)) return null;
  return { args: [Types.array(key), Types.array(value)], returns: Types.map(key, value) };
};

const arraysKernel: Kernel = (input) => {
  const t = input.resultType;
  const key = t.kind === 'map' ? t.key : Types.text;
  return strict(([k, v]) => {
    const keys = arr(k);
    const values = arr(v);
    if (keys.length !== values.length) {
      throw new LakeError(
        SqlState.invalidParameterValue,
        'map key and value arrays must have the same length',
        { detail: `${keys.length} keys, ${values.length} values` },
      );
    }
    return buildMap(keys, values, key);
  })(input);
};

const either =
  (...forms: Resolve[]): Resolve =>
  (argTypes) => {
    for (const f of forms) {
      const s = f(argTypes);
      if (s) return s;
    }
    return null;
  };

/** An array function (array-functions.ts) extended with a map form of the same name. */
function withMapForm(name: string, resolve: Resolve, kernel: Kernel): ScalarFunction {
  const base = arrayFunctions.find((f) => f.name === name);
  if (base === undefined) return fn(name, resolve, kernel);
  const arrayKernel = base.kernel;
  return fn(
    name,
    either((a) => base.resolve(a), resolve),
    (input) => (input.argTypes[0]?.kind === 'map' ? kernel(input) : arrayKernel(input)),
  );
}

const mapSize = (m: SqlValue): number => asMap(m).size;

export const mapFunctions: readonly ScalarFunction[] = [
  fn('map', either(arraysResolve, pairsResolve), (input) =>
    input.argTypes.length === 2 &&
    input.argTypes[0]?.kind === 'array' &&
    input.argTypes[1]?.kind === 'array'
      ? arraysKernel(input)
      : pairsKernel(input),
  ),
  fn('map_from_arrays', arraysResolve, arraysKernel),
  fn(
    'map_subscript',
    mapResolve(
      (k) => [k],
      (m) => m.value,
    ),
    lookupKernel,
  ),
  withMapForm(
    'element_at',
    mapResolve(
      (k) => [k],
      (m) => m.value,
    ),
    lookupKernel,
  ),
  fn(
    'map_contains_key',
    mapResolve(
      (k) => [k],
      () => Types.bool,
    ),
    containsKernel,
  ),
  fn(
    'map_keys',
    mapResolve(
      () => [],
      (m) => Types.array(m.key),
    ),
    strict(([m]) => [...asMap(m as SqlValue).keys()]),
  ),
  fn(
    'map_values',
    mapResolve(
      () => [],
      (m) => Types.array(m.value),
    ),
    strict(([m]) => [...asMap(m as SqlValue).values()]),
  ),
  withMapForm(
    'cardinality',
    mapResolve(
      () => [],
      () => Types.int4,
    ),
    strict(([m]) => mapSize(m as SqlValue)),
  ),
  // size(NULL) is -1 in Spark's default (legacy sizeOfNull) mode, as for arrays.
  withMapForm(
    'size',
    mapResolve(
      () => [],
      () => Types.int4,
    ),
    (input) => (input.args[0] ?? []).map((m) => (m === null ? -1 : mapSize(m))),
  ),
];
