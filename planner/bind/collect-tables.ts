import type { Catalog, TableRef as CatalogTable } from '../../catalog/catalog.js';
import { findSystemRelation } from '../../catalog/system/system-relations.js';
import type { SystemRelation } from '../../catalog/system/system-relation.js';
import { LakeError } from '../../src/common/errors.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { FromItem, Query, QueryBody, TableRef } from '../../src/sql/ast.js';
import { errorPosition } from '../../src/sql/position.js';

/** A FROM item's relation: a lake table from a catalog, or a system catalog relation. */
export type ResolvedTable =
  | { readonly kind: 'lake'; readonly table: CatalogTable }
  | { readonly kind: 'system'; readonly relation: SystemRelation };

/** Each table reference of a statement (by AST node) and what it names; CTE references are absent. */
export type BoundTables = ReadonlyMap<TableRef, ResolvedTable>;

/** Where unqualified names are looked up: the session's catalogs and search_path. */
export interface TableLookup {
  readonly catalogs: ReadonlyMap<string, Catalog>;
  readonly defaultCatalog: string;
  /** search_path's schemas, in order ("$user" already removed). */
  readonly searchPath: readonly string[];
}

/** CTE names in scope while walking: a persistent list, innermost first. */
interface Names {
  readonly name: string;
  readonly parent: Names | null;
}

const has = (names: Names | null, name: string): boolean => {
  for (let n = names; n; n = n.parent) if (n.name === name) return true;
  return false;
};

/**
 * Loads every table a statement names before binding (catalogs are asynchronous,
 * binding is not): in CTEs, FROM subqueries, joins, set operations and subqueries in
 * expressions. `table` goes through system relations then search_path, `ns.table` the
 * session's catalog, `catalog.ns.table` that catalog. A one-part name that is a CTE in
 * scope is no table. 42P01 `relation "x" does not exist` at the first unknown name.
 */
export async function collectTables(
  stmt: Query,
  lookup: TableLookup,
  text: string,
): Promise<BoundTables> {
  const refs: TableRef[] = [];
  walkQuery(stmt, null, refs);
  const resolved = await Promise.all(refs.map((r) => resolve(r, lookup)));
  const out = new Map<TableRef, ResolvedTable>();
  refs.forEach((r, i) => {
    const table = resolved[i];
    if (!table) {
      throw new LakeError(
        SqlState.undefinedTable,
        `relation "${r.name.parts.join('.')}" does not exist`,
        { position: errorPosition(text, r.name.span.start) },
      );
    }
    out.set(r, table);
  });
  return out;
}

async function resolve(r: TableRef, lookup: TableLookup): Promise<ResolvedTable | null> {
  const relation = findSystemRelation(r.name.parts);
  if (relation) return { kind: 'system', relation };
  const table = await loadTable(r.name.parts, lookup);
  return table ? { kind: 'lake', table } : null;
}

async function loadTable(
  parts: readonly string[],
  lookup: TableLookup,
): Promise<CatalogTable | null> {
  const name = parts[parts.length - 1] ?? '';
  if (parts.length > 3) return null;
  const catalog = lookup.catalogs.get(
    parts.length === 3 ? (parts[0] ?? '') : lookup.defaultCatalog,
  );
  if (!catalog) return null;
  const namespaces = parts.length === 1 ? lookup.searchPath : [parts[parts.length - 2] ?? ''];
  for (const namespace of namespaces) {
    const ref = await catalog.loadTable({ namespace, name });
    if (ref) return ref;
  }
  return null;
}

function walkQuery(q: Query, outer: Names | null, refs: TableRef[]): void {
  let names = outer;
  const recursive = q.with.some((c) => c.recursive);
  // WITH RECURSIVE makes every name of the list visible in every member; plain WITH only earlier ones.
  if (recursive) for (const c of q.with) names = { name: c.name, parent: names };
  for (const c of q.with) {
    walkQuery(c.query, names, refs);
    if (!recursive) names = { name: c.name, parent: names };
  }
  walkBody(q.body, names, refs);
  walkExprs([q.orderBy, q.limit, q.offset], names, refs);
}

function walkBody(body: QueryBody, names: Names | null, refs: TableRef[]): void {
  switch (body.kind) {
    case 'select':
      for (const f of body.from) walkFrom(f, names, refs);
      walkExprs([body.items, body.where, body.groupBy, body.having, body.windows], names, refs);
      return;
    case 'values':
      walkExprs(body.rows, names, refs);
      return;
    case 'set-operation':
      walkBody(body.left, names, refs);
      walkBody(body.right, names, refs);
      return;
    case 'query':
      walkQuery(body, names, refs);
      return;
  }
}

function walkFrom(f: FromItem, names: Names | null, refs: TableRef[]): void {
  switch (f.kind) {
    case 'table-ref':
      if (!(f.name.parts.length === 1 && has(names, f.name.parts[0] ?? ''))) refs.push(f);
      return;
    case 'subquery-ref':
      walkQuery(f.query, names, refs);
      return;
    case 'join':
      walkFrom(f.left, names, refs);
      walkFrom(f.right, names, refs);
      walkExprs(f.on, names, refs);
      return;
    case 'table-function':
      walkExprs(f.call, names, refs);
      return;
  }
}

/** Finds the queries nested anywhere in expressions (scalar, EXISTS and IN subqueries). */
function walkExprs(node: unknown, names: Names | null, refs: TableRef[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) walkExprs(x, names, refs);
    return;
  }
  if ((node as { kind?: unknown }).kind === 'query') {
    walkQuery(node as Query, names, refs);
    return;
  }
  for (const v of Object.values(node)) walkExprs(v, names, refs);
}
