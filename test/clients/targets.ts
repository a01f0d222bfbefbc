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
import { demoOrdersPsqlScript } from '../support/demo-orders-postgres.js';
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
   * A query of 500 rows for streaming tests (fetch size, cursors, portals): the demo table,
   * which both targets hold with the same rows; its first column is the bigint `order_id`.
   */
  readonly streamSql: string;
  close(): Promise<void>;
}

const database = 'local';
const user = 'tester';
const psqlPath = process.env['LAKEGATE_PSQL'] ?? '/usr/bin/psql';

const streamSql = 'SELECT * FROM sample.orders';

/**
 * Gives the private cluster lakegate's names (database `local`, login role `tester`) and
 * lakegate's demo table `sample.orders` with the same rows, so both answer the same queries.
 */
async function postgresLikeLakegate(): Promise<TestTarget> {
  const server = await startPostgres();
  const psql = (input: string, db: string, what: string) =>
    runProcess(
      psqlPath,
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', server.host, '-p', String(server.port)],
      { input, env: { PGUSER: server.user, PGDATABASE: db }, timeoutMs: 60_000 },
    ).then((result) => {
      if (result.code !== 0) throw new Error(describeResult(`psql (${what})`, result));
    });
  try {
    await psql(
      `CREATE ROLE ${user} LOGIN SUPERUSER; CREATE DATABASE ${database} OWNER ${user};`,
      server.database,
      'create role and database',
    );
    await psql(demoOrdersPsqlScript(), database, 'load sample.orders');
  } catch (error) {
    await server.close();
    throw error;
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
    streamSql,
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
