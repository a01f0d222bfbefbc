import type { BoundTables, ResolvedTable } from '../../planner/bind/collect-tables.js';
import type { SqlType } from '../common/sql-types.js';
import type { PreparedQuery } from './session-core.js';

/** What a cached plan answers: the plan and the parameter types binding inferred. */
export interface CachedPlan {
  readonly query: PreparedQuery;
  readonly paramTypes: readonly (SqlType | undefined)[];
}

const CAPACITY = 256;

/** A resolved table as binding saw it: identity and schema (a changed table gets a new key). */
function relationKey(t: ResolvedTable): string {
  return t.kind === 'system'
    ? `system:${t.relation.name}`
    : JSON.stringify([
        t.table.catalog,
        t.table.ident,
        t.table.location,
        t.table.metadataLocation ?? null,
        t.table.columns,
        t.table.partitionKeys,
      ]);
}

/**
 * A session's bound and optimized plans by statement text, so a repeated query (the
 * simple protocol re-sends its text every time) skips binding and optimizing. The key
 * holds everything binding reads besides the text: the parameter types the client
 * gave, the time zone (timestamp literals) and each resolved table's identity and
 * schema as the catalog returned it this time, so a table that changed is re-bound.
 */
export class PlanCache {
  private readonly entries = new Map<string, CachedPlan>();

  static key(
    text: string,
    paramTypes: readonly (SqlType | undefined)[],
    timeZone: string,
    tables: BoundTables,
  ): string {
    // Built per statement, so the common case (no parameters, no tables) is plain
    // concatenation. Each part but the text is length-prefixed, so no two different
    // inputs give the same key whatever the text holds.
    const params = paramTypes.length === 0 ? '' : JSON.stringify(paramTypes);
    const relations =
      tables.size === 0 ? '' : JSON.stringify([...tables.values()].map(relationKey));
    return `${timeZone.length}:${timeZone}${params.length}:${params}${relations.length}:${relations}${text}`;
  }

  get(key: string): CachedPlan | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, plan: CachedPlan): void {
    this.entries.set(key, plan);
    if (this.entries.size > CAPACITY) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
