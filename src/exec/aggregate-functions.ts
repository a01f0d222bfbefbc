import { Types, type SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { comparatorFor } from './kernels/compare-values.js';
import { numericAdd, numericDiv } from './kernels/numeric-math.js';
import type { BoundExpr } from '../../planner/plan/bound-expr.js';

/**
 * count/sum/min/max/avg (PostgreSQL docs §9.21) with PostgreSQL's result types:
 * count → bigint; sum(int2/int4) → bigint, sum(int8/numeric) → numeric;
 * avg(integer types/numeric) → numeric, avg(float) → double precision.
 */
export type AggregateName = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** One aggregate call of a grouped query: plain data, bound over the input batch. */
export interface AggregateSpec {
  readonly fn: AggregateName;
  /** null for count(*). */
  readonly arg: BoundExpr | null;
  readonly distinct: boolean;
  readonly type: SqlType;
}

export function isAggregateName(name: string): name is AggregateName {
  return name === 'count' || name === 'sum' || name === 'min' || name === 'max' || name === 'avg';
}

/** The result type of an aggregate over an argument type, or null if it has no such overload. */
export function aggregateResultType(fn: AggregateName, arg: SqlType | null): SqlType | null {
  if (fn === 'count') return Types.int8;
  if (arg === null) return null;
  const k = arg.kind === 'unknown' ? 'text' : arg.kind;
  const numericish = ['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'].includes(k);
  switch (fn) {
    case 'min':
    case 'max':
      return arg.kind === 'unknown' ? Types.text : arg;
    case 'sum':
      if (!numericish) return null;
      return k === 'int2' || k === 'int4'
        ? Types.int8
        : k === 'int8' || k === 'numeric'
          ? Types.numeric()
          : arg;
    case 'avg':
      if (!numericish) return null;
      return k === 'float4' || k === 'float8' ? Types.float8 : Types.numeric();
  }
}

/** A running aggregate for one group. */
export interface Accumulator {
  add(v: SqlValue): void;
  result(): SqlValue;
}

export function makeAccumulator(spec: AggregateSpec): Accumulator {
  const argType = spec.arg?.type ?? Types.int8;
  const inner = baseAccumulator(spec.fn, argType);
  if (!spec.distinct) return inner;
  const seen = new Set<string>();
  return {
    add: (v) => {
      const k = valueKey(v);
      if (!seen.has(k)) {
        seen.add(k);
        inner.add(v);
      }
    },
    result: () => inner.result(),
  };
}

function baseAccumulator(fn: AggregateName, argType: SqlType): Accumulator {
  switch (fn) {
    case 'count': {
      let n = 0n;
      return { add: (v) => void (v !== null && n++), result: () => n };
    }
    case 'min':
    case 'max': {
      const compare = comparatorFor(argType);
      const sign = fn === 'min' ? -1 : 1;
      let best: SqlValue = null;
      return {
        add: (v) => {
          if (v !== null && (best === null || sign * compare(v, best) > 0)) best = v;
        },
        result: () => best,
      };
    }
    case 'sum':
    case 'avg':
      return sumAccumulator(fn === 'avg', argType);
  }
}

function sumAccumulator(average: boolean, argType: SqlType): Accumulator {
  const isFloat = argType.kind === 'float4' || argType.kind === 'float8';
  let count = 0;
  let big = 0n;
  let float = 0;
  let decimal = '0';
  return {
    add: (v) => {
      if (v === null) return;
      count++;
      if (isFloat) float += v as number;
      else if (typeof v === 'string') decimal = numericAdd(decimal, v);
      else big += typeof v === 'bigint' ? v : BigInt(v as number);
    },
    result: () => {
      if (count === 0) return null;
      if (isFloat)
        return average ? float / count : argType.kind === 'float4' ? Math.fround(float) : float;
      const total = argType.kind === 'numeric' ? decimal : big.toString();
      if (average) return numericDiv(total, String(count));
      return argType.kind === 'int8' || argType.kind === 'numeric' ? total : big;
    },
  };
}

/** A string key for grouping and DISTINCT: equal SQL values give equal keys. */
export function valueKey(v: SqlValue): string {
  if (v === null) return 'n';
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') return `i${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
  return `o${JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))}`;
}
