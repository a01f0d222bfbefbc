import { formatType, sameType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type {
  CommonTableExpr,
  Query,
  QueryBody,
  SetOperation,
  TableRef,
} from '../../src/sql/ast.js';
import { ref } from '../plan/bound-expr.js';
import type { LogicalPlan, PlanColumn, RecursiveCteNode } from '../plan/logical-plan.js';
import {
  failAt,
  type BindContext,
  type BoundRelation,
  type CteBinding,
  type CteScope,
} from './bind-context.js';
import { coerceTo } from './coerce.js';

/** 42P19 (invalid_recursion), PostgreSQL's code for malformed recursive queries. */
const INVALID_RECURSION = '42P19';
/** 42712 (duplicate_alias): PostgreSQL rejects a WITH list naming one query twice. */
const DUPLICATE_ALIAS = '42712';

/**
 * A query's WITH list in scope: each CTE sees the ones before it, and in a WITH
 * RECURSIVE list every member sees all members (itself included).
 */
export function withCtes(list: readonly CommonTableExpr[], ctx: BindContext): CteScope | null {
  let scope = ctx.ctes;
  const recursive = list.some((c) => c.recursive);
  let all: CteScope | null = null;
  const seen = new Set<string>();
  for (const cte of list) {
    // Without this check the later definition silently shadowed the earlier one.
    if (seen.has(cte.name)) {
      throw failAt(
        ctx,
        cte.span,
        DUPLICATE_ALIAS,
        `WITH query name "${cte.name}" specified more than once`,
      );
    }
    seen.add(cte.name);
    const before = scope;
    const binding: CteBinding = {
      cte,
      visible: recursive ? () => all : () => before,
      scope: ctx.scope,
      workTable: null,
    };
    scope = { name: cte.name, binding, parent: scope };
  }
  all = scope;
  return scope;
}

const asQuery = (body: QueryBody, span: Query['span']): Query =>
  body.kind === 'query'
    ? body
    : {
        kind: 'query',
        span,
        with: [],
        body,
        orderBy: [],
        limit: null,
        offset: null,
        withTies: false,
      };

function definitionContext(b: CteBinding, ctx: BindContext, ctes: CteScope | null): BindContext {
  const { grouped: _g, windowed: _w, clause: _c, ...rest } = ctx;
  return { ...rest, scope: b.scope, ctes };
}

/** Names a CTE's output columns by its column list (42P10 when it lists too many). */
function named(
  cte: CommonTableExpr,
  columns: readonly PlanColumn[],
  ctx: BindContext,
): PlanColumn[] {
  if (cte.columns.length > columns.length) {
    throw failAt(
      ctx,
      cte.span,
      SqlState.invalidColumnReference,
      `WITH query "${cte.name}" has ${columns.length} columns available but ${cte.columns.length} columns specified`,
    );
  }
  return columns.map((c, i) => ({ ...c, name: cte.columns[i] ?? c.name }));
}

/**
 * A reference to a CTE: its query is bound afresh from the AST, so each reference has
 * its own column ids (the optimizer may share identical subplans later). A recursive
 * CTE becomes a RecursiveCteNode whose recursive term reads a WorkTableScanNode.
 */
export function bindCteRef(b: CteBinding, item: TableRef, ctx: BindContext): BoundRelation {
  const { cte } = b;
  if (b.anchorOnly) {
    throw failAt(
      ctx,
      item.span,
      INVALID_RECURSION,
      `recursive reference to query "${cte.name}" must not appear within its non-recursive term`,
    );
  }
  if (b.workTable) {
    const columns = b.workTable.columns.map((c) => ({ id: ctx.ids.next(), ...c }));
    return { plan: { kind: 'work-table-scan', cteId: b.workTable.cteId, columns }, columns };
  }
  const def = definitionContext(b, ctx, b.visible());
  if (cte.recursive && refersTo(cte.query, cte.name)) return bindRecursive(b, def);
  const r = ctx.bindSubquery(cte.query, def);
  return { plan: r.plan, columns: named(cte, r.columns, ctx) };
}

function bindRecursive(b: CteBinding, def: BindContext): BoundRelation {
  const { cte } = b;
  const body = cte.query.body;
  // A self-reference in the anchor is reported when the anchor is bound (anchorOnly).
  if (body.kind !== 'set-operation' || body.op !== 'union') {
    throw failAt(
      def,
      cte.span,
      INVALID_RECURSION,
      `recursive query "${cte.name}" does not have the form non-recursive-term UNION [ALL] recursive-term`,
    );
  }
  const shadow = (binding: Partial<CteBinding>): BindContext => ({
    ...def,
    ctes: { name: cte.name, binding: { ...b, ...binding }, parent: def.ctes },
  });
  const anchor = def.bindSubquery(asQuery(body.left, cte.span), shadow({ anchorOnly: true }));
  const columns = named(cte, anchor.columns, def);
  const cteId = def.ids.cte();
  const workTable = { cteId, columns: columns.map((c) => ({ name: c.name, type: c.type })) };
  const rec = def.bindSubquery(asQuery(body.right, cte.span), shadow({ workTable }));
  const out = columns.map((c) => ({ id: def.ids.next(), name: c.name, type: c.type }));
  const node: RecursiveCteNode = {
    kind: 'recursive-cte',
    cteId,
    anchor: anchor.plan,
    recursive: matchAnchor(rec, columns, body, cte.name, def),
    distinct: !body.all,
    columns: out,
  };
  return { plan: node, columns: out };
}

/** The recursive term's columns at the anchor's types; unknown literals take them, other mismatches are 42804. */
function matchAnchor(
  rec: BoundRelation,
  anchor: readonly PlanColumn[],
  body: SetOperation,
  name: string,
  ctx: BindContext,
): LogicalPlan {
  if (rec.columns.length !== anchor.length) {
    throw failAt(
      ctx,
      body.right.span,
      SqlState.syntaxError,
      'each UNION query must have the same number of columns',
    );
  }
  if (rec.columns.every((c, i) => sameType(c.type, anchor[i]?.type ?? c.type))) return rec.plan;
  const exprs = rec.columns.map((c, i) => {
    const want = anchor[i]?.type ?? c.type;
    if (sameType(c.type, want)) return ref(c.id, c.type);
    if (c.type.kind !== 'unknown' && c.type.kind !== 'text') {
      throw failAt(
        ctx,
        body.right.span,
        SqlState.datatypeMismatch,
        `recursive query "${name}" column ${i + 1} has type ${formatType(want)} in non-recursive term but type ${formatType(c.type)} overall`,
      );
    }
    return coerceTo(ref(c.id, c.type), want, ctx, body.right.span.start);
  });
  return {
    kind: 'project',
    input: rec.plan,
    exprs,
    columns: rec.columns.map((c, i) => ({
      ...c,
      id: ctx.ids.next(),
      type: anchor[i]?.type ?? c.type,
    })),
  };
}

/** Whether a query names `name` as a one-part table anywhere (a CTE's self-reference). */
function refersTo(node: unknown, name: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  const t = node as { kind?: unknown; name?: { parts?: readonly string[] } };
  if (t.kind === 'table-ref') {
    const parts = t.name?.parts ?? [];
    return parts.length === 1 && parts[0] === name;
  }
  return Object.values(node).some((v) => refersTo(v, name));
}
