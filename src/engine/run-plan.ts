import type { RecordBatch } from 'apache-arrow';
import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import { findSystemRelation } from '../../catalog/system/system-relations.js';
import { PoolScanRunner } from '../../workers/pool-scan-runner.js';
import { assert } from '../common/assert.js';
import type { ColumnBatch } from '../exec/column-batch.js';
import type { EvalContext } from '../exec/eval-context.js';
import { createRuntime } from '../exec/operators/build-operator.js';
import { batchesOf, type ExecRuntime, type Operator } from '../exec/operators/operator.js';
import { toRecordBatch } from '../exec/to-record-batch.js';
import type { LocalQueryEngineOptions } from './engine-resources.js';
import type { ResultColumn } from './query-engine.js';

/** The engine's services a plan runs on (the session's catalogs: partitioned tables list their partitions). */
export type PlanServices = Pick<LocalQueryEngineOptions, 'io' | 'scanPool' | 'limits' | 'catalogs'>;

/**
 * The statement's operator tree over the engine's services: scans run in the worker
 * pool, pg_catalog relations are answered from memory, and subqueries the optimizer
 * left in expressions run through the same runtime with their outer values bound.
 */
export function buildPlan(
  plan: LogicalPlan,
  ctx: EvalContext,
  services: PlanServices,
): { root: Operator; rt: ExecRuntime } {
  const { io, scanPool, catalogs } = services;
  const memoryBytes = services.limits.memoryBytes;
  const runtimeFor = (ctx: EvalContext): ExecRuntime => {
    // Inherits rather than spreads: spreading would read `signal`, a getter that
    // creates the statement's AbortController, which most statements never need.
    const withSubqueries: EvalContext = Object.create(ctx, {
      runSubquery: { value: (p: LogicalPlan, c: EvalContext) => drain(p, runtimeFor(c)) },
    }) as EvalContext;
    return createRuntime({
      ctx: withSubqueries,
      placement: 'main',
      memoryBytes: memoryBytes,
      scans: new PoolScanRunner(scanPool, io, withSubqueries, memoryBytes, catalogs),
      systemRows: (name) => {
        const relation = findSystemRelation(['pg_catalog', name]);
        assert(relation !== null && relation !== undefined, `no system relation ${name}`);
        return relation.rows();
      },
    });
  };
  const rt = runtimeFor(ctx);
  return { root: rt.build(plan), rt };
}

async function drain(plan: LogicalPlan, rt: ExecRuntime): Promise<ColumnBatch[]> {
  const out: ColumnBatch[] = [];
  for await (const b of batchesOf(rt.build(plan))) out.push(b);
  return out;
}

/** The root operator's batches as the Arrow batches the session streams to the client. */
export async function* recordBatches(
  root: Operator,
  columns: readonly ResultColumn[],
): AsyncGenerator<RecordBatch> {
  for await (const b of batchesOf(root)) yield toRecordBatch(columns, b.columns, b.rowCount);
}
