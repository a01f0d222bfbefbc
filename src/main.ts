/**
 * The composition root (DESIGN.md §2): the only module that knows every concrete
 * class. It builds catalogs, storage, the worker pool, the engine and the wire
 * server from a configuration.
 */
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { Catalog } from '../catalog/catalog.js';
import { LocalCatalog } from '../catalog/local/local-catalog.js';
import { createScanPool } from '../workers/scan-pool.js';
import { loadConfig, type ConfigOverrides, type LakegateConfig } from './cli/config.js';
import { ensureDemoData } from './cli/demo-data.js';
import { LakeError } from './common/errors.js';
import type { Logger } from './common/logger.js';
import { SqlState } from './common/sqlstate.js';
import { LocalQueryEngine } from './engine/local-query-engine.js';
import type { QueryEngine } from './engine/query-engine.js';
import type { UserEntry } from './pgwire/auth/authenticator.js';
import { isLoopback } from './pgwire/connection.js';
import { PgServer } from './pgwire/pg-server.js';
import { LocalFileIO } from './storage/local-file-io.js';

export interface StartOptions extends ConfigOverrides {
  readonly configFile?: string;
  /** Create the `sample` database with its `orders` table if absent. */
  readonly demo?: boolean;
  /** Environment to read LAKEGATE_* overrides from; tests pass {} to stay hermetic. */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly config: LakegateConfig;
  close(): Promise<void>;
}

/** Everything behind the wire: what `lakegate sql` uses in-process. */
export interface Services {
  readonly config: LakegateConfig;
  readonly engine: QueryEngine;
  readonly catalogs: ReadonlyMap<string, Catalog>;
  close(): Promise<void>;
}

export async function createServices(
  config: LakegateConfig,
  logger: Logger,
  options: { demo?: boolean } = {},
): Promise<Services> {
  const io = new LocalFileIO();
  const catalogs = new Map<string, Catalog>();
  for (const [name, c] of config.catalogs)
    catalogs.set(name, new LocalCatalog({ name, warehouse: c.warehouse, io }));
  if (options.demo) {
    const catalog = catalogs.get(config.defaultCatalog) as Catalog;
    const warehouse = config.catalogs.get(config.defaultCatalog)?.warehouse ?? '';
    const { created } = await ensureDemoData(catalog, io, warehouse);
    if (created)
      logger.info({ catalog: config.defaultCatalog }, 'created demo table sample.orders');
  }
  const threads = config.workerThreads || Math.max(1, Math.min(4, availableParallelism()));
  const scanPool = createScanPool({ threads });
  const statementLog = logger.child({ component: 'engine' });
  const engine = new LocalQueryEngine({
    catalogs,
    io,
    scanPool,
    defaultCatalog: config.defaultCatalog,
    limits: { statementTimeoutMs: config.statementTimeoutMs, memoryBytes: config.memoryLimitBytes },
    logger: { statement: (entry) => statementLog.info(entry, 'statement') },
  });
  return {
    config,
    engine,
    catalogs,
    close: () => engine.close(),
  };
}

/** Starts the gateway: configuration, services, and the PostgreSQL wire server. */
export async function startLakegate(options: StartOptions = {}): Promise<RunningServer> {
  const config = await loadConfig(options.configFile, options.env ?? {}, options);
  const logger = options.logger ?? createLogger(config);
  if (!isLoopbackHost(config.host) && config.users === null) {
    throw new LakeError(
      SqlState.invalidAuthorizationSpecification,
      `refusing to listen on ${config.host} without configured users: trust authentication is for loopback only (add users to the config file)`,
    );
  }
  const services = await createServices(config, logger, options.demo ? { demo: true } : {});
  const tls = config.tls
    ? { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) }
    : undefined;
  const server = new PgServer({
    engine: services.engine,
    host: config.host,
    port: config.port,
    users: userMap(config),
    ...(tls ? { tls } : {}),
    logger: logger.child({ component: 'pgwire' }),
    maxConnections: config.maxConnections,
    maxMessageLength: config.maxMessageBytes,
  });
  let address: { host: string; port: number };
  try {
    address = await server.listen();
  } catch (err) {
    await services.close();
    // EADDRINUSE, EACCES, EADDRNOTAVAIL: a configuration problem, not an internal error.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw err;
    throw new LakeError(
      SqlState.invalidParameterValue,
      `could not listen on ${config.host}:${config.port}: ${(err as Error).message}`,
    );
  }
  logger.info({ ...address, catalog: config.defaultCatalog }, 'lakegate listening');
  return {
    ...address,
    config,
    close: async () => {
      await server.close(config.shutdownGraceMs);
      await services.close();
    },
  };
}

export function createLogger(config: LakegateConfig): Logger {
  const usePretty =
    config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stderr.isTTY);
  const destination = usePretty
    ? pretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'hostname' })
    : bufferedStderr();
  return pino({ level: config.logLevel, base: { pid: undefined } }, destination);
}

/**
 * JSON lines to stderr, written in 4 KB chunks: a write per statement line cost a third of
 * a short statement's round trip. A quarter-second flush keeps `tail -f` current.
 */
function bufferedStderr(): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: 2, sync: false, minLength: 4096 });
  const timer = setInterval(() => {
    try {
      destination.flush();
    } catch {
      clearInterval(timer); // closed at exit
    }
  }, 250).unref();
  return destination;
}

function userMap(config: LakegateConfig): ReadonlyMap<string, UserEntry> | null {
  if (!config.users) return null;
  return new Map(
    config.users.map((u) => [
      u.name,
      {
        name: u.name,
        method: u.method,
        ...(u.password === undefined ? {} : { secret: u.password }),
      },
    ]),
  );
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopback(host);
}
