import type { Expr, OrderItem, Select } from '../../src/sql/ast.js';
import type { AggregateNode, LogicalPlan, ProjectNode, SortKey } from '../plan/logical-plan.js';
import { ref } from '../plan/bound-expr.js';
import { failAt, type BindContext, type BoundRelation } from './bind-context.js';
import { bindCondition } from './bind-expr.js';
import { bindDistinctOn, firstPerGroup } from './bind-distinct-on.js';
import { bindFromList } from './bind-from.js';
import { containsAggregate, Grouping } from './bind-grouping.js';
import { bindSelectOrderBy } from './bind-order-by.js';
import { bindSelectList } from './bind-select-list.js';
import { WindowCalls } from './bind-window.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { ScopeColumn } from './scope.js';

/** The one empty row a FROM-less SELECT reads. */
const oneRow = (): LogicalPlan => ({ kind: 'values', rows: [[]], columns: [] });

/**
 * A SELECT (docs §7, SELECT "Description"): FROM → WHERE → GROUP BY/aggregates →
 * HAVING → windows → [DISTINCT ON] → [ORDER BY] → select list → DISTINCT [→ ORDER BY]. `orderBy` is
 * the enclosing query's, since it may name input columns the select list drops; the
 * plan's columns are exactly the select list's.
 */
export function bindSelect(
  select: Select,
  ctx: BindContext,
  orderBy: readonly OrderItem[],
  resolveUnknown: boolean,
): BoundRelation {
  const from = bindFromList(select.from, ctx);
  const columns: readonly ScopeColumn[] = from?.columns ?? [];
  const base: BindContext = { ...ctx, scope: { columns, parent: ctx.scope } };
  let plan = from?.plan ?? oneRow();
  if (select.where) {
    const predicate = bindCondition(select.where, { ...base, clause: 'WHERE' }, 'WHERE');
    plan = { kind: 'filter', input: plan, predicate, columns: plan.columns };
  }
  const grouped =
    select.groupBy.length > 0 ||
    select.having !== null ||
    containsAggregate(select.items, base) ||
    containsAggregate(
      orderBy.map((o) => o.expr),
      base,
    );
  const grouping = grouped ? new Grouping(groupKeys(select, columns, base), base) : null;
  const windows = new WindowCalls(select.windows, ctx.ids);
  const post = (clause: string, windowed: boolean): BindContext => {
    const c = grouping ? grouping.context(clause, base) : { ...base, clause };
    return windowed ? { ...c, windowed: windows.bind } : c;
  };
  const outputs = bindSelectList(select, columns, post('SELECT', true), grouping, resolveUnknown);
  const having = select.having
    ? bindCondition(select.having, post('HAVING', false), 'HAVING')
    : null;
  const targets = outputs.map((o) => ({ name: o.name, expr: o.expr, column: o.column }));
  // DISTINCT ON keeps whole rows (a row number below the projection), so it sorts as a plain SELECT.
  const distinctOn = select.distinctOn.length > 0;
  const distinct = select.distinct && !distinctOn;
  const keys = bindSelectOrderBy(orderBy, targets, post('ORDER BY', true), distinct);
  const onKeys = distinctOn
    ? bindDistinctOn(select.distinctOn, keys, targets, post('DISTINCT ON', true))
    : null;
  if (grouping) plan = grouping.node(plan);
  if (having) plan = { kind: 'filter', input: plan, predicate: having, columns: plan.columns };
  plan = windows.node(plan);
  if (onKeys) plan = firstPerGroup(plan, onKeys, keys, ctx);
  if (!distinct) plan = sorted(plan, keys);
  const project: ProjectNode = {
    kind: 'project',
    input: plan,
    exprs: outputs.map((o) => o.expr),
    columns: outputs.map((o) => o.column),
  };
  plan = project;
  if (distinct) plan = sorted(distinctRows(project), keys);
  return { plan, columns: project.columns };
}

function sorted(plan: LogicalPlan, keys: readonly SortKey[]): LogicalPlan {
  return keys.length === 0 ? plan : { kind: 'sort', input: plan, keys, columns: plan.columns };
}

/** SELECT DISTINCT: grouping by every output, no aggregates; the outputs keep their ids. */
function distinctRows(input: ProjectNode): AggregateNode {
  return {
    kind: 'aggregate',
    input,
    keys: input.columns.map((c) => ref(c.id, c.type)),
    aggregates: [],
    groupingSets: null,
    partial: false,
    columns: input.columns,
  };
}

/**
 * GROUP BY keys with PostgreSQL's shorthands resolved (docs, SELECT "GROUP BY Clause"): an
 * integer is a select-list position, and a bare name that is no input column is an output
 * column's alias; either stands for that select item's expression.
 */
function groupKeys(select: Select, scope: readonly ScopeColumn[], ctx: BindContext): Expr[] {
  // Inside ROLLUP / CUBE / GROUPING SETS each element resolves the same way (PostgreSQL's
  // transformGroupClauseExpr runs per element); before, `ROLLUP (alias)` answered 42703.
  const resolve = (key: Expr): Expr =>
    key.kind === 'grouping-sets'
      ? { ...key, sets: key.sets.map((set) => set.map(resolve)) }
      : groupKey(key, select, scope, ctx);
  return select.groupBy.map(resolve);
}

function groupKey(
  key: Expr,
  select: Select,
  scope: readonly ScopeColumn[],
  ctx: BindContext,
): Expr {
  if (key.kind === 'literal' && key.value.type === 'integer') {
    const n = Number(key.value.text);
    const item = select.items[n - 1];
    if (!item || item.expr.kind === 'star') {
      throw failAt(
        ctx,
        key.span,
        SqlState.invalidColumnReference,
        `GROUP BY position ${n} is not in select list`,
      );
    }
    return item.expr;
  }
  if (key.kind === 'column' && key.name.parts.length === 1) {
    const name = key.name.parts[0];
    const isInput = scope.some((c) => c.unqualified && c.name === name);
    const aliased = select.items.find((i) => i.alias === name);
    if (!isInput && aliased) return aliased.expr;
  }
  return key;
}
