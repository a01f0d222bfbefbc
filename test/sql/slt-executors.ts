/**
 * Where a SQL logic file runs: lakegate in-process (the engine's Session, no socket),
 * lakegate over the wire, and a real PostgreSQL 15 holding the same demo table. Each
 * executor keeps one session for a whole file, so SET and cursors carry over.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../../src/cli/config.js';
import { silentLogger } from '../../src/common/logger.js';
import type { Session } from '../../src/engine/query-engine.js';
import { resultText } from '../../src/engine/result-text.js';
import { createServices } from '../../src/main.js';
import { startTarget, type ClientTarget } from '../clients/targets.js';
import { cellText } from './slt-file.js';

export interface SltResult {
  readonly rows: string[] | null;
  readonly sqlstate: string | null;
  readonly message: string | null;
}

export interface SltExecutor {
  readonly name: string;
  run(sql: string): Promise<SltResult>;
  close(): Promise<void>;
}

const fail = (err: unknown): SltResult => {
  const e = err as { sqlstate?: string; code?: string; message?: string };
  return {
    rows: null,
    sqlstate: e.sqlstate ?? e.code ?? 'unknown',
    message: e.message ?? String(err),
  };
};

/** lakegate's engine in this process, over a temp warehouse with the demo table. */
export async function inProcessExecutor(warehouse: string): Promise<SltExecutor> {
  const config = await loadConfig(undefined, {}, { warehouse });
  const services = await createServices(config, silentLogger, { demo: true });
  const session: Session = await services.engine.openSession(
    {
      user: userInfo().username,
      database: config.defaultCatalog,
      parameters: new Map(),
      backendPid: 1,
      cancelBackend: () => false,
    },
    { notice: () => undefined, parameterStatus: () => undefined, deallocate: () => true },
  );
  const signal = new AbortController().signal;
  return {
    name: 'lakegate in-process',
    async run(sql) {
      try {
        const [parsed] = session.parse(sql);
        if (!parsed) return { rows: [], sqlstate: null, message: null };
        const execution = await session.execute(await session.prepare(parsed, []), [], signal);
        const rows = (await resultText(session, execution)).map((r) => r.map(cellText).join('|'));
        return { rows, sqlstate: null, message: null };
      } catch (err) {
        session.statementFailed();
        return fail(err);
      }
    },
    close: async () => {
      await session.close();
      await services.close();
    },
  };
}

/** A server reached with node-postgres, rows kept as the server's text. */
export async function wireExecutor(kind: 'lakegate' | 'postgres'): Promise<SltExecutor> {
  const target: ClientTarget = await startTarget(kind);
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    types: { getTypeParser: () => (text: string) => text },
  });
  client.on('error', () => undefined);
  await client.connect();
  return {
    name: `${kind} over the wire`,
    async run(sql) {
      try {
        const result = await client.query<unknown[]>({ text: sql, rowMode: 'array' });
        const rows = (result.rows ?? []).map((r) =>
          r.map((v) => cellText(v as string | null)).join('|'),
        );
        return { rows, sqlstate: null, message: null };
      } catch (err) {
        return fail(err);
      }
    },
    close: async () => {
      await client.end().catch(() => undefined);
      await target.close();
    },
  };
}
