import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import { andAll, conjuncts, substituteRefs } from '../plan/expr-visit.js';
import type {
  JoinNode,
  LogicalPlan,
  ProjectNode,
  TableFunctionNode,
} from '../plan/logical-plan.js';
import { filter, join } from '../plan/plan-factories.js';
import { transformUp } from '../plan/plan-visit.js';
import { peelCorrelation } from './decorrelate-scalar.js';

/**
 * A LATERAL join (JoinNode.lateral) whose right side reads the left only through
 * filter conjuncts on top of it (`LATERAL (SELECT y FROM u WHERE u.x = t.a) s`)
 * becomes a plain join on those conjuncts, so it runs as one hash or nested-loop join
 * instead of once per left row. The right side's projections (and an ORDER BY without
 * LIMIT, which a join does not keep anyway) move above the join, passing the left's
 * columns through. A LEFT join qualifies only when those projections merely rename
 * the right side's columns: anything computed (`SELECT t.a`, `SELECT 1`) would not be
 * NULL on a padded row. A LIMIT, an aggregate or correlation anywhere deeper keeps
 * the dependent join.
 */
export function decorrelateLateral(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) =>
    node.kind === 'join' && node.lateral === true ? flatten(node) : undefined,
  );
}

function flatten(n: JoinNode): LogicalPlan | undefined {
  if (n.joinType !== 'inner' && n.joinType !== 'cross' && n.joinType !== 'left') return undefined;
  if (n.right.kind === 'table-function') return intoFunction(n, n.right);
  const outer = new Set(n.left.columns.map((c) => c.id));
  const projects: ProjectNode[] = []; // outermost first
  let p: LogicalPlan = n.right;
  while (p.kind === 'project' || p.kind === 'sort') {
    if (p.kind === 'project') projects.push(p);
    p = p.input;
  }
  const corr = peelCorrelation(p, outer);
  if (!corr) return undefined;
  if (n.joinType === 'left') return flattenLeft(n, projects, corr.body, corr.conds, outer);
  let out: LogicalPlan = join('inner', n.left, corr.body, andAll(corr.conds));
  for (const proj of [...projects].reverse()) out = passLeft(out, proj, n);
  return n.condition ? filter(out, n.condition) : out;
}

/**
 * `t [CROSS] JOIN LATERAL unnest(t.arr) u ON c`: the function takes the left side as
 * its input and runs once per row of it, vectorised (table-function.ts), instead of
 * as a subquery per distinct outer tuple; the ON condition filters above. A LEFT join
 * keeps the dependent join, which pads a left row whose call returns no rows.
 */
function intoFunction(n: JoinNode, fn: TableFunctionNode): LogicalPlan | undefined {
  if (n.joinType === 'left' || fn.input !== null) return undefined;
  const node: TableFunctionNode = {
    ...fn,
    input: n.left,
    columns: [...n.left.columns, ...fn.columns],
  };
  return n.condition ? filter(node, n.condition) : node;
}

/** LEFT JOIN LATERAL over renaming projections: the ON condition reads the right's columns through them. */
function flattenLeft(
  n: JoinNode,
  projects: readonly ProjectNode[],
  body: LogicalPlan,
  conds: readonly BoundExpr[],
  outer: ReadonlySet<ColumnId>,
): LogicalPlan | undefined {
  const renames = new Map<ColumnId, BoundExpr>();
  for (const proj of [...projects].reverse()) {
    for (const [i, e] of proj.exprs.entries()) {
      if (e.kind !== 'ref' || outer.has(e.id)) return undefined;
      const c = proj.columns[i];
      if (c && c.id !== e.id) renames.set(c.id, renames.get(e.id) ?? e);
    }
  }
  const on = conjuncts(n.condition).map((c) => substituteRefs(c, renames));
  let out: LogicalPlan = join('left', n.left, body, andAll([...conds, ...on]));
  for (const proj of [...projects].reverse()) out = passLeft(out, proj, n);
  return out;
}

/** `proj` over the joined rows, the left side's columns passed through in front. */
function passLeft(input: LogicalPlan, proj: ProjectNode, n: JoinNode): ProjectNode {
  const left = n.left.columns;
  return {
    kind: 'project',
    input,
    exprs: [
      ...left.map((c): BoundExpr => ({ kind: 'ref', id: c.id, type: c.type })),
      ...proj.exprs,
    ],
    columns: [...left, ...proj.columns],
  };
}
