import type { TableRef } from '../../catalog/catalog.js';
import { Types, type SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';
import { call, constant, ref, type BoundExpr, type BoundSubquery } from '../plan/bound-expr.js';
import type { LogicalPlan, PlanColumn, ScanNode } from '../plan/logical-plan.js';
import { planColumn, scan } from '../plan/plan-factories.js';
import { printPlan } from '../plan/print-plan.js';

/**
 * Hand-built plans for the optimizer's tests (used by *.test.ts only): fake tables
 * with statement-unique column ids and short expression builders.
 */
export function fakeTable(name: string, columns: readonly string[]): TableRef {
  return {
    ident: { namespace: 's', name },
    catalog: 'test',
    location: `/tmp/${name}`,
    format: 'parquet',
    parameters: {},
    columns: columns.map((c) => ({ name: c, type: 'bigint' })),
    partitionKeys: [],
  };
}

/** Scans with ids from a shared counter, so one test's ids never collide. */
export class Ids {
  private next = 1;
  fresh(): number {
    return this.next++;
  }
  column(name: string, type: SqlType = Types.int8): PlanColumn {
    return planColumn(this.fresh(), name, type);
  }
  scan(name: string, columns: readonly string[], type: SqlType = Types.int8): ScanNode {
    return scan(
      fakeTable(name, columns),
      columns.map((c) => this.column(c, type)),
    );
  }
}

/** A ref to a plan's column by name. */
export function col(plan: LogicalPlan, name: string): BoundExpr {
  const c = plan.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return ref(c.id, c.type);
}

const BOOL = Types.bool;
export const i8 = (v: number): BoundExpr => constant(Types.int8, BigInt(v));
export const i4 = (v: number): BoundExpr => constant(Types.int4, v);
export const txt = (v: string): BoundExpr => constant(Types.text, v);
export const bool = (v: boolean | null): BoundExpr => constant(BOOL, v);
export const lit = (type: SqlType, v: SqlValue): BoundExpr => constant(type, v);
export const cmp = (op: string, a: BoundExpr, b: BoundExpr): BoundExpr => call(op, BOOL, [a, b]);
export const eq = (a: BoundExpr, b: BoundExpr): BoundExpr => cmp('=', a, b);
export const gt = (a: BoundExpr, b: BoundExpr): BoundExpr => cmp('>', a, b);
export const lt = (a: BoundExpr, b: BoundExpr): BoundExpr => cmp('<', a, b);
export const not = (a: BoundExpr): BoundExpr => call('not', BOOL, [a]);
export const and = (...args: BoundExpr[]): BoundExpr => ({ kind: 'and', type: BOOL, args });
export const or = (...args: BoundExpr[]): BoundExpr => ({ kind: 'or', type: BOOL, args });
export const plus = (a: BoundExpr, b: BoundExpr): BoundExpr => call('+', a.type, [a, b]);
export const param = (index: number, type: SqlType = Types.int8): BoundExpr => ({
  kind: 'param',
  type,
  index,
});

export function subquery(
  mode: BoundSubquery['mode'],
  plan: LogicalPlan,
  opts: { operand?: BoundExpr; negated?: boolean } = {},
): BoundSubquery {
  const type = mode === 'scalar' ? (plan.columns[0]?.type ?? Types.unknown) : BOOL;
  return {
    kind: 'subquery',
    type,
    mode,
    plan,
    operand: opts.operand ?? null,
    negated: opts.negated ?? false,
  };
}

/** The printed plan as one string (what the tests compare). */
export const show = (plan: LogicalPlan): string => printPlan(plan).join('\n');
