/**
 * The servers the client suites run against, chosen by `LAKEGATE_TEST_TARGETS=postgres|
 * lakegate|both` (default both; see test/support/for-each-target.ts). Every suite has to pass
 * against real PostgreSQL 15 first, which proves its expectations; the same expectations then
 * judge lakegate.
 *
 * Both targets are reached with the same dbname (`local`, lakegate's default catalog) and user
 * (`tester`), so `current_database()` and `current_user`, and therefore whole psql transcripts,
 * read the same on both.
 */
import { startPostgres } from '../support/postgres.js';
import type { TargetKind, TestTarget } from '../support/test-target.js';
import { describeResult, runProcess } from './run-process.js';

export { selectedTargets } from '../support/for-each-target.js';
export type { TargetKind } from '../support/test-target.js';

export interface ClientTarget {
  readonly kind: TargetKind;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /**
   * A query of a few hundred rows for streaming tests (fetch size, cursors, portals). Real
   * PostgreSQL has no demo table and lakegate has no generate_series; both results start with
   * a bigint column `order_id`.
   */
  readonly streamSql: string;
  close(): Promise<void>;
}

const database = 'local';
const user = 'tester';
const psqlPath = process.env['LAKEGATE_PSQL'] ?? '/usr/bin/psql';

const streamSql: Record<TargetKind, string> = {
  postgres:
    "SELECT g::bigint AS order_id, (g % 37)::int AS customer_id, DATE '2024-01-01' + g AS order_date, " +
    "CASE WHEN g % 3 = 0 THEN 'shipped' ELSE 'open' END AS status, (g * 1.25)::numeric(10,2) AS amount " +
    'FROM generate_series(1, 500) AS g',
  lakegate: 'SELECT * FROM sample.orders',
};

/** Gives the private cluster lakegate's names: database `local`, login role `tester`. */
async function postgresLikeLakegate(): Promise<TestTarget> {
  const server = await startPostgres();
  const sql = `CREATE ROLE ${user} LOGIN SUPERUSER; CREATE DATABASE ${database} OWNER ${user};`;
  const result = await runProcess(
    psqlPath,
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', server.host, '-p', String(server.port)],
    { input: sql, env: { PGUSER: server.user, PGDATABASE: server.database }, timeoutMs: 30_000 },
  );
  if (result.code !== 0) {
    await server.close();
    throw new Error(describeResult('psql (create role and database)', result));
  }
  return { ...server, database, user };
}

const starters: Record<TargetKind, () => Promise<TestTarget>> = {
  postgres: postgresLikeLakegate,
  // Loaded lazily so a PostgreSQL-only run does not load the server; with no users configured
  // lakegate trusts any user name on loopback.
  lakegate: async () => ({
    ...(await (await import('../support/lakegate.js')).startLakegateTarget()),
    user,
  }),
};

export async function startTarget(kind: TargetKind): Promise<ClientTarget> {
  const server = await starters[kind]();
  return {
    kind,
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    streamSql: streamSql[kind],
    close: () => server.close(),
  };
}

/** libpq's environment for a target, so psql and pgbench need no connection flags. */
export function libpqEnv(target: {
  host: string;
  port: number;
  database: string;
  user: string;
}): Record<string, string> {
  return {
    PGHOST: target.host,
    PGPORT: String(target.port),
    PGDATABASE: target.database,
    PGUSER: target.user,
    PGCONNECT_TIMEOUT: '10',
    PGCLIENTENCODING: 'UTF8',
    // English messages from the client side of the comparison.
    LC_ALL: 'C.UTF-8',
    LANG: 'C.UTF-8',
  };
}
