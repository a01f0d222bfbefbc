import type { LogicalPlan, PlanKind } from '../../../planner/plan/logical-plan.js';
import { unsupported } from '../../common/errors.js';
import { buildSplitAggregate } from './split-aggregate.js';
import { buildFilter } from './filter.js';
import { buildJoin } from './hash-join.js';
import { buildLateralJoin } from './lateral-join.js';
import { buildLimit } from './limit.js';
import type { ExecRuntime, Operator, OperatorBuilder } from './operator.js';
import { buildProject } from './project.js';
import { buildRecursiveCte, buildWorkTableScan } from './recursive-cte.js';
import { buildScan } from './scan.js';
import { buildSetOp } from './set-op.js';
import { buildSort } from './sort.js';
import { buildSystemScan } from './system-scan.js';
import { buildTableFunction } from './table-function.js';
import { buildTopN } from './top-n.js';
import { buildValues } from './values.js';
import { buildWindow } from './window.js';

/** Write nodes run through their table format's commit, which the write issues add. */
const notYet =
  (what: string): OperatorBuilder<PlanKind> =>
  () => {
    throw unsupported(`${what} is not supported yet`);
  };

/** Every plan kind's operator (DESIGN.md §4.3: a new kind fails to compile until it is here). */
const builders: { readonly [K in PlanKind]: OperatorBuilder<K> } = {
  scan: buildScan,
  'system-scan': buildSystemScan,
  values: buildValues,
  'table-function': buildTableFunction,
  'work-table-scan': buildWorkTableScan,
  filter: buildFilter,
  project: buildProject,
  aggregate: buildSplitAggregate,
  // A LATERAL join runs its right side per left row; every other join is hash-join.ts's.
  join: (node, rt) => (node.lateral ? buildLateralJoin(node, rt) : buildJoin(node, rt)),
  sort: buildSort,
  limit: buildLimit,
  'top-n': buildTopN,
  'set-op': buildSetOp,
  window: buildWindow,
  'recursive-cte': buildRecursiveCte,
  insert: notYet('INSERT'),
  delete: notYet('DELETE'),
  update: notYet('UPDATE'),
  merge: notYet('MERGE'),
  call: notYet('CALL'),
};

export function buildOperator(plan: LogicalPlan, rt: ExecRuntime): Operator {
  return (builders[plan.kind] as OperatorBuilder<typeof plan.kind>)(plan, rt);
}

/** A runtime whose `build` is this table; the rest comes from the caller (engine or worker). */
export function createRuntime(base: Omit<ExecRuntime, 'build' | 'workTables'>): ExecRuntime {
  const rt: ExecRuntime = {
    ...base,
    workTables: new Map(),
    build: (plan) => buildOperator(plan, rt),
  };
  return rt;
}
