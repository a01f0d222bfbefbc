/**
 * Starts a private, throw-away PostgreSQL 15 cluster for the protocol suites: initdb into a temp
 * dir with trust auth, a free TCP port on loopback, the unix socket inside the temp dir, and
 * everything stopped and removed on close(). PostgreSQL refuses to run as root, so when the tests
 * run as root the server runs as the `postgres` user (created by Debian's postgresql package), or
 * `nobody` as a fallback.
 */
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import type { TestTarget } from './test-target.js';

const startTimeoutMs = 60_000;
const stopTimeoutMs = 15_000;

/** Where the PostgreSQL 15 server binaries live; `LAKEGATE_PG_BIN` overrides. */
export function postgresBinDir(): string {
  return process.env['LAKEGATE_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
}

/** Why a private cluster cannot be started here, or undefined when it can. */
export function postgresUnavailableReason(): string | undefined {
  for (const tool of ['initdb', 'postgres']) {
    const path = join(postgresBinDir(), tool);
    try {
      accessSync(path, constants.X_OK);
    } catch {
      return `PostgreSQL 15 binaries not found (${path}); install Debian's postgresql-15 or set LAKEGATE_PG_BIN`;
    }
  }
  return undefined;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** initdb and postgres refuse root, so drop to an unprivileged account when we are root. */
function unprivilegedAccount(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // try the next account
    }
  }
  throw new Error('running as root and neither the postgres nor the nobody user exists');
}

function runInitdb(dataDir: string, cwd: string, runAs: RunAs | undefined): Promise<void> {
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  args.push('--no-sync');
  return new Promise((resolve, reject) => {
    const child = spawn(join(postgresBinDir(), 'initdb'), args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (${String(code)}):\n${output}`)),
    );
  });
}

function serverArgs(dataDir: string, socketDir: string, port: number): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    // the fuzz suite opens a few hundred short connections; leave head-room for stragglers
    max_connections: '200',
    shared_buffers: '16MB',
  };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  return args;
}

function waitUntilReady(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`PostgreSQL did not become ready in ${startTimeoutMs} ms:\n${log()}`));
    }, startTimeoutMs);
    const onData = (): void => {
      if (log().includes('database system is ready to accept connections')) {
        finish();
        resolve();
      }
    };
    const onExit = (code: number | null): void => {
      finish();
      reject(new Error(`PostgreSQL exited during start-up (${String(code)}):\n${log()}`));
    };
    const finish = (): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGINT is PostgreSQL's "fast shutdown": abort sessions, checkpoint, exit.
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** initdb + start a private cluster; database `postgres`, superuser `postgres`, trust auth. */
export async function startPostgres(): Promise<TestTarget> {
  const unavailable = postgresUnavailableReason();
  if (unavailable !== undefined) throw new Error(unavailable);
  const root = mkdtempSync(join(tmpdir(), 'lakegate-pg-'));
  const runAs = unprivilegedAccount();
  if (runAs !== undefined) chownSync(root, runAs.uid, runAs.gid);
  const dataDir = join(root, 'data');
  try {
    await runInitdb(dataDir, root, runAs);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const child = spawn(join(postgresBinDir(), 'postgres'), serverArgs(dataDir, root, port), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(runAs ?? {}),
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-65_536)));
  // If the test process dies without close(), do not leave a postmaster behind.
  const killOnExit = (): void => {
    child.kill('SIGQUIT'); // immediate shutdown: the postmaster takes its backends down too
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      // best effort: the dying server may still be writing
    }
  };
  process.once('exit', killOnExit);
  const close = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopServer(child);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(child, () => log);
  } catch (error) {
    await close();
    throw error;
  }
  const unixSocket = join(root, `.s.PGSQL.${port}`);
  return {
    kind: 'postgres',
    host: '127.0.0.1',
    port,
    database: 'postgres',
    user: 'postgres',
    unixSocket,
    close,
  };
}
