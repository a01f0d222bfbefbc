import type { TableRef } from '../../../catalog/catalog.js';
import type { SqlType } from '../../common/sql-types.js';
import type { AggregateSpec } from '../../exec/aggregate-functions.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import type { ResultColumn } from '../query-engine.js';
import type { SystemRelation } from '../../../catalog/system/system-relation.js';

/**
 * The small engine's plan of one SELECT: a fixed pipeline
 * source → filter → aggregate → having → project → sort → offset/limit,
 * each stage optional. Plain data; issue 3's planner replaces it.
 */
export type QuerySource =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'table';
      readonly table: TableRef;
      /** Columns read from the scan, in scope order. */
      readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
    }
  | { readonly kind: 'system'; readonly relation: SystemRelation }
  | {
      readonly kind: 'series';
      readonly type: SqlType;
      readonly start: BoundExpr;
      readonly stop: BoundExpr;
      readonly step: BoundExpr | null;
    };

export interface SortKey {
  /** Index into `projections`. */
  readonly index: number;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export interface QueryPlan {
  readonly source: QuerySource;
  readonly filter: BoundExpr | null;
  readonly aggregate: {
    readonly keys: readonly BoundExpr[];
    readonly aggregates: readonly AggregateSpec[];
  } | null;
  readonly having: BoundExpr | null;
  /** The output columns first, then hidden sort keys. */
  readonly projections: readonly BoundExpr[];
  readonly sort: readonly SortKey[];
  readonly limit: BoundExpr | null;
  readonly offset: BoundExpr | null;
  readonly columns: readonly ResultColumn[];
}
