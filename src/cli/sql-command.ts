import { userInfo } from 'node:os';
import type { Execution, Session } from '../engine/query-engine.js';
import { resultText } from '../engine/result-text.js';
import { createLogger, createServices } from '../main.js';
import type { CliOptions } from './cli-main.js';
import { loadConfig } from './config.js';
import { printTable } from './table-printer.js';

const NUMERIC_KINDS = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

/**
 * `lakegate sql "SQL"`: runs statements in-process (no server, no socket) and
 * prints each result as psql does, or the command tag. Exit code 1 on error.
 */
export async function sqlCommand(options: CliOptions, args: readonly string[]): Promise<number> {
  const text = args.length > 0 ? args.join(' ') : await readStdin();
  const config = await loadConfig(options.config, process.env, options);
  const logger = createLogger({ ...config, logLevel: process.env.LAKEGATE_LOG_LEVEL ?? 'warn' });
  const services = await createServices(config, logger, options.demo ? { demo: true } : {});
  let session: Session | null = null;
  try {
    session = await services.engine.openSession(
      {
        user: userInfo().username,
        database: config.defaultCatalog,
        parameters: new Map([['application_name', 'lakegate sql']]),
        backendPid: process.pid,
        cancelBackend: () => false,
      },
      {
        notice: (n) => process.stderr.write(`${n.severity}:  ${n.message}\n`),
        parameterStatus: () => undefined,
        deallocate: (name) => name === null,
      },
    );
    await runScript(session, text);
    return 0;
  } catch (err) {
    const e = err as { severity?: string; message: string; sqlstate?: string };
    process.stderr.write(`${e.severity ?? 'ERROR'}:  ${e.message}\n`);
    return 1;
  } finally {
    await session?.close();
    await services.close();
  }
}

/** Like one simple Query message: several statements run as one implicit transaction. */
async function runScript(session: Session, text: string): Promise<void> {
  const signal = new AbortController().signal;
  const statements = session.parse(text);
  const implicit = statements.length > 1;
  try {
    for (const parsed of statements) {
      if (implicit) session.beginImplicitTransaction();
      const prepared = await session.prepare(parsed, []);
      const execution = await session.execute(prepared, [], signal);
      process.stdout.write(await render(session, execution));
    }
  } catch (err) {
    session.statementFailed();
    throw err;
  } finally {
    if (implicit) await session.endImplicitTransaction();
  }
}

async function render(session: Session, execution: Execution): Promise<string> {
  const columns = execution.columns;
  const rows = await resultText(session, execution);
  if (!columns || execution.copyOut) return `${execution.commandTag(rows.length)}\n`;
  const table = printTable(
    columns.map((c) => c.name),
    rows,
    columns.map((c) => NUMERIC_KINDS.has(c.type.kind)),
  );
  return `${table}\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
