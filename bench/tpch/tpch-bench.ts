/**
 * The TPC-H bench: the 22 queries (test/tpch/queries) at scale 1 (by default) through lakegate
 * over the wire and through DuckDB in-process on the same Parquet files, with the same number
 * of threads, one engine at a time. Each lakegate answer is checked against DuckDB's (the
 * comparison make-goldens.ts uses), so a fast wrong answer is reported as wrong, not fast. A
 * query that errors or runs past the time limit is reported as such and the run goes on.
 *
 * The data are generated once into bench/.data/tpch-sf<scale>/ (git-ignored) and reused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareAnswer, type AnswerTable } from '../../test/tpch/answer-table.js';
import { duckEquality, openTpchDuck, type DuckResult } from '../../test/tpch/duckdb-tpch.js';
import { TPCH_NAMESPACE } from '../../test/tpch/tpch-schema.js';
import {
  createTpchWarehouse,
  generateTpchData,
  tpchQueries,
  type TpchQuery,
} from '../../test/tpch/tpch-warehouse.js';
import { connect, queryText } from '../../test/tpch/wire-query.js';
import { spawnTpchLakegate, type BenchLakegate } from './tpch-lakegate.js';
import { formatTpchReport, type TpchRow } from './tpch-report.js';

export interface TpchBenchOptions {
  readonly scale: number;
  readonly threads: number;
  readonly runs: number;
  readonly timeoutMs: number;
  /** lakegate's `limits.memory`, e.g. `8GB`. */
  readonly memory: string;
  /** Query names to run (`q01`), or all when empty. */
  readonly queries: readonly string[];
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Files per table: several, so a scan can be split by file as well as by row group. */
const BENCH_PARTS = 4;

type Timed<T> = { ms: number; value: T } | { ms: number; error: string };

async function timeLakegate(
  lakegate: BenchLakegate,
  sql: string,
  timeoutMs: number,
): Promise<Timed<AnswerTable>> {
  const client = await connect(lakegate, {
    search_path: TPCH_NAMESPACE,
    statement_timeout: String(timeoutMs),
  });
  client.on('error', () => undefined); // a dropped connection is reported by the query
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  // statement_timeout cancels on the server; this guards against a server that stops answering.
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('no answer (client-side limit)')),
      timeoutMs + 15_000,
    );
  });
  try {
    const value = await Promise.race([queryText(client, sql), hung]);
    return { ms: performance.now() - started, value };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const text =
      e.code === '57014'
        ? 'timeout (statement_timeout)'
        : e.code === undefined
          ? `error: ${e.message ?? String(error)}`
          : `error ${e.code}: ${e.message ?? ''}`;
    return { ms: performance.now() - started, error: text };
  } finally {
    clearTimeout(timer);
    void client.end().catch(() => undefined);
  }
}

/** The fastest of `runs` runs (an error ends them), and how long the first one took. */
async function best<T>(
  runs: number,
  run: () => Promise<Timed<T>>,
): Promise<{ fastest: Timed<T>; firstMs: number }> {
  let fastest: Timed<T> | undefined;
  let firstMs = 0;
  for (let i = 0; i < runs; i++) {
    const result = await run();
    if (i === 0) firstMs = result.ms;
    if ('error' in result) return { fastest: result, firstMs };
    if (fastest === undefined || result.ms < fastest.ms) fastest = result;
  }
  return { fastest: fastest as Timed<T>, firstMs };
}

async function timeDuck(
  duck: { query(sql: string): Promise<DuckResult> },
  sql: string,
): Promise<Timed<DuckResult>> {
  const started = performance.now();
  try {
    const value = await duck.query(sql);
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error: `error ${(error as Error).message}` };
  }
}

function status(query: TpchQuery, lake: Timed<AnswerTable>, duck: Timed<DuckResult>): string {
  if ('error' in lake) return lake.error;
  if ('error' in duck) return `ok? (DuckDB ${duck.error})`;
  const reference = { ...duck.value, columns: lake.value.columns };
  const diff = compareAnswer(reference, lake.value, query.orderKeys, duckEquality(duck.value));
  return diff === undefined ? 'ok' : `wrong: ${diff.split('\n')[0] ?? ''}`;
}

export async function runTpchBench(options: TpchBenchOptions): Promise<void> {
  const dataDir = join(repoRoot, 'bench', '.data', `tpch-sf${options.scale}`);
  const started = Date.now();
  process.stderr.write(`TPC-H scale ${options.scale}: data in ${dataDir} ...\n`);
  await generateTpchData(options.scale, dataDir, BENCH_PARTS);
  process.stderr.write(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const warehouse = mkdtempSync(join(tmpdir(), 'lakegate-tpch-warehouse-'));
  await createTpchWarehouse(dataDir, warehouse);
  const duck = await openTpchDuck(dataDir, options.threads);
  let lakegate = await spawnTpchLakegate({ ...options, warehouse });
  const queries = tpchQueries().filter(
    (q) => options.queries.length === 0 || options.queries.includes(q.name),
  );
  const count = { name: 'count(*) lineitem', sql: 'SELECT count(*) FROM lineitem', orderKeys: [] };
  const rows: TpchRow[] = [];
  try {
    for (const query of [count, ...queries]) {
      if (!lakegate.alive()) {
        process.stderr.write('  lakegate exited; starting a new one\n');
        await lakegate.close();
        lakegate = await spawnTpchLakegate({ ...options, warehouse });
      }
      process.stderr.write(`  ${query.name} ...\n`);
      const duckRun = (await best(options.runs, () => timeDuck(duck, query.sql))).fastest;
      const current = lakegate;
      const lake = await best(options.runs, () =>
        timeLakegate(current, query.sql, options.timeoutMs),
      );
      const lakeRun = lake.fastest;
      rows.push({
        query: query.name,
        lakegateMs: 'error' in lakeRun ? undefined : lakeRun.ms,
        lakegateFirstMs: 'error' in lakeRun ? undefined : lake.firstMs,
        duckdbMs: 'error' in duckRun ? undefined : duckRun.ms,
        rows: 'error' in lakeRun ? undefined : lakeRun.value.rows.length,
        status: status(query, lakeRun, duckRun),
        peakRss: lakegate.peakRss(),
      });
      // A client-side limit means the server may be stuck: start afresh for the next query.
      if ('error' in lakeRun && lakeRun.error.includes('client-side')) {
        rows[rows.length - 1] = {
          ...(rows.at(-1) as TpchRow),
          status: `timeout, ${lakeRun.error}; lakegate restarted`,
        };
        await lakegate.close();
      }
    }
  } finally {
    duck.close();
    await lakegate.close();
    rmSync(warehouse, { recursive: true, force: true });
  }
  console.log(
    `\nTPC-H scale ${options.scale}, ${options.threads} threads for both (lakegate workers, DuckDB threads), best of ${options.runs}, limit ${options.timeoutMs / 1000} s per query`,
  );
  console.log(formatTpchReport(rows));
}
