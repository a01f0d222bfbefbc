import { formatType, Types } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { commonType } from '../../src/common/type-coercion.js';
import type { FromItem, JoinRef } from '../../src/sql/ast.js';
import { call, ref, type BoundExpr } from '../plan/bound-expr.js';
import type { JoinNode, JoinType, LogicalPlan, PlanColumn } from '../plan/logical-plan.js';
import { freeRefs } from '../plan/plan-visit.js';
import { failAt, failWithoutPosition, type BindContext } from './bind-context.js';
import { bindCondition } from './bind-expr.js';
import type { BoundFrom } from './bind-from.js';
import { coerceTo } from './coerce.js';
import type { Scope, ScopeColumn } from './scope.js';

type BindItem = (item: FromItem, ctx: BindContext, lateral: Scope | null) => BoundFrom;

/** A join of two FROM items; a dependent (LATERAL) one when the right side reads the left's columns. */
function joinNode(
  joinType: JoinType,
  left: LogicalPlan,
  right: LogicalPlan,
  condition: BoundExpr | null,
): JoinNode {
  const leftIds = new Set(left.columns.map((c) => c.id));
  const lateral = [...freeRefs(right)].some((id) => leftIds.has(id));
  return {
    kind: 'join',
    joinType,
    left,
    right,
    condition,
    nullAware: false,
    markId: null,
    buildSide: 'right',
    ...(lateral ? { lateral } : {}),
    columns: [...left.columns, ...right.columns],
  };
}

/** `a, b`: a cross join. */
export function crossJoin(left: BoundFrom, right: BoundFrom, _ctx: BindContext): BoundFrom {
  return {
    plan: joinNode('cross', left.plan, right.plan, null),
    columns: [...left.columns, ...right.columns],
  };
}

/**
 * `a [INNER|LEFT|RIGHT|FULL|CROSS] JOIN b [ON c | USING (x, ...)]` (docs §7.2.1.1).
 * The ON condition sees both sides. USING compares the named columns at their
 * common type and merges each pair into one column that `*` and a bare name see
 * (first, before the sides' other columns): the left's for INNER and LEFT, the
 * right's for RIGHT, COALESCE of both for FULL; `a.x` and `b.x` stay addressable.
 * NATURAL is USING over the common column names. `lateral` is what a LATERAL item
 * inside may read besides the left side (earlier FROM items, the enclosing query).
 */
export function bindJoin(
  item: JoinRef,
  ctx: BindContext,
  bindItem: BindItem,
  lateral: Scope | null,
): BoundFrom {
  const left = bindItem(item.left, ctx, lateral);
  // A LATERAL item on the right sees the left side too, except that a RIGHT or FULL
  // join may not run its right side per left row (42P10 on such a reference).
  const refused = item.type === 'right' || item.type === 'full';
  const rightSees: Scope = {
    columns: left.columns,
    parent: lateral ?? ctx.scope,
    ...(refused ? { lateralRefused: true } : {}),
  };
  const right = bindItem(item.right, ctx, rightSees);
  const both = [...left.columns, ...right.columns];
  if (item.type === 'cross') return crossJoin(left, right, ctx);
  if (item.using) return bindUsing(item, item.using, left, right, ctx);
  if (item.natural) return bindUsing(item, commonNames(left, right), left, right, ctx);
  const scoped: BindContext = {
    ...ctx,
    scope: { columns: both, parent: ctx.scope },
    clause: 'JOIN conditions',
  };
  const condition = item.on ? bindCondition(item.on, scoped, 'JOIN/ON') : null;
  return {
    plan: joinNode(condition ? item.type : 'cross', left.plan, right.plan, condition),
    columns: both,
  };
}

/**
 * NATURAL JOIN's USING list: the column names both sides have, in the left side's
 * order (PostgreSQL's transformFromClauseItem); none makes it a join on TRUE.
 */
function commonNames(left: BoundFrom, right: BoundFrom): string[] {
  const rightNames = new Set(right.columns.filter((c) => c.unqualified).map((c) => c.name));
  const names = left.columns.filter((c) => c.unqualified && rightNames.has(c.name));
  return [...new Set(names.map((c) => c.name))];
}

function usingColumn(side: BoundFrom, name: string, which: string): ScopeColumn {
  const found = side.columns.filter((c) => c.unqualified && c.name === name);
  if (found.length > 1) {
    throw failWithoutPosition(
      SqlState.ambiguousColumn,
      `common column name "${name}" appears more than once in ${which} table`,
    );
  }
  const [c] = found;
  if (!c) {
    throw failWithoutPosition(
      SqlState.undefinedColumn,
      `column "${name}" specified in USING clause does not exist in ${which} table`,
    );
  }
  return c;
}

function bindUsing(
  item: JoinRef,
  names: readonly string[],
  left: BoundFrom,
  right: BoundFrom,
  ctx: BindContext,
): BoundFrom {
  const pairs = names.map((name) => {
    const l = usingColumn(left, name, 'left');
    const r = usingColumn(right, name, 'right');
    const t = commonType([l.type, r.type]);
    if (t === null) {
      throw failAt(
        ctx,
        item.span,
        SqlState.datatypeMismatch,
        `JOIN/USING types ${formatType(l.type)} and ${formatType(r.type)} cannot be matched`,
      );
    }
    const lx = coerceTo(ref(l.id, l.type), t, ctx, item.span.start);
    const rx = coerceTo(ref(r.id, r.type), t, ctx, item.span.start);
    const merged: BoundExpr =
      item.type === 'full'
        ? { kind: 'coalesce', type: t, args: [lx, rx] }
        : item.type === 'right'
          ? rx
          : lx;
    return { name, l, r, eq: call('=', Types.bool, [lx, rx]), merged };
  });
  const [first, ...rest] = pairs.map((p) => p.eq);
  const condition: BoundExpr | null =
    first === undefined
      ? null
      : rest.length === 0
        ? first
        : { kind: 'and', type: Types.bool, args: [first, ...rest] };
  let plan: LogicalPlan = joinNode(item.type, left.plan, right.plan, condition);
  const computed: { expr: BoundExpr; column: PlanColumn }[] = [];
  const mergedScope = pairs.map((p): ScopeColumn => {
    const source = item.type === 'right' ? p.r : p.l;
    if (p.merged.kind === 'ref') return { ...source, qualifier: null, unqualified: true };
    const column = { id: ctx.ids.next(), name: p.name, type: p.merged.type };
    computed.push({ expr: p.merged, column });
    return { id: column.id, name: p.name, qualifier: null, type: column.type, unqualified: true };
  });
  if (computed.length > 0) {
    plan = {
      kind: 'project',
      input: plan,
      exprs: [...plan.columns.map((c) => ref(c.id, c.type)), ...computed.map((c) => c.expr)],
      columns: [...plan.columns, ...computed.map((c) => c.column)],
    };
  }
  const usedIds = new Set(pairs.flatMap((p) => [p.l.id, p.r.id]));
  const side = (cs: readonly ScopeColumn[]): ScopeColumn[] =>
    cs.map((c) => (usedIds.has(c.id) ? { ...c, unqualified: false } : c));
  return { plan, columns: [...mergedScope, ...side(left.columns), ...side(right.columns)] };
}
