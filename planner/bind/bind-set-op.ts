import { formatType, sameType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import { commonType } from '../../src/common/type-coercion.js';
import type { QueryBody, SetOperation } from '../../src/sql/ast.js';
import { ref } from '../plan/bound-expr.js';
import type { LogicalPlan, PlanColumn, SetOpNode } from '../plan/logical-plan.js';
import { failAt, type BindContext, type BoundRelation } from './bind-context.js';
import { coerceTo } from './coerce.js';

type BindBody = (body: QueryBody, ctx: BindContext, resolveUnknown: boolean) => BoundRelation;

const opName = (op: SetOperation['op']): string => op.toUpperCase();

/**
 * UNION / INTERSECT / EXCEPT [ALL] (docs §7.4, §10.5): both sides have the same number
 * of columns, each column pair meets at its common type (42804 `UNION types integer and
 * text cannot be matched`), and an input whose column differs is cast by a projection.
 * Outputs take the left's names and new ids. A chain of UNION ALL is one node.
 */
export function bindSetOperation(
  s: SetOperation,
  ctx: BindContext,
  resolveUnknown: boolean,
  bindBody: BindBody,
): BoundRelation {
  const branches = s.op === 'union' && s.all ? unionAllBranches(s) : [s.left, s.right];
  const bound = branches.map((b) => bindBody(b, ctx, false));
  const [first] = bound;
  const width = first?.columns.length ?? 0;
  bound.forEach((b, i) => {
    if (b.columns.length !== width) {
      throw failAt(
        ctx,
        branchStart(branches[i] ?? s.right),
        SqlState.syntaxError,
        `each ${opName(s.op)} query must have the same number of columns`,
      );
    }
  });
  const types = Array.from({ length: width }, (_, j) => {
    const all = bound.map((b) => b.columns[j]?.type ?? { kind: 'unknown' as const });
    const t = commonType(all);
    if (t === null) {
      // PostgreSQL points at the first branch's column that does not meet the others.
      const bad = all.findIndex((_, k) => commonType(all.slice(0, k + 1)) === null);
      const a = commonType(all.slice(0, bad)) ?? all[0];
      const b = all[bad];
      throw failAt(
        ctx,
        columnStart(branches[bad] ?? s.right, j),
        SqlState.datatypeMismatch,
        `${opName(s.op)} types ${a ? formatType(a) : ''} and ${b ? formatType(b) : ''} cannot be matched`,
      );
    }
    // An all-unknown column is text at the top, and stays unknown when an outer set operation unifies it.
    return !resolveUnknown && all.every((x) => x.kind === 'unknown') ? (all[0] ?? t) : t;
  });
  const inputs = bound.map((b, i) => castTo(b, types, ctx, branchStart(branches[i] ?? s.right)));
  const columns: PlanColumn[] = (first?.columns ?? []).map((c, j) => ({
    id: ctx.ids.next(),
    name: c.name,
    type: types[j] ?? c.type,
  }));
  const node: SetOpNode = { kind: 'set-op', op: s.op, all: s.all, inputs, columns };
  return { plan: node, columns };
}

/** The branches of `a UNION ALL b UNION ALL c` (left-deep in the AST), flattened. */
function unionAllBranches(s: SetOperation): QueryBody[] {
  const left =
    s.left.kind === 'set-operation' && s.left.op === 'union' && s.left.all
      ? unionAllBranches(s.left)
      : [s.left];
  return [...left, s.right];
}

/**
 * A branch's columns at the unified types. A NULL or quoted literal the branch selects
 * is converted in place, as PostgreSQL does (`SELECT 1 UNION SELECT 'a'` is 22P02);
 * other columns are cast by a projection over the branch.
 */
function castTo(
  b: BoundRelation,
  types: readonly PlanColumn['type'][],
  ctx: BindContext,
  at: number,
): LogicalPlan {
  const want = (j: number, c: PlanColumn): PlanColumn['type'] => types[j] ?? c.type;
  const fits = (cs: readonly PlanColumn[]): boolean =>
    cs.every((c, j) => sameType(c.type, want(j, c)));
  if (fits(b.columns)) return b.plan;
  let r = b;
  const p = b.plan;
  if (p.kind === 'project' && p.exprs.some((e) => e.type.kind === 'unknown')) {
    const exprs = p.exprs.map((e, j) =>
      e.type.kind === 'unknown' ? coerceTo(e, types[j] ?? e.type, ctx, at) : e,
    );
    const columns = p.columns.map((c, j) => ({ ...c, type: exprs[j]?.type ?? c.type }));
    r = { plan: { ...p, exprs, columns }, columns };
    if (fits(columns)) return r.plan;
  }
  return {
    kind: 'project',
    input: r.plan,
    exprs: r.columns.map((c, j) => coerceTo(ref(c.id, c.type), want(j, c), ctx, at)),
    columns: r.columns.map((c, j) => ({
      id: sameType(c.type, want(j, c)) ? c.id : ctx.ids.next(),
      name: c.name,
      type: want(j, c),
    })),
  };
}

/** Where PostgreSQL points for a branch's column j: that select item, else the branch. */
function columnStart(b: QueryBody, j: number): number {
  if (b.kind === 'select') return b.items[j]?.span.start ?? b.items[0]?.span.start ?? b.span.start;
  return b.span.start;
}

const branchStart = (b: QueryBody): number => columnStart(b, 0);
