/**
 * `npm run bench [-- select1 | tpch]`: runs both parts unless one is named.
 *
 * select1: round trips per second of `SELECT 1` through pgbench over the simple, extended and
 * prepared protocol with 1 and 16 connections, and connection setup time (pgbench -C), for a
 * private PostgreSQL 15 and for lakegate on the same machine, printed with lakegate/PostgreSQL
 * ratios.
 *
 * tpch: the 22 TPC-H queries at scale 1 through lakegate (its own process) and DuckDB
 * (in-process) on the same Parquet files, with lakegate/DuckDB ratios and lakegate's peak
 * memory (bench/tpch/tpch-bench.ts).
 *
 * A benchmark, not a test: it never fails on slow figures.
 *
 *   node dist/bench/run.js [select1] [--seconds 5] [--clients 1,16]
 *                          [--modes simple,extended,prepared] [--servers postgres,lakegate]
 *                          [--in-process | --lakegate HOST:PORT]
 *   node dist/bench/run.js tpch [--scale 1] [--threads N] [--runs 3] [--timeout 120]
 *                          [--memory 8GB] [--queries q01,q06]
 */
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  externalLakegate,
  spawnBenchLakegate,
  startBenchPostgres,
  startPgwireOnly,
  startInProcessLakegate,
  type BenchServer,
} from './bench-servers.js';
import { runTpchBench } from './tpch/tpch-bench.js';
import { runPgbench, type PgbenchResult, type QueryMode } from './pgbench.js';
import { formatReport, type BenchRow } from './report.js';

const script = fileURLToPath(new URL('../../bench/select1.sql', import.meta.url));

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1,16' },
    modes: { type: 'string', default: 'simple,extended,prepared' },
    servers: { type: 'string', default: 'postgres,lakegate,pgwire' },
    'in-process': { type: 'boolean', default: false },
    lakegate: { type: 'string' },
    database: { type: 'string', default: 'local' },
    scale: { type: 'string', default: '1' },
    threads: { type: 'string', default: String(Math.max(1, Math.min(4, availableParallelism()))) },
    runs: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '120' },
    memory: { type: 'string', default: '8GB' },
    queries: { type: 'string', default: '' },
  },
});

const PARTS = ['select1', 'tpch'];
const parts = positionals.length === 0 ? PARTS : positionals;
for (const part of parts)
  if (!PARTS.includes(part)) throw new Error(`unknown bench "${part}" (${PARTS.join(', ')})`);

const seconds = Number(options.seconds);
const clientCounts = options.clients.split(',').map(Number);
const modes = options.modes.split(',') as QueryMode[];
const wanted = options.servers.split(',');

async function startServers(): Promise<BenchServer[]> {
  const servers: BenchServer[] = [];
  if (wanted.includes('postgres')) servers.push(await startBenchPostgres());
  if (wanted.includes('pgwire')) servers.push(await startPgwireOnly());
  if (wanted.includes('lakegate')) {
    if (options.lakegate !== undefined)
      servers.push(externalLakegate(options.lakegate, options.database));
    else
      servers.push(await (options['in-process'] ? startInProcessLakegate() : spawnBenchLakegate()));
  }
  return servers;
}

async function measure(
  servers: readonly BenchServer[],
  label: string,
  clients: number,
  mode: QueryMode,
  reconnect: boolean,
): Promise<BenchRow> {
  const results = new Map<string, PgbenchResult>();
  // One server at a time: both share the machine's cores with pgbench.
  for (const server of servers) {
    process.stderr.write(`  ${server.name}: ${label}, ${clients} clients ...\n`);
    results.set(
      server.name,
      await runPgbench({ ...server, script, mode, clients, seconds, reconnect }),
    );
  }
  return { label, clients, unit: reconnect ? 'connect' : 'tps', results };
}

async function runSelect1(): Promise<void> {
  const servers = await startServers();
  try {
    const rows: BenchRow[] = [];
    for (const mode of modes) {
      for (const clients of clientCounts) {
        rows.push(await measure(servers, `SELECT 1, ${mode} protocol (tps)`, clients, mode, false));
      }
    }
    rows.push(await measure(servers, 'connection setup (pgbench -C)', 1, 'simple', true));
    const cpu = cpus()[0]?.model ?? 'unknown cpu';
    console.log(
      `\nSELECT 1 round trips, pgbench -T ${seconds}, ${availableParallelism()} cpus (${cpu}), node ${process.version}`,
    );
    console.log(
      formatReport(
        rows,
        servers.map((s) => s.name),
      ),
    );
    for (const s of servers) if (s.log) console.log(`\n${s.name} log: ${s.log} (removed on exit)`);
  } finally {
    for (const server of servers) await server.close();
  }
}

async function main(): Promise<void> {
  if (parts.includes('select1')) await runSelect1();
  if (parts.includes('tpch'))
    await runTpchBench({
      scale: Number(options.scale),
      threads: Number(options.threads),
      runs: Number(options.runs),
      timeoutMs: Number(options.timeout) * 1000,
      memory: options.memory,
      queries: options.queries.split(',').filter((q) => q !== ''),
    });
}

await main();
