import type { RecordBatch } from 'apache-arrow';
import type { Catalog } from '../../catalog/catalog.js';
import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import { findSystemRelation } from '../../catalog/system/system-relations.js';
import { PoolScanRunner } from '../../workers/pool-scan-runner.js';
import type { ScanPool } from '../../workers/scan-pool.js';
import { assert } from '../common/assert.js';
import type { ColumnBatch } from '../exec/column-batch.js';
import type { EvalContext } from '../exec/eval-context.js';
import { createRuntime } from '../exec/operators/build-operator.js';
import type { ExecRuntime, Operator } from '../exec/operators/operator.js';
import { toRecordBatch } from '../exec/to-record-batch.js';
import type { FileIO } from '../storage/file-io.js';
import type { ResultColumn } from './query-engine.js';

/** What running a plan needs besides the plan. */
export interface PlanRuntime {
  readonly ctx: EvalContext;
  readonly io: FileIO;
  readonly scanPool: ScanPool;
  readonly memoryBytes: number;
  /** The session's catalogs by name: scans of partitioned tables list their partitions. */
  readonly catalogs?: ReadonlyMap<string, Catalog>;
}

/**
 * The statement's operator tree over the engine's services: scans run in the worker
 * pool, pg_catalog relations are answered from memory, and subqueries the optimizer
 * left in expressions run through the same runtime with their outer values bound.
 */
export function buildPlan(
  plan: LogicalPlan,
  prt: PlanRuntime,
): { root: Operator; rt: ExecRuntime } {
  const runtimeFor = (ctx: EvalContext): ExecRuntime => {
    // Inherits rather than spreads: spreading would read `signal`, a getter that
    // creates the statement's AbortController, which most statements never need.
    const withSubqueries: EvalContext = Object.create(ctx, {
      runSubquery: { value: (p: LogicalPlan, c: EvalContext) => drain(p, runtimeFor(c)) },
    }) as EvalContext;
    return createRuntime({
      ctx: withSubqueries,
      placement: 'main',
      memoryBytes: prt.memoryBytes,
      scans: new PoolScanRunner(
        prt.scanPool,
        prt.io,
        withSubqueries,
        prt.memoryBytes,
        prt.catalogs,
      ),
      systemRows: (name) => {
        const relation = findSystemRelation(['pg_catalog', name]);
        assert(relation !== null && relation !== undefined, `no system relation ${name}`);
        return relation.rows();
      },
    });
  };
  const rt = runtimeFor(prt.ctx);
  return { root: rt.build(plan), rt };
}

async function drain(plan: LogicalPlan, rt: ExecRuntime): Promise<ColumnBatch[]> {
  const op = rt.build(plan);
  const out: ColumnBatch[] = [];
  try {
    for (let b = await op.next(); b; b = await op.next()) out.push(b);
  } finally {
    op.close();
  }
  return out;
}

/** The root operator's batches as the Arrow batches the session streams to the client. */
export async function* recordBatches(
  root: Operator,
  columns: readonly ResultColumn[],
): AsyncGenerator<RecordBatch> {
  try {
    for (let b = await root.next(); b; b = await root.next()) {
      if (b.rowCount > 0) yield toRecordBatch(columns, b.columns, b.rowCount);
    }
  } finally {
    root.close();
  }
}
