import { formatType, Types, type SqlType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { TableFunctionRef } from '../../src/sql/ast.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { PlanColumn, TableFunctionName, TableFunctionNode } from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { checkAliasCount, type BoundFrom } from './bind-from.js';
import { functionName } from './bind-function.js';
import { crossJoin } from './bind-join.js';
import { coerceImplicitly } from './coerce.js';
import { refsOf } from '../plan/expr-visit.js';
import { scopeOf, type Scope } from './scope.js';

/** A table function's typed signature: its arguments' target types and its output columns. */
interface Shape {
  readonly args: readonly SqlType[];
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
}

type ShapeOf = (args: readonly BoundExpr[]) => Shape | null;

const has = (args: readonly BoundExpr[], kind: string): boolean =>
  args.some((a) => a.type.kind === kind);

/**
 * generate_series (docs §9.25): int4, int8 or numeric by the widest argument; over
 * timestamps or timestamptz with an interval step. Its column takes the function's
 * name (the alias names it when given, as for any scalar-returning function).
 */
const generateSeries: ShapeOf = (args) => {
  if (args.length < 2 || args.length > 3) return null;
  const time = has(args, 'timestamptz')
    ? Types.timestamptz
    : has(args, 'timestamp')
      ? Types.timestamp
      : null;
  if (time) {
    if (args.length !== 3) return null;
    return {
      args: [time, time, Types.interval],
      columns: [{ name: 'generate_series', type: time }],
    };
  }
  const t = has(args, 'numeric') ? Types.numeric() : has(args, 'int8') ? Types.int8 : Types.int4;
  return { args: args.map(() => t), columns: [{ name: 'generate_series', type: t }] };
};

/** Spark's range(end) / range(start, end [, step]): one bigint column `id`. */
const range: ShapeOf = (args) =>
  args.length < 1 || args.length > 3
    ? null
    : { args: args.map(() => Types.int8), columns: [{ name: 'id', type: Types.int8 }] };

/** unnest/explode of one array: its elements. */
const elements =
  (column: string): ShapeOf =>
  (args) => {
    const [a] = args;
    if (args.length !== 1 || !a || a.type.kind !== 'array') return null;
    return { args: [a.type], columns: [{ name: column, type: a.type.element }] };
  };

const ORDINALITY = { name: 'ordinality', type: Types.int8 };

const shapes: Partial<Record<TableFunctionName, ShapeOf>> = {
  generate_series: generateSeries,
  range,
  unnest: elements('unnest'),
  explode: elements('col'),
};

function isKnown(name: string): name is TableFunctionName {
  return Object.hasOwn(shapes, name);
}

/**
 * A set-returning function in FROM (docs §7.2.1.4). Its arguments may read the FROM
 * items before it, with or without the LATERAL key word, as in PostgreSQL (docs
 * §7.2.1.5: "LATERAL is optional before a function call"). As a later item of the
 * FROM list (`FROM t, unnest(t.arr)`, `left` given) the node then takes those items
 * as `input` and outputs their columns followed by its own; otherwise it stands alone
 * and is cross joined. On the right of a join (`t LEFT JOIN LATERAL unnest(t.arr) ON
 * true`), `lateral` is what it may read: its arguments then refer to the left side's
 * columns, and the join becomes a LATERAL join (bind-join.ts), which
 * decorrelate-lateral.ts folds back into an `input` when the join is inner.
 */
export function bindTableFunction(
  item: TableFunctionRef,
  ctx: BindContext,
  left: BoundFrom | null,
  lateral: Scope | null = null,
): BoundFrom {
  const name = functionName(item.call);
  const argCtx: BindContext = {
    ...ctx,
    scope: left ? { columns: left.columns, parent: ctx.scope } : (lateral ?? ctx.scope),
    clause: 'functions in FROM',
  };
  const bare = item.call.args.map((a) => bindExpr(a, argCtx));
  const shape = isKnown(name) ? shapes[name]?.(bare) : null;
  if (!shape) {
    const types = bare.map((a) => formatType(a.type)).join(', ');
    throw failAt(
      ctx,
      item.call.span,
      SqlState.undefinedFunction,
      `function ${item.call.name.parts.join('.')}(${types}) does not exist`,
      'No function matches the given name and argument types. You might need to add explicit type casts.',
    );
  }
  const args = bare.map((a, i) =>
    coerceImplicitly(
      a,
      shape.args[i] ?? a.type,
      ctx,
      item.call.args[i]?.span.start ?? 0,
      `argument of ${name}`,
    ),
  );
  // A single-column function's column takes the alias's name (`generate_series(1, 3) g`),
  // also WITH ORDINALITY, whose column is named `ordinality` unless aliased.
  const single = shape.columns.length === 1 ? (item.columnAliases[0] ?? item.alias) : null;
  const named = item.ordinality ? [...shape.columns, ORDINALITY] : shape.columns;
  const own: PlanColumn[] = named.map((c, i) => ({
    id: ctx.ids.next(),
    name: i === 0 && single !== null ? single : c.name,
    type: c.type,
  }));
  checkAliasCount(item.alias ?? name, own.length, item.columnAliases);
  const ownScope = scopeOf(own, item.alias ?? name, item.columnAliases);
  const dependent = left !== null && readsAny(args, new Set(left.columns.map((c) => c.id)));
  const node: TableFunctionNode = {
    kind: 'table-function',
    fn: name as TableFunctionName,
    args,
    input: dependent ? left.plan : null,
    ordinality: item.ordinality,
    columns: dependent ? [...left.plan.columns, ...own] : own,
  };
  if (dependent) return { plan: node, columns: [...left.columns, ...ownScope] };
  const bound: BoundFrom = { plan: node, columns: ownScope };
  return left ? crossJoin(left, bound, ctx) : bound;
}

/** Whether the arguments read any of these column ids. */
function readsAny(es: readonly BoundExpr[], ids: ReadonlySet<number>): boolean {
  return es.some((e) => [...refsOf(e)].some((id) => ids.has(id)));
}
