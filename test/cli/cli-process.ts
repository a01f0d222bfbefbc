/**
 * Runs the real `lakegate` bin (`node bin/lakegate.js …`) as a child process: one-shot commands
 * to completion, and `serve` as a long-lived server whose stderr (the log) is captured. Every
 * child runs under a hard timeout and is killed by `stop`/`kill`, so a hung server fails a test
 * instead of stalling the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, type ProcessResult } from '../clients/run-process.js';

/** dist/test/cli/ → the repository root, where bin/ and package.json live. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliPath = join(repoRoot, 'bin', 'lakegate.js');
export const psqlPath = process.env['LAKEGATE_PSQL'] ?? '/usr/bin/psql';

/**
 * The parent environment without LAKEGATE_* and PG* variables, so a developer's shell cannot
 * change what the tests see; English messages from psql.
 */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('LAKEGATE_') && !k.startsWith('PG')) env[k] = v;
  }
  return { ...env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PGCONNECT_TIMEOUT: '10', ...extra };
}

/** A one-shot `lakegate …` command to completion. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return runProcess(process.execPath, [cliPath, ...args], {
    env: options.env ?? cleanEnv(),
    ...(options.input === undefined ? {} : { input: options.input }),
    cwd: repoRoot,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
}

/** psql with -X (no ~/.psqlrc) against a connection string. */
export function psql(
  conninfo: string,
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return runProcess(psqlPath, ['-X', '-d', conninfo, ...args], {
    env: options.env ?? cleanEnv(),
    ...(options.input === undefined ? {} : { input: options.input }),
    timeoutMs: options.timeoutMs ?? 30_000,
  });
}

/** A temp directory removed by the returned function (and at exit if a test dies first). */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  process.once('exit', remove);
  return {
    path,
    remove: () => {
      process.off('exit', remove);
      remove();
    },
  };
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServeProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the server wrote to stderr so far (the ready banner and the log). */
  stderr(): string;
  /**
   * Waits until stderr matches `pattern` (the JSON log is flushed every 250 ms, so a line
   * shows up a moment after the event) and returns stderr; fails with it after `timeoutMs`.
   */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Sends `signal` and waits for exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit & { killed: boolean }>;
}

const readyPattern = /lakegate is ready\. Connect with:\n\s+psql "host=\S+ port=(\d+) /;

/**
 * Starts `lakegate serve …` and resolves once it prints its ready banner (with the bound port),
 * or rejects with its output if it exits or does not get ready within `timeoutMs`.
 */
export function startServe(
  args: readonly string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cliPath, 'serve', ...args], {
    cwd: repoRoot,
    env: options.env ?? cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.stdout.resume();
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // A test that throws before stop() must not leave a server running after the test process.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const stop = async (
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 30_000,
  ): Promise<Exit & { killed: boolean }> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const exit = await exited;
    clearTimeout(timer);
    return { ...exit, killed };
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lakegate serve did not get ready in time\n--- stderr ---\n${err}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (): void => {
      const m = readyPattern.exec(err);
      if (!m) return;
      clearTimeout(timer);
      child.stderr.off('data', onData);
      const waitForLog = async (pattern: RegExp, ms = 10_000): Promise<string> => {
        const deadline = Date.now() + ms;
        while (!pattern.test(err)) {
          if (Date.now() > deadline)
            throw new Error(`no log line matching ${String(pattern)}:\n${err}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        return err;
      };
      resolve({ port: Number(m[1]), child, stderr: () => err, waitForLog, exited, stop });
    };
    child.stderr.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(
        new Error(
          `lakegate serve exited (${String(exit.code ?? exit.signal)}) before ready\n--- stderr ---\n${err}`,
        ),
      );
    });
  });
}

/** The JSON lines of a pino log mixed with plain text (the ready banner). */
export function jsonLogLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
