import type { BoundExpr, ColumnId } from '../plan/bound-expr.js';
import {
  andAll,
  conjuncts,
  exprChildren,
  exprEquals,
  hasSubquery,
  isVolatile,
  refsOf,
} from '../plan/expr-visit.js';
import type { JoinNode, LogicalPlan } from '../plan/logical-plan.js';
import { transformUp } from '../plan/plan-visit.js';
import { factorOr } from './factor-or-conjuncts.js';

/**
 * From an OR spanning several join inputs, derives for each input R the implied
 * predicate over R alone (DuckDB, Trino; Spark's PushExtraPredicateThroughJoin):
 * `(n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')` implies
 * `n1 = 'FRANCE' OR n1 = 'GERMANY'`, which pushdown then moves onto n1's scan. TPC-H
 * Q7 and Q19 need this: without it their nations and parts reach the top join whole,
 * and no dynamic filter can shrink the big tables below.
 *
 * The derived conjunct is added beside the OR, which stays: it is implied, not
 * equivalent. Adding an implied conjunct changes neither a filter nor a join's set of
 * matching pairs (a row passes `P AND D` exactly when it passes `P`); only NULL versus
 * false may differ, which mark and null-aware joins output, so they are left alone.
 * For a join's ON, only inputs of the side a failed match discards are used (both for
 * inner joins; the right for left, semi, anti and single; the left for right joins):
 * a conjunct on the preserved side could not move down anyway.
 */
export function deriveOrFilters(plan: LogicalPlan): LogicalPlan {
  return transformUp(plan, (node) => {
    if (node.kind === 'filter') {
      const predicate = withDerived(node.predicate, relations(node.input));
      return predicate === node.predicate ? undefined : { ...node, predicate };
    }
    if (node.kind !== 'join' || node.condition === null) return undefined;
    const rels = onRelations(node);
    if (rels.length === 0) return undefined;
    const condition = withDerived(node.condition, rels);
    return condition === node.condition ? undefined : { ...node, condition };
  });
}

/** At most this many derived conjuncts per node, each at most this many expression nodes. */
const MAX_DERIVED = 8;
const MAX_NODES = 256;

type Relation = ReadonlySet<ColumnId>;

/** The inputs of the inner-join tree under a node, each as the column ids it outputs. */
function relations(plan: LogicalPlan, into: Relation[] = []): Relation[] {
  if (plan.kind === 'filter') return relations(plan.input, into);
  if (plan.kind === 'join' && (plan.joinType === 'inner' || plan.joinType === 'cross')) {
    if (!plan.lateral) {
      relations(plan.left, into);
      return relations(plan.right, into);
    }
  }
  const out = new Set(plan.columns.map((c) => c.id));
  if (plan.kind === 'project') {
    // A passed-through column keeps its id, so the inputs below stay visible (FROM
    // subqueries, views) as far as the projection outputs them.
    for (const r of relations(plan.input)) {
      const kept = new Set([...r].filter((id) => out.has(id)));
      if (kept.size > 0) into.push(kept);
    }
    return into;
  }
  into.push(out);
  return into;
}

/** The relations a join's ON may usefully derive for (see deriveOrFilters). */
function onRelations(n: JoinNode): Relation[] {
  if (n.lateral || n.nullAware) return [];
  switch (n.joinType) {
    case 'inner':
    case 'cross':
      return [...relations(n.left), ...relations(n.right)];
    case 'left':
    case 'semi':
    case 'anti':
    case 'single':
      return relations(n.right);
    case 'right':
      return relations(n.left);
    case 'full':
    case 'mark':
      return [];
  }
}

/** `predicate` with the conjuncts derived from its ORs appended (itself when none). */
function withDerived(predicate: BoundExpr, rels: readonly Relation[]): BoundExpr {
  const present = conjuncts(predicate);
  const added: BoundExpr[] = [];
  for (const c of present) {
    if (c.kind !== 'or' || hasSubquery(c) || isVolatile(c)) continue;
    const refs = refsOf(c);
    // An OR over one relation already moves down whole.
    if (rels.some((r) => within(refs, r))) continue;
    for (const r of rels) {
      if (![...refs].some((id) => r.has(id))) continue;
      const part = restrict(c, r);
      if (part === null || size(part) > MAX_NODES) continue;
      for (const d of conjuncts(factorOr(part) ?? part)) {
        if (added.length >= MAX_DERIVED) break;
        const known = (x: BoundExpr): boolean => exprEquals(x, d);
        if (!present.some(known) && !added.some(known)) added.push(d);
      }
    }
  }
  return added.length === 0 ? predicate : (andAll([...present, ...added]) ?? predicate);
}

/**
 * An expression over `r`'s columns only that `e` implies (true whenever `e` is), or
 * null when there is none but TRUE. AND keeps its restricted conjuncts, OR needs
 * every branch restricted, anything else must read only `r`.
 */
function restrict(e: BoundExpr, r: Relation): BoundExpr | null {
  if (e.kind === 'and') {
    const parts = e.args.map((a) => restrict(a, r)).filter((p): p is BoundExpr => p !== null);
    return andAll(parts);
  }
  if (e.kind === 'or') {
    const parts: BoundExpr[] = [];
    for (const a of e.args) {
      const p = restrict(a, r);
      if (p === null) return null;
      parts.push(p);
    }
    return { kind: 'or', type: e.type, args: parts };
  }
  const refs = refsOf(e);
  return refs.size > 0 && within(refs, r) ? e : null;
}

const within = (refs: ReadonlySet<ColumnId>, r: Relation): boolean =>
  [...refs].every((id) => r.has(id));

function size(e: BoundExpr): number {
  let n = 1;
  for (const c of exprChildren(e)) n += size(c);
  return n;
}
