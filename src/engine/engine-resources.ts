import type { Catalog } from '../../catalog/catalog.js';
import type { FileIO } from '../storage/file-io.js';
import type { ScanPool } from '../../workers/scan-pool.js';

/** One line per statement, for the server's log (DESIGN.md: "logs one line per statement"). */
export interface StatementLogEntry {
  readonly pid: number;
  readonly sql: string;
  readonly durationMs: number;
  readonly rows: number;
  readonly error?: { readonly sqlstate: string; readonly message: string };
}

export interface StatementLogger {
  statement(entry: StatementLogEntry): void;
}

export interface EngineLimits {
  /** Default statement_timeout in ms (0 = none); sessions may change it with SET. */
  readonly statementTimeoutMs: number;
  /** Rows a statement may buffer (ORDER BY, GROUP BY), estimated in bytes. */
  readonly memoryBytes: number;
}

/** What LocalQueryEngine is built from (by src/main.ts). */
export interface LocalQueryEngineOptions {
  readonly catalogs: ReadonlyMap<string, Catalog>;
  readonly io: FileIO;
  readonly scanPool: ScanPool;
  readonly defaultCatalog: string;
  readonly limits: EngineLimits;
  readonly logger?: StatementLogger;
}
