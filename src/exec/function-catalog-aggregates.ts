import type { FunctionResolver, FunctionSignature } from '../../planner/plan/function-catalog.js';
import { Types, type SqlType } from '../common/sql-types.js';
import { aggregateDef } from './aggregates/aggregate-registry.js';

/**
 * The aggregate and window halves of the FunctionCatalog (planner/plan/function-catalog.ts):
 * the binder resolves `agg(...)` through `aggregateResolver` and ranking/offset window
 * functions through `windowResolver`; an aggregate used with OVER resolves as an aggregate.
 */
export function aggregateResolver(name: string): FunctionResolver | undefined {
  const def = aggregateDef(name);
  return def && { resolve: (args) => def.resolve(args) };
}

const known = (t: SqlType): SqlType => (t.kind === 'unknown' ? Types.text : t);
const sig = (args: readonly SqlType[], returns: SqlType): FunctionSignature => ({ args, returns });
const isInt = (t: SqlType | undefined): boolean =>
  t !== undefined &&
  (t.kind === 'int2' || t.kind === 'int4' || t.kind === 'int8' || t.kind === 'unknown');

const nullary =
  (returns: SqlType): FunctionResolver['resolve'] =>
  (args) =>
    args.length === 0 ? sig([], returns) : null;

/** lag/lead(x [, offset int [, default]]): the default is coerced to x's type. */
const offsetFn: FunctionResolver['resolve'] = (args) => {
  if (args.length < 1 || args.length > 3) return null;
  if (args.length >= 2 && !isInt(args[1])) return null;
  const t = known(args[0]!);
  return sig([t, Types.int4, t].slice(0, args.length), t);
};

const windows: Record<string, FunctionResolver['resolve']> = {
  row_number: nullary(Types.int8),
  rank: nullary(Types.int8),
  dense_rank: nullary(Types.int8),
  percent_rank: nullary(Types.float8),
  cume_dist: nullary(Types.float8),
  ntile: (args) => (args.length === 1 && isInt(args[0]) ? sig([Types.int4], Types.int4) : null),
  lag: offsetFn,
  lead: offsetFn,
  first_value: (args) => (args.length === 1 ? sig([known(args[0]!)], known(args[0]!)) : null),
  last_value: (args) => (args.length === 1 ? sig([known(args[0]!)], known(args[0]!)) : null),
  nth_value: (args) =>
    args.length === 2 && isInt(args[1])
      ? sig([known(args[0]!), Types.int4], known(args[0]!))
      : null,
};

export function windowResolver(name: string): FunctionResolver | undefined {
  const resolve = windows[name];
  return resolve && { resolve };
}

export function isWindowFunctionName(name: string): boolean {
  return windows[name] !== undefined;
}
