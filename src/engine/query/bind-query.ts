import { LakeError, unsupported } from '../../common/errors.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Expr, FromItem, OrderItem, Query, Select } from '../../sql/ast.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { ResultColumn } from '../query-engine.js';
import { errorAt, positionOf, type BindContext, type ScopeColumn } from './bind-context.js';
import { bindCondition, bindExpr } from './bind-expr.js';
import { containsAggregate, Grouping } from './bind-grouping.js';
import { bindSeries } from './bind-series.js';
import { coerceImplicitly } from './coerce.js';
import { outputName } from './output-name.js';
import type { QueryPlan, QuerySource, SortKey } from './query-plan.js';
import type { ResolvedTable } from './table-resolver.js';
import { resolveLakeType } from './resolve-type-name.js';

export interface QueryBindInput {
  readonly text: string;
  readonly paramTypes: (SqlType | undefined)[];
  readonly timeZone: string;
  readonly tables: ReadonlyMap<FromItem, ResolvedTable>;
}

/** Binds a SELECT into the small engine's fixed pipeline (see query-plan.ts). */
export function bindQuery(query: Query, input: QueryBindInput): QueryPlan {
  const base = { text: input.text, paramTypes: input.paramTypes, timeZone: input.timeZone };
  if (query.with.length > 0)
    throw unsupported('WITH is not supported yet', positionOf({ ...base, scope: [] }, query.span));
  const select = query.body;
  if (select.kind !== 'select')
    throw unsupported(
      'only plain SELECT is supported yet',
      positionOf({ ...base, scope: [] }, select.span),
    );
  const { source, scope } = bindFrom(select, input);
  const ctx: BindContext = { ...base, scope };
  if (select.distinct)
    throw unsupported('SELECT DISTINCT is not supported yet', positionOf(ctx, select.span));
  const filter = select.where
    ? bindCondition(select.where, { ...ctx, clause: 'WHERE' }, 'WHERE')
    : null;
  const grouped =
    select.groupBy.length > 0 ||
    select.having !== null ||
    [...select.items, ...query.orderBy].some(containsAggregate);
  const grouping = grouped ? new Grouping(groupKeys(select, scope, ctx), ctx) : null;
  const post = (clause: string): BindContext => grouping?.context(clause) ?? { ...ctx, clause };
  const items = expandItems(select, scope, ctx);
  const projections = items.map((i) => bindExpr(i.expr, post('SELECT')));
  const names = items.map((i) => i.name);
  const sort = query.orderBy.map((o) => bindSortKey(o, names, projections, post('ORDER BY'), ctx));
  const having = select.having ? bindCondition(select.having, post('HAVING'), 'HAVING') : null;
  const limitCtx = { ...ctx, scope: [], clause: 'LIMIT' };
  const columns = items.map((item, i): ResultColumn => resultColumn(item, projections[i]));
  return {
    source,
    filter,
    aggregate: grouping ? { keys: grouping.keys, aggregates: grouping.aggregates } : null,
    having,
    projections,
    sort,
    limit: query.limit ? count(query.limit, limitCtx, 'LIMIT') : null,
    offset: query.offset ? count(query.offset, limitCtx, 'OFFSET') : null,
    columns,
  };
}

function resultColumn(item: SelectItemOut, e: BoundExpr | undefined): ResultColumn {
  const type = !e || e.type.kind === 'unknown' ? Types.text : e.type;
  return {
    name: item.name,
    type,
    ...(item.column ? { tableOid: item.tableOid ?? 0, columnNumber: item.column } : {}),
  };
}

function count(e: Expr, ctx: BindContext, clause: string): BoundExpr {
  return coerceImplicitly(bindExpr(e, ctx), Types.int8, ctx, e.span.start, `argument of ${clause}`);
}

function bindFrom(
  select: Select,
  input: QueryBindInput,
): { source: QuerySource; scope: ScopeColumn[] } {
  if (select.from.length === 0) return { source: { kind: 'none' }, scope: [] };
  const [item, more] = select.from;
  if (item?.kind === 'table-function' && !more) {
    return bindSeries(item, {
      text: input.text,
      paramTypes: input.paramTypes,
      timeZone: input.timeZone,
      scope: [],
    });
  }
  if (more || !item || item.kind !== 'table-ref') {
    const at = more ?? item;
    throw new LakeError(SqlState.featureNotSupported, 'only one table in FROM is supported yet', {
      ...(at
        ? {
            position: positionOf(
              { text: input.text, paramTypes: [], timeZone: 'UTC', scope: [] },
              at.span,
            ),
          }
        : {}),
    });
  }
  const resolved = input.tables.get(item);
  if (!resolved)
    throw new LakeError(
      SqlState.undefinedTable,
      `relation "${item.name.parts.join('.')}" does not exist`,
    );
  if (resolved.kind === 'system') {
    const { relation } = resolved;
    const qualifier = item.alias ?? relation.name;
    const scope = relation.columns.map((c, i) => ({
      name: item.columnAliases[i] ?? c.name,
      qualifier,
      type: c.type,
      tableOid: relation.tableOid,
      columnNumber: c.attnum,
    }));
    return { source: { kind: 'system', relation }, scope };
  }
  const table = resolved.table;
  const qualifier = item.alias ?? table.ident.name;
  const all = [...table.columns, ...table.partitionKeys];
  const columns = all.map((c) => ({ name: c.name, type: resolveLakeType(c.type) }));
  const scope = columns.map((c, i) => ({
    name: item.columnAliases[i] ?? c.name.toLowerCase(),
    qualifier,
    type: c.type,
    columnNumber: i + 1,
  }));
  return { source: { kind: 'table', table, columns }, scope };
}

/**
 * GROUP BY keys with PostgreSQL's shorthands resolved (docs, SELECT "GROUP BY Clause"): an
 * integer is a select-list position, and a bare name that is no input column is an output
 * column's alias; either stands for that select item's expression.
 */
function groupKeys(select: Select, scope: readonly ScopeColumn[], ctx: BindContext): Expr[] {
  return select.groupBy.map((key) => {
    if (key.kind === 'literal' && key.value.type === 'integer') {
      const n = Number(key.value.text);
      const item = select.items[n - 1];
      if (!item || item.expr.kind === 'star') {
        throw errorAt(
          ctx,
          key.span,
          new LakeError(
            SqlState.invalidColumnReference,
            `GROUP BY position ${n} is not in select list`,
          ),
        );
      }
      return item.expr;
    }
    if (key.kind === 'column' && key.name.parts.length === 1) {
      const name = key.name.parts[0];
      const isInput = scope.some((c) => c.name === name);
      const aliased = select.items.find((i) => i.alias === name);
      if (!isInput && aliased) return aliased.expr;
    }
    return key;
  });
}

interface SelectItemOut {
  readonly expr: Expr;
  readonly name: string;
  readonly column?: number;
  readonly tableOid?: number;
}

function expandItems(
  select: Select,
  scope: readonly ScopeColumn[],
  ctx: BindContext,
): SelectItemOut[] {
  return select.items.flatMap((item): SelectItemOut[] => {
    if (item.expr.kind !== 'star')
      return [{ expr: item.expr, name: item.alias ?? outputName(item.expr) }];
    const q = item.expr.qualifier?.parts.join('.') ?? null;
    const visible = scope.filter((c) => q === null || c.qualifier === q);
    if (visible.length === 0 && scope.length === 0) {
      throw errorAt(
        ctx,
        item.span,
        new LakeError(SqlState.syntaxError, 'SELECT * with no tables specified is not valid'),
      );
    }
    return visible.map((c) => ({
      expr: {
        kind: 'column',
        span: item.span,
        name: { kind: 'name', span: item.span, parts: [c.name] },
      },
      name: c.name,
      ...(c.columnNumber === undefined ? {} : { column: c.columnNumber }),
      ...(c.tableOid === undefined ? {} : { tableOid: c.tableOid }),
    }));
  });
}

/** ORDER BY an output ordinal, an output name, or any expression (a hidden projection). */
function bindSortKey(
  o: OrderItem,
  names: readonly string[],
  projections: BoundExpr[],
  ctx: BindContext,
  base: BindContext,
): SortKey {
  const nullsFirst = o.nullsFirst ?? o.descending;
  const key = (index: number): SortKey => ({ index, descending: o.descending, nullsFirst });
  if (o.expr.kind === 'literal' && o.expr.value.type === 'integer') {
    const n = Number(o.expr.value.text);
    if (n < 1 || n > names.length) {
      throw errorAt(
        base,
        o.expr.span,
        new LakeError(
          SqlState.invalidColumnReference,
          `ORDER BY position ${n} is not in select list`,
        ),
      );
    }
    return key(n - 1);
  }
  if (o.expr.kind === 'column' && o.expr.name.parts.length === 1) {
    const i = names.indexOf(o.expr.name.parts[0] ?? '');
    if (i >= 0 && names.indexOf(o.expr.name.parts[0] ?? '', i + 1) < 0) return key(i);
  }
  projections.push(bindExpr(o.expr, ctx));
  return key(projections.length - 1);
}
