import { pgType } from './pg-type.js';
import type { SystemRelation } from './system-relation.js';

const relations: ReadonlyMap<string, SystemRelation> = new Map([[pgType.name, pgType]]);

/**
 * The system relation a table name means, if any: `pg_catalog.x`, or a bare `x`, since
 * PostgreSQL searches pg_catalog before search_path (docs §5.9.5, "The System Catalog
 * Schema").
 */
export function findSystemRelation(parts: readonly string[]): SystemRelation | undefined {
  if (parts.length === 1) return relations.get(parts[0] ?? '');
  if (parts.length === 2 && parts[0] === 'pg_catalog') return relations.get(parts[1] ?? '');
  return undefined;
}
