import type { Catalog, TableRef } from '../../../catalog/catalog.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Query, FromItem } from '../../sql/ast.js';
import { errorPosition } from '../../sql/position.js';
import { findSystemRelation } from '../../../catalog/system/system-relations.js';
import type { SystemRelation } from '../../../catalog/system/system-relation.js';

/** A FROM item's relation: a lake table from a catalog, or a system catalog relation. */
export type ResolvedTable =
  | { readonly kind: 'lake'; readonly table: TableRef }
  | { readonly kind: 'system'; readonly relation: SystemRelation };

/** Where unqualified names are looked up: the session's catalogs and search_path. */
export interface TableLookup {
  readonly catalogs: ReadonlyMap<string, Catalog>;
  readonly defaultCatalog: string;
  /** search_path's schemas, in order ("$user" already removed). */
  readonly searchPath: readonly string[];
}

/**
 * Loads the tables a query names before binding (catalogs are asynchronous,
 * binding is not): `table` via search_path, `ns.table` in the session's catalog,
 * `catalog.ns.table` anywhere. 42P01 `relation "x" does not exist` with position.
 */
export async function loadQueryTables(
  query: Query,
  lookup: TableLookup,
  text: string,
): Promise<Map<FromItem, ResolvedTable>> {
  const out = new Map<FromItem, ResolvedTable>();
  const body = query.body;
  if (body.kind !== 'select') return out;
  for (const item of body.from) {
    if (item.kind !== 'table-ref') continue;
    const parts = item.name.parts;
    const relation = findSystemRelation(parts);
    if (relation) {
      out.set(item, { kind: 'system', relation });
      continue;
    }
    const ref = await loadTable(parts, lookup);
    if (!ref) {
      throw new LakeError(SqlState.undefinedTable, `relation "${parts.join('.')}" does not exist`, {
        position: errorPosition(text, item.name.span.start),
      });
    }
    out.set(item, { kind: 'lake', table: ref });
  }
  return out;
}

async function loadTable(parts: readonly string[], lookup: TableLookup): Promise<TableRef | null> {
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
