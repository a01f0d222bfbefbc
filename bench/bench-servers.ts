/**
 * The servers a bench run compares: a private PostgreSQL 15 cluster (test/support/postgres.ts)
 * and lakegate, either spawned through its CLI (the default: its own process, as deployed,
 * with its per-statement log going to a file) or in-process through `startLakegate`, or an
 * already running lakegate given as host:port.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/free-port.js';
import { startPostgres } from '../test/support/postgres.js';

export interface BenchServer {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Where the server's log went, for the report. */
  readonly log?: string;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const pgIsReady = process.env['LAKEGATE_PG_ISREADY'] ?? 'pg_isready';

export async function startBenchPostgres(): Promise<BenchServer> {
  const server = await startPostgres();
  return { ...server, name: 'postgres' };
}

/** Waits until a server answers a startup packet (pg_isready; any auth answer counts). */
async function waitReady(
  host: string,
  port: number,
  timeoutMs: number,
  gone: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(pgIsReady, ['-q', '-h', host, '-p', String(port), '-t', '2'], {
        stdio: 'ignore',
      });
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    if (code === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const why = gone() ? 'exited during start-up' : `did not accept connections in ${timeoutMs} ms`;
  throw new Error(`lakegate on ${host}:${port} ${why}`);
}

export async function spawnBenchLakegate(): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'lakegate-bench-'));
  const warehouse = join(dir, 'warehouse');
  const log = join(dir, 'lakegate.log');
  const host = '127.0.0.1';
  const port = await freePort();
  const out = openSync(log, 'a');
  const args = ['bin/lakegate.js', 'serve', '--host', host, '--port', String(port)];
  args.push('--warehouse', warehouse, '--demo');
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(host, port, 60_000, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
    await close();
    throw new Error(`${(error as Error).message}\n--- lakegate log (tail) ---\n${tail}`, {
      cause: error,
    });
  }
  return { name: 'lakegate', host, port, database: 'local', user: 'bench', log, close };
}

export async function startInProcessLakegate(): Promise<BenchServer> {
  const { startLakegateTarget } = await import('../test/support/lakegate.js');
  const server = await startLakegateTarget();
  return { ...server, name: 'lakegate (in-process)', user: 'bench' };
}

/** The wire server alone, over an engine that answers without parsing (constant-engine.ts). */
export async function startPgwireOnly(): Promise<BenchServer> {
  const { PgServer } = await import('../src/pgwire/pg-server.js');
  const { silentLogger } = await import('../src/common/logger.js');
  const { constantEngine } = await import('../test/support/constant-engine.js');
  const host = '127.0.0.1';
  const server = new PgServer({
    engine: constantEngine,
    host,
    port: 0,
    users: null,
    logger: silentLogger,
  });
  const { port } = await server.listen();
  return {
    name: 'pgwire only',
    host,
    port,
    database: 'local',
    user: 'bench',
    close: () => server.close(0),
  };
}

/** An already running lakegate, e.g. `--lakegate 127.0.0.1:5433`; not stopped by the bench. */
export function externalLakegate(address: string, database: string): BenchServer {
  const colon = address.lastIndexOf(':');
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port))
    throw new Error(`--lakegate wants host:port, not ${address}`);
  return {
    name: `lakegate at ${address}`,
    host: address.slice(0, colon),
    port,
    database,
    user: 'bench',
    close: () => Promise.resolve(),
  };
}
