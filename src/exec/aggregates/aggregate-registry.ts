import type { FunctionSignature } from '../../../planner/plan/function-catalog.js';
import { unsupported } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import { approxDistinctAggregate } from './approx-distinct.js';
import { boolAndAggregate, boolOrAggregate } from './bool-agg.js';
import { arrayAggAggregate, stringAggAggregate } from './collect.js';
import { countAggregate, countIfAggregate } from './count.js';
import type { AggregateFactory, GroupedAggregate } from './grouped-aggregate.js';
import { maxAggregate, maxByAggregate, minAggregate, minByAggregate } from './min-max.js';
import { orderedDistinct, type InnerOrder } from './ordered-distinct.js';
import { anyValueAggregate, firstAggregate, lastAggregate } from './pick.js';
import { avgAggregate, sumAggregate } from './sum-avg.js';
import { varianceAggregate } from './variance.js';

/** An aggregate as the binder resolves it and the executor builds it. */
interface AggregateDef {
  resolve(argTypes: readonly SqlType[]): FunctionSignature | null;
  readonly make: AggregateFactory;
}

const known = (t: SqlType): SqlType => (t.kind === 'unknown' ? Types.text : t);
const sig = (args: readonly SqlType[], returns: SqlType): FunctionSignature => ({ args, returns });
const INTS = new Set(['int2', 'int4', 'int8']);
const FLOATS = new Set(['float4', 'float8']);

/** One argument of the listed kinds; `returns` gives the result type. */
function unary(kinds: ReadonlySet<string> | null, returns: (t: SqlType) => SqlType | null) {
  return (args: readonly SqlType[]): FunctionSignature | null => {
    if (args.length !== 1) return null;
    const t = known(args[0]!);
    if (kinds !== null && !kinds.has(t.kind)) return null;
    const r = returns(t);
    return r === null ? null : sig([t], r);
  };
}

const NUMBERS = new Set([...INTS, 'numeric', ...FLOATS]);
/** The types with a btree ordering PostgreSQL's min/max accept. */
const ORDERED = new Set([
  ...NUMBERS,
  'text',
  'varchar',
  'bpchar',
  'name',
  'oid',
  'date',
  'time',
  'timestamp',
  'timestamptz',
  'interval',
  'bytea',
  'uuid',
  'array',
  'char',
]);
/** varchar and name meet min/max(text), so the result is text; numeric loses its typmod. */
const orderedResult = (t: SqlType): SqlType =>
  t.kind === 'varchar' || t.kind === 'name'
    ? Types.text
    : t.kind === 'numeric'
      ? Types.numeric()
      : t;

const sumResult = (t: SqlType): SqlType =>
  t.kind === 'int2' || t.kind === 'int4' ? Types.int8 : FLOATS.has(t.kind) ? t : Types.numeric();
const moments = (t: SqlType): SqlType => (FLOATS.has(t.kind) ? Types.float8 : Types.numeric());

const anyArgs =
  (min: number, max: number, returns: (args: readonly SqlType[]) => SqlType | null) =>
  (args: readonly SqlType[]): FunctionSignature | null => {
    if (args.length < min || args.length > max) return null;
    const r = returns(args.map(known));
    return r === null ? null : sig(args.map(known), r);
  };

const varianceDef = (sample: boolean, sqrt: boolean): AggregateDef => ({
  resolve: unary(NUMBERS, moments),
  make: varianceAggregate({ sample, sqrt }),
});

/** first/last(x [, ignoreNulls boolean]). */
const pickResolve = (args: readonly SqlType[]): FunctionSignature | null => {
  if (args.length < 1 || args.length > 2) return null;
  if (args.length === 2 && args[1]!.kind !== 'bool' && args[1]!.kind !== 'unknown') return null;
  const t = known(args[0]!);
  return sig(args.length === 2 ? [t, Types.bool] : [t], t);
};

const byResolve = (args: readonly SqlType[]): FunctionSignature | null =>
  args.length === 2 && ORDERED.has(known(args[1]!).kind)
    ? sig(args.map(known), known(args[0]!))
    : null;

const stringAggResolve = (args: readonly SqlType[]): FunctionSignature | null => {
  if (args.length !== 2) return null;
  const [v, d] = args.map(known) as [SqlType, SqlType];
  if (v.kind === 'bytea' && d.kind === 'bytea') return sig([v, d], Types.bytea);
  const texty = (t: SqlType): boolean => ['text', 'varchar', 'bpchar', 'name'].includes(t.kind);
  return texty(v) && texty(d) ? sig([Types.text, Types.text], Types.text) : null;
};

const registry = new Map<string, AggregateDef>([
  ['count', { resolve: anyArgs(0, 1, () => Types.int8), make: countAggregate }],
  ['count_if', { resolve: unary(new Set(['bool']), () => Types.int8), make: countIfAggregate }],
  ['sum', { resolve: unary(NUMBERS, sumResult), make: sumAggregate }],
  ['avg', { resolve: unary(NUMBERS, moments), make: avgAggregate }],
  ['min', { resolve: unary(ORDERED, orderedResult), make: minAggregate }],
  ['max', { resolve: unary(ORDERED, orderedResult), make: maxAggregate }],
  ['min_by', { resolve: byResolve, make: minByAggregate }],
  ['max_by', { resolve: byResolve, make: maxByAggregate }],
  ['stddev', varianceDef(true, true)],
  ['stddev_samp', varianceDef(true, true)],
  ['stddev_pop', varianceDef(false, true)],
  ['variance', varianceDef(true, false)],
  ['var_samp', varianceDef(true, false)],
  ['var_pop', varianceDef(false, false)],
  ['bool_and', { resolve: unary(new Set(['bool']), () => Types.bool), make: boolAndAggregate }],
  ['every', { resolve: unary(new Set(['bool']), () => Types.bool), make: boolAndAggregate }],
  ['bool_or', { resolve: unary(new Set(['bool']), () => Types.bool), make: boolOrAggregate }],
  ['approx_distinct', { resolve: anyArgs(1, 1, () => Types.int8), make: approxDistinctAggregate }],
  [
    'approx_count_distinct',
    { resolve: anyArgs(1, 1, () => Types.int8), make: approxDistinctAggregate },
  ],
  [
    'array_agg',
    {
      resolve: unary(null, (t) => (t.kind === 'array' ? null : Types.array(t))),
      make: arrayAggAggregate,
    },
  ],
  ['string_agg', { resolve: stringAggResolve, make: stringAggAggregate }],
  ['first', { resolve: pickResolve, make: firstAggregate }],
  ['last', { resolve: pickResolve, make: lastAggregate }],
  ['any_value', { resolve: unary(null, (t) => t), make: anyValueAggregate }],
]);

export function aggregateDef(name: string): AggregateDef | undefined {
  return registry.get(name);
}

export function isKnownAggregate(name: string): boolean {
  return registry.has(name);
}

/** What building one aggregate call needs: the call's shape with argument types resolved. */
export interface AggregateBuild {
  readonly fn: string;
  readonly argTypes: readonly SqlType[];
  readonly resultType: SqlType;
  readonly distinct: boolean;
  /** ORDER BY inside the call; its key columns follow the arguments. */
  readonly order: readonly InnerOrder[];
  readonly sliding?: boolean;
}

export function makeAggregate(b: AggregateBuild): GroupedAggregate {
  const def = registry.get(b.fn);
  if (def === undefined) throw unsupported(`aggregate function ${b.fn} is not supported`);
  const inner = def.make({
    argTypes: b.argTypes,
    resultType: b.resultType,
    sliding: b.sliding === true,
  });
  return b.distinct || b.order.length > 0
    ? orderedDistinct(inner, b.argTypes, b.distinct, b.order)
    : inner;
}
