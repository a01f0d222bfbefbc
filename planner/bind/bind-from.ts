import { SqlState } from '../../src/common/sqlstate.js';
import type { FromItem, TableRef } from '../../src/sql/ast.js';
import type { LogicalPlan, ScanNode, SystemScanNode } from '../plan/logical-plan.js';
import { failAt, failWithoutPosition, findCte, type BindContext } from './bind-context.js';
import { bindCteRef } from './bind-cte.js';
import { bindJoin, crossJoin } from './bind-join.js';
import { bindTableFunction } from './bind-table-function.js';
import { bindTimeTravel } from './bind-time-travel.js';
import { resolveLakeType } from './resolve-type-name.js';
import { scopeOf, type Scope, type ScopeColumn } from './scope.js';

/** A bound FROM item: its plan and the columns it makes visible. */
export interface BoundFrom {
  readonly plan: LogicalPlan;
  readonly columns: readonly ScopeColumn[];
}

/** `lateral`: what a LATERAL item inside may read (the items on its left, then ctx.scope). */
type FromBinder<K extends FromItem['kind']> = (
  item: FromItem & { readonly kind: K },
  ctx: BindContext,
  lateral: Scope | null,
) => BoundFrom;

/**
 * The FROM list (docs §7.2.1): items separated by commas are cross joins (the
 * optimizer turns WHERE conjuncts into their join conditions). `ctx.scope` is the
 * enclosing query's. A LATERAL subquery, and a table function's arguments
 * (`FROM t, unnest(t.arr)`), may read the items before it, also from inside a later
 * item's joins (PostgreSQL's transformFromClause keeps earlier items visible to
 * LATERAL); the join that brings such an item in is then a dependent join.
 */
export function bindFromList(items: readonly FromItem[], ctx: BindContext): BoundFrom | null {
  let acc: BoundFrom | null = null;
  for (const item of items) {
    if (item.kind === 'table-function') {
      acc = bindTableFunction(item, ctx, acc);
      continue;
    }
    const next = bindFromItem(item, ctx, acc && { columns: acc.columns, parent: ctx.scope });
    acc = acc ? crossJoin(acc, next, ctx) : next;
  }
  if (acc) checkDistinctNames(items);
  return acc;
}

/** One FROM item; `lateral` is what a LATERAL item inside it may read (null: only ctx.scope). */
export function bindFromItem(
  item: FromItem,
  ctx: BindContext,
  lateral: Scope | null = null,
): BoundFrom {
  return (fromBinders[item.kind] as FromBinder<typeof item.kind>)(item, ctx, lateral);
}

const fromBinders: { [K in FromItem['kind']]: FromBinder<K> } = {
  'table-ref': (item, ctx) => bindTableRef(item, ctx),
  'subquery-ref': (item, ctx, lateral) => {
    // Only LATERAL sees the items before it (else they are 42P01 as in PostgreSQL).
    const scope = item.lateral && lateral ? lateral : ctx.scope;
    const r = ctx.bindSubquery(item.query, { ...ctx, scope });
    checkAliasCount(item.alias ?? 'unnamed_subquery', r.columns.length, item.columnAliases);
    return { plan: r.plan, columns: scopeOf(r.columns, item.alias, item.columnAliases) };
  },
  join: (item, ctx, lateral) => bindJoin(item, ctx, bindFromItem, lateral),
  'table-function': (item, ctx, lateral) => bindTableFunction(item, ctx, null, lateral),
};

function bindTableRef(item: TableRef, ctx: BindContext): BoundFrom {
  const parts = item.name.parts;
  const name = parts[parts.length - 1] ?? '';
  const qualifier = item.alias ?? name;
  const cte = parts.length === 1 ? findCte(ctx.ctes, name) : undefined;
  if (cte) {
    if (item.timeTravel) {
      throw failAt(
        ctx,
        item.timeTravel.span,
        SqlState.featureNotSupported,
        `time travel is not possible on WITH query "${name}"`,
      );
    }
    const r = bindCteRef(cte, item, ctx);
    checkAliasCount(qualifier, r.columns.length, item.columnAliases);
    return { plan: r.plan, columns: scopeOf(r.columns, qualifier, item.columnAliases) };
  }
  const resolved = ctx.tables.get(item);
  if (!resolved) {
    throw failAt(
      ctx,
      item.name.span,
      SqlState.undefinedTable,
      `relation "${parts.join('.')}" does not exist`,
    );
  }
  if (resolved.kind === 'system') {
    const { relation } = resolved;
    if (item.timeTravel) {
      throw failAt(
        ctx,
        item.timeTravel.span,
        SqlState.featureNotSupported,
        `time travel is not possible on system relation "${relation.name}"`,
      );
    }
    const node: SystemScanNode = {
      kind: 'system-scan',
      relation: relation.name,
      relationColumns: relation.columns.map((_, i) => i),
      columns: relation.columns.map((c) => ({
        id: ctx.ids.next(),
        name: c.name,
        type: c.type,
        tableOid: relation.tableOid,
        columnNumber: c.attnum,
      })),
    };
    checkAliasCount(qualifier, node.columns.length, item.columnAliases);
    return { plan: node, columns: scopeOf(node.columns, qualifier, item.columnAliases) };
  }
  const table = resolved.table;
  const all = [...table.columns, ...table.partitionKeys];
  const node: ScanNode = {
    kind: 'scan',
    table,
    tableColumns: all.map((c) => c.name),
    filters: [],
    timeTravel: item.timeTravel ? bindTimeTravel(item.timeTravel, ctx) : null,
    limit: null,
    columns: all.map((c, i) => ({
      id: ctx.ids.next(),
      name: c.name.toLowerCase(),
      type: resolveLakeType(c.type),
      tableOid: 0,
      columnNumber: i + 1,
    })),
  };
  checkAliasCount(qualifier, node.columns.length, item.columnAliases);
  return { plan: node, columns: scopeOf(node.columns, qualifier, item.columnAliases) };
}

/** 42P10 `table "t" has 2 columns available but 3 columns specified`. */
export function checkAliasCount(name: string, available: number, aliases: readonly string[]): void {
  if (aliases.length <= available) return;
  throw failWithoutPosition(
    SqlState.invalidColumnReference,
    `table "${name}" has ${available} columns available but ${aliases.length} columns specified`,
  );
}

/** 42712 `table name "t" specified more than once` for two FROM items of one name at one level. */
function checkDistinctNames(items: readonly FromItem[]): void {
  const seen = new Set<string>();
  const visit = (f: FromItem): void => {
    if (f.kind === 'join') {
      visit(f.left);
      visit(f.right);
      return;
    }
    const name =
      f.alias ?? (f.kind === 'table-ref' ? (f.name.parts[f.name.parts.length - 1] ?? null) : null);
    if (name === null) return;
    if (seen.has(name)) {
      throw failWithoutPosition('42712', `table name "${name}" specified more than once`);
    }
    seen.add(name);
  };
  items.forEach(visit);
}
