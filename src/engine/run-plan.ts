import type { RecordBatch } from 'apache-arrow';
import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import { findSystemRelation } from '../../catalog/system/system-relations.js';
import { PoolScanRunner } from '../../workers/pool-scan-runner.js';
import type { SqlValue } from '../common/sql-value.js';
import { assert } from '../common/assert.js';
import type { ColumnBatch } from '../exec/column-batch.js';
import type { EvalContext } from '../exec/eval-context.js';
import { buildOperator } from '../exec/operators/build-operator.js';
import { KeyFilters } from '../exec/operators/key-filters.js';
import {
  batchesOf,
  type ExecRuntime,
  type Operator,
  type ScanRunner,
} from '../exec/operators/operator.js';
import { toRecordBatch } from '../exec/to-record-batch.js';
import type { LocalQueryEngineOptions } from './engine-resources.js';
import type { ResultColumn } from './query-engine.js';

/** The engine's services a plan runs on (the session's catalogs: partitioned tables list their partitions). */
export type PlanServices = Pick<LocalQueryEngineOptions, 'io' | 'scanPool' | 'limits' | 'catalogs'>;

/**
 * The statement's operator tree over the engine's services: scans run in the worker
 * pool, pg_catalog relations are answered from memory. Subqueries the optimizer left
 * in expressions run through `ctx.runSubquery` (`runSubquery` below, which the
 * session puts on every statement's context).
 */
export function buildPlan(
  plan: LogicalPlan,
  ctx: EvalContext,
  services: PlanServices,
): { root: Operator; rt: ExecRuntime } {
  assert(ctx.runSubquery !== undefined, 'statement context without a subquery runner');
  const rt = new EngineRuntime(ctx, services);
  return { root: rt.build(plan), rt };
}

/** Runs a subquery's plan to completion under `ctx` (a correlated one has its outer values bound there). */
export async function runSubquery(
  plan: LogicalPlan,
  ctx: EvalContext,
  services: PlanServices,
): Promise<ColumnBatch[]> {
  const out: ColumnBatch[] = [];
  for await (const b of batchesOf(new EngineRuntime(ctx, services).build(plan))) out.push(b);
  return out;
}

/**
 * The main thread's ExecRuntime. Every statement makes one, and most (`SELECT 1`,
 * SHOW-like queries, pg_catalog reads) never scan or recurse, so the scan runner and
 * the work tables are made on first use.
 */
class EngineRuntime implements ExecRuntime {
  readonly placement = 'main';
  readonly keyFilters = new KeyFilters();
  readonly memoryBytes: number;
  private scanRunner: ScanRunner | null = null;
  private tables: Map<number, readonly ColumnBatch[]> | null = null;

  constructor(
    readonly ctx: EvalContext,
    private readonly services: PlanServices,
  ) {
    this.memoryBytes = services.limits.memoryBytes;
  }

  get scans(): ScanRunner {
    const { scanPool, io, catalogs } = this.services;
    return (this.scanRunner ??= new PoolScanRunner(
      scanPool,
      io,
      this.ctx,
      this.memoryBytes,
      catalogs,
    ));
  }

  get workTables(): Map<number, readonly ColumnBatch[]> {
    return (this.tables ??= new Map());
  }

  build(plan: LogicalPlan): Operator {
    return buildOperator(plan, this);
  }

  systemRows(name: string): readonly (readonly SqlValue[])[] {
    const relation = findSystemRelation(['pg_catalog', name]);
    assert(relation !== null && relation !== undefined, `no system relation ${name}`);
    return relation.rows();
  }
}

/** The root operator's batches as the Arrow batches the session streams to the client. */
export async function* recordBatches(
  root: Operator,
  columns: readonly ResultColumn[],
): AsyncGenerator<RecordBatch> {
  for await (const b of batchesOf(root)) yield toRecordBatch(columns, b.columns, b.rowCount);
}
