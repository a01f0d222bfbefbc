/**
 * One pgbench run and the figures read from its report. pgbench drives any server that speaks
 * the protocol: `-M simple` sends one Query message per round trip, `-M extended` sends
 * Parse/Bind/Execute/Sync with an unnamed statement each time, `-M prepared` parses a named
 * statement once per connection and then only Bind/Execute/Sync; `-C` opens a new connection
 * for every transaction (https://www.postgresql.org/docs/15/pgbench.html).
 */
import { spawn } from 'node:child_process';

export type QueryMode = 'simple' | 'extended' | 'prepared';

export interface PgbenchRun {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly script: string;
  readonly mode: QueryMode;
  readonly clients: number;
  readonly seconds: number;
  /** `-C`: a new connection per transaction, to measure connection setup. */
  readonly reconnect?: boolean;
}

export interface PgbenchResult {
  readonly tps?: number;
  /** pgbench's "average connection time", reported with -C. */
  readonly connectionMs?: number;
  readonly transactions?: number;
  readonly error?: string;
}

export const pgbenchPath = process.env['LAKEGATE_PGBENCH'] ?? 'pgbench';

export function pgbenchArgs(run: PgbenchRun): string[] {
  const args = ['-n', '-f', run.script, '-M', run.mode];
  args.push('-c', String(run.clients), '-j', String(Math.min(2, run.clients)));
  args.push('-T', String(run.seconds));
  if (run.reconnect) args.push('-C');
  args.push('-h', run.host, '-p', String(run.port), '-U', run.user, run.database);
  return args;
}

function number(report: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(report);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function parsePgbenchReport(report: string): PgbenchResult {
  const tps = number(report, /^tps = ([\d.]+)/m);
  const connectionMs = number(report, /^average connection time = ([\d.]+) ms/m);
  const transactions = number(report, /^number of transactions actually processed: (\d+)/m);
  const failed = number(report, /^number of failed transactions: (\d+)/m) ?? 0;
  const aborted = /Run was aborted|^pgbench: error: /m.test(report);
  const error = aborted || failed > 0 || tps === undefined ? firstError(report) : undefined;
  return {
    ...(tps === undefined ? {} : { tps }),
    ...(connectionMs === undefined ? {} : { connectionMs }),
    ...(transactions === undefined ? {} : { transactions }),
    ...(error === undefined ? {} : { error }),
  };
}

function firstError(report: string): string {
  const line = report.split('\n').find((l) => /error|aborted|failed/i.test(l));
  return (line ?? 'pgbench printed no result').trim();
}

/** Runs pgbench to completion (with a hard limit well past -T) and parses its report. */
export function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  return new Promise((resolve) => {
    const child = spawn(pgbenchPath, pgbenchArgs(run), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', PGCONNECT_TIMEOUT: '10' },
    });
    let report = '';
    child.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (report += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (run.seconds + 60) * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ error: `${pgbenchPath}: ${error.message}` });
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(parsePgbenchReport(report));
    });
  });
}
