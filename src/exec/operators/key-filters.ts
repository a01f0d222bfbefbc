import type { BoundExpr, ColumnId } from '../../../planner/plan/bound-expr.js';
import type {
  AggregateNode,
  JoinNode,
  LogicalPlan,
  ScanNode,
} from '../../../planner/plan/logical-plan.js';
import { Types, type SqlType } from '../../common/sql-types.js';
import type { HashKey } from '../hash-keys.js';
import { type KeyMembership, keyMembership } from './key-membership.js';

/**
 * Dynamic filtering (Trino's name for it): once a hash join has built its table, the
 * probe side's rows whose key is not in it can only be dropped, so the join tells the
 * scan the key column comes from which keys can match, before that scan opens (a
 * join builds before it pulls its probe side). The scan then prunes row groups on the
 * keys' range and the workers drop non-matching rows before they cross threads:
 * TPC-H Q9's lineitem scan sends on only the rows of the 5% of parts that are green.
 */
export interface KeyFilter {
  readonly min: number;
  readonly max: number;
  /** Which keys pass, when that tests better than the range alone (key-membership.ts). */
  readonly keys: KeyMembership | null;
}

const INTEGER_KEYS = new Set(['int2', 'int4', 'int8']);

/** The filter a built table's keys give, when they are integers (the usual join keys). */
export function keyFilterOf(type: SqlType, keys: readonly HashKey[]): KeyFilter | null {
  if (!INTEGER_KEYS.has(type.kind)) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const k of keys) {
    if (k === null) continue;
    if (typeof k !== 'number') return null; // an int8 past 2^53
    if (k < min) min = k;
    if (k > max) max = k;
  }
  // No key at all: the join skips its probe side, so there is nothing to filter.
  if (min > max) return null;
  const built = keyMembership(keys as readonly (number | null)[], min, max);
  // Keys filling most of their range (a join on every supplier) test no better than
  // the range alone, which costs nothing per row.
  const useful = built !== null && built.distinct < 0.9 * (max - min + 1);
  return { min, max, keys: useful ? built.membership : null };
}

/**
 * Key filters by scan, registered by joins for scans not yet open: one per join and
 * scan column (a join on two keys may filter two columns of one scan). A join replaces
 * its filters when it runs again (a recursive CTE's step, rebuilt each iteration over
 * the same plan), so filters of earlier runs never pile up.
 */
export class KeyFilters {
  private readonly byScan = new Map<ScanNode, Map<JoinNode, Map<number, KeyFilter>>>();

  /** Sets (or with null, withdraws) `join`'s filter on column `index` of `scan`. */
  set(scan: ScanNode, join: JoinNode, index: number, filter: KeyFilter | null): void {
    let joins = this.byScan.get(scan);
    if (joins === undefined) {
      joins = new Map<JoinNode, Map<number, KeyFilter>>();
      this.byScan.set(scan, joins);
    }
    let columns = joins.get(join);
    if (columns === undefined) {
      columns = new Map<number, KeyFilter>();
      joins.set(join, columns);
    }
    if (filter === null) columns.delete(index);
    else columns.set(index, filter);
  }

  of(scan: ScanNode): readonly { index: number; filter: KeyFilter }[] {
    const out: { index: number; filter: KeyFilter }[] = [];
    for (const columns of this.byScan.get(scan)?.values() ?? []) {
      for (const [index, filter] of columns) out.push({ index, filter });
    }
    return out;
  }
}

/**
 * The scan and column position column `id` comes from, following only paths along
 * which a row dropped at the scan could only have produced rows the join drops: filters,
 * projections that pass the column through, joins (either side of inner joins, the
 * preserved side of left joins, the left of semi and anti joins), and aggregates whose
 * plain group key the column is: a group is made only of input rows with its key, so
 * dropping the rows of a key drops just that key's group, which the join drops anyway
 * (sideways information passing into a decorrelated subquery, TPC-H Q17 and Q20).
 * Sorts, limits, windows, grouping sets and computed or aggregated columns stop the
 * search: there dropping a row changes other rows.
 */
export function sourceScanOf(
  plan: LogicalPlan,
  id: ColumnId,
): { scan: ScanNode; index: number } | null {
  switch (plan.kind) {
    case 'scan': {
      const index = plan.columns.findIndex((c) => c.id === id);
      return index >= 0 ? { scan: plan, index } : null;
    }
    case 'filter':
      return sourceScanOf(plan.input, id);
    case 'project':
      return plan.exprs.some((e) => e.kind === 'ref' && e.id === id)
        ? sourceScanOf(plan.input, id)
        : null;
    case 'join':
      return sidesKeepingRows(plan).reduce<{ scan: ScanNode; index: number } | null>(
        (found, side) => found ?? sourceScanOf(side, id),
        null,
      );
    case 'aggregate': {
      const key = groupKeyOf(plan, id);
      return key === null ? null : sourceScanOf(plan.input, key);
    }
    default:
      return null;
  }
}

/** The input column output `id` of `agg` is, when it is a plain group key (no grouping sets). */
function groupKeyOf(agg: AggregateNode, id: ColumnId): ColumnId | null {
  if (agg.groupingSets !== null) return null;
  const at = agg.columns.findIndex((c) => c.id === id);
  const key = at >= 0 && at < agg.keys.length ? agg.keys[at] : undefined;
  return key?.kind === 'ref' ? key.id : null;
}

function sidesKeepingRows(j: JoinNode): LogicalPlan[] {
  switch (j.joinType) {
    case 'inner':
    case 'cross':
      return [j.left, j.right];
    case 'left':
    case 'semi':
    case 'anti':
    case 'mark':
    case 'single':
      return [j.left];
    default:
      return [];
  }
}

/** `column BETWEEN min AND max` as pushed filters: row-group pruning and a typed test. */
export function rangeConjuncts(column: { id: ColumnId; type: SqlType }, f: KeyFilter): BoundExpr[] {
  const constant = (v: number): BoundExpr => ({
    kind: 'const',
    type: column.type,
    value: column.type.kind === 'int8' ? BigInt(v) : v,
  });
  const ref: BoundExpr = { kind: 'ref', type: column.type, id: column.id };
  return [
    { kind: 'call', fn: '>=', type: Types.bool, args: [ref, constant(f.min)] },
    { kind: 'call', fn: '<=', type: Types.bool, args: [ref, constant(f.max)] },
  ];
}
