/**
 * lakegate as the TPC-H bench runs it: its own process (`node bin/lakegate.js serve --config`),
 * as deployed, so its peak memory can be read from /proc/<pid>/status (VmHWM: the resident set's
 * high-water mark, which covers the scan workers, threads of the same process). The config
 * file points the `local` catalog at the TPC-H warehouse and sets the worker pool size.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/support/free-port.js';
import { connect, type WireTarget } from '../../test/tpch/wire-query.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface BenchLakegate extends WireTarget {
  readonly pid: number;
  readonly log: string;
  /** False once the process has exited (crashed or killed). */
  alive(): boolean;
  /** VmHWM in bytes, or undefined when /proc is not readable or the process is gone. */
  peakRss(): number | undefined;
  close(): Promise<void>;
}

export interface LakegateOptions {
  readonly warehouse: string;
  readonly threads: number;
  readonly memory: string;
}

async function waitReady(target: WireTarget, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const client = await connect(target);
      await client.end();
      return;
    } catch (error) {
      if (!alive()) throw new Error('lakegate exited during start-up', { cause: error });
      if (Date.now() > deadline)
        throw new Error('lakegate did not accept connections in 60 s', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function spawnTpchLakegate(options: LakegateOptions): Promise<BenchLakegate> {
  const dir = mkdtempSync(join(tmpdir(), 'lakegate-tpch-bench-'));
  const config = join(dir, 'lakegate.yaml');
  const log = join(dir, 'lakegate.log');
  const host = '127.0.0.1';
  const port = await freePort();
  writeFileSync(
    config,
    [
      `listen: { host: ${host}, port: ${port} }`,
      'default_catalog: local',
      `catalogs: { local: { type: local, warehouse: ${JSON.stringify(options.warehouse)} } }`,
      `workers: { threads: ${options.threads} }`,
      `limits: { memory: ${options.memory} }`,
      'log: { level: warn, format: json }',
      '',
    ].join('\n'),
  );
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['bin/lakegate.js', 'serve', '--config', config], {
    cwd: repoRoot,
    env: { ...process.env, LAKEGATE_CONFIG: config },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (alive()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const target = { host, port, database: 'local', user: 'bench' };
  try {
    await waitReady(target, alive);
  } catch (error) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
    await close();
    throw new Error(`${(error as Error).message}\n--- lakegate log (tail) ---\n${tail}`, {
      cause: error,
    });
  }
  const peakRss = (): number | undefined => {
    try {
      const status = readFileSync(`/proc/${String(child.pid)}/status`, 'utf8');
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    } catch {
      return undefined;
    }
  };
  return { ...target, pid: child.pid ?? 0, log, alive, peakRss, close };
}
