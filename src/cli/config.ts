import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';

/** Everything lakegate can be configured with; see docs/configuration.md. */
export interface LakegateConfig {
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** null: none configured, so trust authentication on loopback only. */
  readonly users: readonly UserConfig[] | null;
  readonly catalogs: ReadonlyMap<string, CatalogConfig>;
  readonly defaultCatalog: string;
  readonly workerThreads: number;
  readonly statementTimeoutMs: number;
  readonly memoryLimitBytes: number;
  readonly maxConnections: number;
  /** Largest message a client may send; bounds what one connection can make us buffer. */
  readonly maxMessageBytes: number;
  readonly shutdownGraceMs: number;
  readonly logLevel: string;
  readonly logFormat: 'auto' | 'json' | 'pretty';
}

export interface UserConfig {
  readonly name: string;
  readonly method: 'trust' | 'password' | 'md5' | 'scram-sha-256';
  /** A SCRAM verifier (see `lakegate hash-password`), an md5 hash, or a cleartext password. */
  readonly password?: string;
}

export interface CatalogConfig {
  readonly type: 'local';
  readonly warehouse: string;
}

/** Command-line flags that override the file and the environment. */
export interface ConfigOverrides {
  readonly host?: string;
  readonly port?: number;
  readonly warehouse?: string;
  readonly catalog?: string;
}

const DEFAULTS = {
  host: '127.0.0.1',
  port: 5433,
  warehouse: './warehouse',
  catalog: 'local',
  workerThreads: 0,
  statementTimeoutMs: 0,
  memoryLimitBytes: 1024 ** 3,
  maxConnections: 100,
  maxMessageBytes: 64 * 1024 ** 2,
  shutdownGraceMs: 10_000,
} as const;

/**
 * Builds the configuration: defaults, then the YAML file, then LAKEGATE_* environment
 * variables, then command-line flags. Invalid values fail here with a clear message.
 */
export async function loadConfig(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
  flags: ConfigOverrides,
): Promise<LakegateConfig> {
  const path = file ?? env.LAKEGATE_CONFIG;
  const doc = path ? await readYaml(path) : {};
  const listen = section(doc, 'listen');
  const limits = section(doc, 'limits');
  const log = section(doc, 'log');
  const catalogName =
    flags.catalog ?? env.LAKEGATE_CATALOG ?? str(doc.default_catalog) ?? DEFAULTS.catalog;
  const warehouse = flags.warehouse ?? env.LAKEGATE_WAREHOUSE;
  const catalogs = readCatalogs(section(doc, 'catalogs'), catalogName, warehouse);
  if (!catalogs.has(catalogName)) {
    throw configError(
      `default catalog "${catalogName}" is not configured (catalogs: ${[...catalogs.keys()].join(', ')})`,
    );
  }
  const tlsCert = env.LAKEGATE_TLS_CERT ?? str(section(doc, 'tls').cert);
  const tlsKey = env.LAKEGATE_TLS_KEY ?? str(section(doc, 'tls').key);
  if ((tlsCert === undefined) !== (tlsKey === undefined))
    throw configError('tls needs both cert and key');
  return {
    host: flags.host ?? env.LAKEGATE_HOST ?? str(listen.host) ?? DEFAULTS.host,
    port: flags.port ?? int(env.LAKEGATE_PORT ?? listen.port, 'port', 65535) ?? DEFAULTS.port,
    tls: tlsCert && tlsKey ? { certFile: tlsCert, keyFile: tlsKey } : null,
    users: readUsers(doc.users),
    catalogs,
    defaultCatalog: catalogName,
    workerThreads:
      int(env.LAKEGATE_WORKERS ?? section(doc, 'workers').threads, 'workers.threads') ??
      DEFAULTS.workerThreads,
    statementTimeoutMs:
      duration(env.LAKEGATE_STATEMENT_TIMEOUT ?? limits.statement_timeout) ??
      DEFAULTS.statementTimeoutMs,
    memoryLimitBytes:
      bytes(env.LAKEGATE_MEMORY_LIMIT ?? limits.memory) ?? DEFAULTS.memoryLimitBytes,
    maxConnections:
      int(limits.max_connections, 'limits.max_connections') ?? DEFAULTS.maxConnections,
    maxMessageBytes: messageBytes(env.LAKEGATE_MAX_MESSAGE_SIZE ?? limits.max_message_size),
    shutdownGraceMs: duration(limits.shutdown_grace) ?? DEFAULTS.shutdownGraceMs,
    logLevel: env.LAKEGATE_LOG_LEVEL ?? str(log.level) ?? 'info',
    logFormat: logFormat(env.LAKEGATE_LOG_FORMAT ?? str(log.format)),
  };
}

type Doc = Record<string, unknown>;

async function readYaml(path: string): Promise<Doc> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw configError(`cannot read config file "${path}": ${(err as Error).message}`);
  }
  try {
    const doc: unknown = parseYaml(text);
    if (doc === null || doc === undefined) return {};
    if (typeof doc !== 'object' || Array.isArray(doc))
      throw new Error('top level must be a mapping');
    return doc as Doc;
  } catch (err) {
    throw configError(`invalid config file "${path}": ${(err as Error).message}`);
  }
}

function readCatalogs(
  doc: Doc,
  defaultName: string,
  warehouse: string | undefined,
): Map<string, CatalogConfig> {
  const catalogs = new Map<string, CatalogConfig>();
  for (const [name, value] of Object.entries(doc)) {
    const entry = asDoc(value, `catalogs.${name}`);
    if (entry.type !== 'local') {
      throw configError(
        `catalogs.${name}.type "${String(entry.type)}" is not supported yet (only "local")`,
      );
    }
    const dir =
      name === defaultName && warehouse ? warehouse : (str(entry.warehouse) ?? DEFAULTS.warehouse);
    catalogs.set(name, { type: 'local', warehouse: resolve(dir) });
  }
  if (catalogs.size === 0 || (warehouse && !catalogs.has(defaultName))) {
    catalogs.set(defaultName, {
      type: 'local',
      warehouse: resolve(warehouse ?? DEFAULTS.warehouse),
    });
  }
  return catalogs;
}

const METHODS = new Set(['trust', 'password', 'md5', 'scram-sha-256']);

function readUsers(value: unknown): UserConfig[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw configError('users must be a list');
  return value.map((item, i) => {
    const u = asDoc(item, `users[${i}]`);
    const name = str(u.name);
    const method = str(u.method) ?? 'scram-sha-256';
    if (!name) throw configError(`users[${i}].name is required`);
    if (!METHODS.has(method))
      throw configError(`users[${i}].method "${method}" is not one of ${[...METHODS].join(', ')}`);
    const password = str(u.password);
    if (method !== 'trust' && password === undefined)
      throw configError(`users[${i}].password is required for ${method}`);
    return {
      name,
      method: method as UserConfig['method'],
      ...(password === undefined ? {} : { password }),
    };
  });
}

function section(doc: Doc, key: string): Doc {
  const v = doc[key];
  return v === undefined || v === null ? {} : asDoc(v, key);
}

function asDoc(v: unknown, where: string): Doc {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw configError(`${where} must be a mapping`);
  return v as Doc;
}

/** A scalar YAML value as text; mappings and lists where a scalar belongs are errors. */
function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw configError(`expected a single value, got ${JSON.stringify(v)}`);
}

function int(v: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = str(v);
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw configError(
      max === Number.MAX_SAFE_INTEGER
        ? `${what} must be a non-negative integer, got "${text}"`
        : `${what} must be an integer from 0 to ${max}, got "${text}"`,
    );
  return n;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** Milliseconds from `30000`, `30s`, `5min`, `1h` (PostgreSQL's time units). */
export function duration(v: unknown): number | undefined {
  const text = str(v);
  if (text === undefined || text === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|h)?\s*$/.exec(text);
  if (!m) throw configError(`invalid duration "${text}" (use e.g. 30s, 5min, 1500ms)`);
  return Math.round(Number(m[1]) * (DURATION_UNITS[m[2] ?? 'ms'] ?? 1));
}

const BYTE_UNITS: Record<string, number> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

/** Bytes from `1073741824`, `512MB`, `1GB`. */
export function bytes(v: unknown): number | undefined {
  const text = str(v);
  if (text === undefined || text === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?\s*$/i.exec(text);
  if (!m) throw configError(`invalid size "${text}" (use e.g. 512MB, 2GB)`);
  return Math.round(Number(m[1]) * (BYTE_UNITS[(m[2] ?? 'B').toUpperCase()] ?? 1));
}

/** PostgreSQL's own ceiling is 1 GB - 1 (PQ_LARGE_MESSAGE_LIMIT); below 1 KB nothing works. */
function messageBytes(v: unknown): number {
  const n = bytes(v) ?? DEFAULTS.maxMessageBytes;
  if (n < 1024 || n > 0x3fffffff - 1) {
    throw configError(`limits.max_message_size must be between 1KB and 1GB, got "${String(n)}"`);
  }
  return n;
}

function logFormat(v: string | undefined): LakegateConfig['logFormat'] {
  if (v === undefined) return 'auto';
  if (v === 'auto' || v === 'json' || v === 'pretty') return v;
  throw configError(`log.format must be auto, json or pretty, got "${v}"`);
}

function configError(message: string): LakeError {
  return new LakeError(SqlState.invalidParameterValue, message, { kind: 'semantic' });
}
