import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { LakeError } from '../src/common/errors.js';
import { SqlState } from '../src/common/sqlstate.js';
import type { EvalContext, SessionHooks } from '../src/exec/eval-context.js';
import { createRuntime } from '../src/exec/operators/build-operator.js';
import { batchesOf } from '../src/exec/operators/operator.js';
import { toRecordBatch } from '../src/exec/to-record-batch.js';
import { decodeScanBatches, decodeScanVecBatches } from './decode-scan-batches.js';
import type { FragmentContext, FragmentSpec } from './fragment-protocol.js';
import type { TaskData } from './read-scan-task.js';

/**
 * Runs a plan fragment over one decoded scan task inside a worker and returns its
 * output as an Arrow IPC stream. Columns are named by position (`c0`, `c1`, ...):
 * SQL output names may repeat, and the main thread reads them by index anyway.
 */
export async function runFragment(
  data: TaskData,
  spec: FragmentSpec,
  cancelFlag: Int32Array | undefined,
): Promise<Uint8Array> {
  const ctx = fragmentContext(spec.context, cancelFlag);
  const rt = createRuntime({
    ctx,
    placement: 'worker',
    memoryBytes: spec.memoryBytes,
    scans: {
      open: (scan) => decodeScanBatches(data, scan, ctx, spec.keySets),
      openVec: (scan) => decodeScanVecBatches(data, scan, ctx, spec.keySets),
    },
    systemRows: () => {
      throw new LakeError(SqlState.internalError, 'system relations are not read in workers');
    },
  });
  const columns = spec.root.columns.map((c, i) => ({ name: `c${i}`, type: c.type }));
  const batches: RecordBatch[] = [];
  for await (const b of batchesOf(rt.build(spec.root))) {
    batches.push(toRecordBatch(columns, b.columns, b.rowCount));
  }
  if (batches.length === 0)
    batches.push(
      toRecordBatch(
        columns,
        columns.map(() => []),
        0,
      ),
    );
  return tableToIPC(new Table(batches), 'stream');
}

function fragmentContext(c: FragmentContext, cancelFlag: Int32Array | undefined): EvalContext {
  const refuse = (what: string) => (): never => {
    throw new LakeError(SqlState.internalError, `${what} cannot run inside a scan worker`);
  };
  const session: SessionHooks = {
    user: c.user,
    database: c.database,
    backendPid: c.backendPid,
    version: c.version,
    currentSchema: () => c.currentSchema,
    currentSetting: refuse('current_setting'),
    setConfig: refuse('set_config'),
    cancelBackend: refuse('pg_cancel_backend'),
  };
  const canceled = (): boolean => cancelFlag !== undefined && Atomics.load(cancelFlag, 0) !== 0;
  return {
    params: c.params,
    timeZone: c.timeZone,
    extraFloatDigits: c.extraFloatDigits,
    statementStartMicros: c.statementStartMicros,
    ...(c.outer === undefined ? {} : { outer: c.outer }),
    session,
    signal: new AbortController().signal,
    checkCanceled: () => {
      if (canceled())
        throw new LakeError(SqlState.queryCanceled, 'canceling statement due to user request');
    },
  };
}
