import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCatalog } from '../../catalog/local/local-catalog.js';
import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { tableFromArrays } from 'apache-arrow';
import { LocalFileIO } from '../storage/local-file-io.js';
import { writeParquetBytes } from '../storage/parquet-writer.js';
import { createScanPool, type ScanPool } from '../../workers/scan-pool.js';
import type { StatementLogEntry } from './engine-resources.js';
import { LocalQueryEngine } from './local-query-engine.js';
import { resultText } from './result-text.js';
import type { Notice, Session } from './query-engine.js';

/**
 * For the engine's own tests: a real LocalQueryEngine over a temporary warehouse
 * (catalog `lake`), recording notices, ParameterStatus events and log lines, and
 * running SQL the way pgwire does (parse → prepare → execute → drain).
 */
export interface TestSession {
  readonly session: Session;
  readonly notices: Notice[];
  readonly statuses: [string, string][];
  readonly log: StatementLogEntry[];
  readonly warehouse: string;
  readonly catalog: LocalCatalog;
  /** Runs every statement; returns the last one's rows as PostgreSQL text and its tag. */
  run(
    sql: string,
    params?: readonly SqlValue[],
    paramTypes?: readonly (SqlType | undefined)[],
  ): Promise<Result>;
  close(): Promise<void>;
}

export interface Result {
  readonly tag: string;
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[] | null;
  readonly rows: (string | null)[][];
  readonly paramTypes: readonly SqlType[];
}

let sharedPool: ScanPool | undefined;

export async function openTestSession(
  options: {
    parameters?: Record<string, string>;
    memoryBytes?: number;
    statementTimeoutMs?: number;
    scan?: boolean;
  } = {},
): Promise<TestSession> {
  const warehouse = mkdtempSync(join(tmpdir(), 'lakegate-engine-'));
  const io = new LocalFileIO();
  const catalog = new LocalCatalog({ name: 'lake', warehouse, io });
  const log: StatementLogEntry[] = [];
  const scanPool = options.scan
    ? (sharedPool ??= createScanPool({ threads: 1 }))
    : createScanPool({ threads: 1 });
  const engine = new LocalQueryEngine({
    catalogs: new Map([['lake', catalog]]),
    io,
    scanPool,
    defaultCatalog: 'lake',
    limits: {
      statementTimeoutMs: options.statementTimeoutMs ?? 0,
      memoryBytes: options.memoryBytes ?? 64 * 1024 * 1024,
    },
    logger: { statement: (e) => log.push(e) },
  });
  const notices: Notice[] = [];
  const statuses: [string, string][] = [];
  const session = await engine.openSession(
    {
      user: 'alice',
      database: 'lake',
      parameters: new Map(Object.entries(options.parameters ?? {})),
      backendPid: 4242,
      cancelBackend: (pid) => pid === 4242,
    },
    {
      notice: (n) => notices.push(n),
      parameterStatus: (n, v) => statuses.push([n, v]),
      deallocate: (name) => name === null,
    },
  );
  const run = async (
    sql: string,
    params: readonly SqlValue[] = [],
    paramTypes: readonly (SqlType | undefined)[] = [],
  ): Promise<Result> => {
    let last: Result = { tag: '', columns: null, rows: [], paramTypes: [] };
    for (const parsed of session.parse(sql)) {
      const prepared = await session.prepare(parsed, paramTypes);
      const execution = await session.execute(prepared, params, new AbortController().signal);
      const rows = await resultText(session, execution);
      last = {
        tag: execution.commandTag(rows.length),
        columns: execution.columns,
        rows,
        paramTypes: prepared.paramTypes,
      };
    }
    return last;
  };
  const close = async (): Promise<void> => {
    await session.close();
    if (!options.scan) await scanPool.close();
  };
  return { session, notices, statuses, log, warehouse, catalog, run, close };
}

/** Closes the pool shared by scan tests (call in an `after` hook). */
export async function closeSharedPool(): Promise<void> {
  await sharedPool?.close();
  sharedPool = undefined;
}

/**
 * A five-row Parquet table `sales.orders (id int, region string, amount double)` in the
 * session's warehouse, with one NULL region, for tests that scan.
 */
export async function createSalesOrders(t: TestSession): Promise<void> {
  await t.catalog.createNamespace('sales');
  const location = join(t.warehouse, 'sales.db', 'orders');
  mkdirSync(location, { recursive: true });
  const table = tableFromArrays({
    id: Int32Array.from([1, 2, 3, 4, 5]),
    region: ['east', 'west', 'east', null, 'west'],
    amount: Float64Array.from([10, 20.5, 30, 40, 50]),
  });
  writeFileSync(join(location, 'part-0.parquet'), writeParquetBytes(table));
  await t.catalog.createTable({
    ident: { namespace: 'sales', name: 'orders' },
    location,
    format: 'parquet',
    parameters: {},
    columns: [
      { name: 'id', type: 'int' },
      { name: 'region', type: 'string' },
      { name: 'amount', type: 'double' },
    ],
    partitionKeys: [],
  });
}
