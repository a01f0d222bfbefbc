/**
 * TPC-H correctness: the 22 queries (test/tpch/queries) at scale 0.1 through lakegate over the
 * wire, each compared with PostgreSQL 15's answer on the same data (test/tpch/answers, made and
 * cross-checked with DuckDB by make-goldens.ts). Values are compared as text, exactly: lakegate
 * must type and print every value as PostgreSQL does. Rows tied on all ORDER BY keys may come
 * in any order (compareAnswer).
 *
 * The data are generated once per run into a temp dir by generate-data.sh (tpchgen-cli, which
 * .ci/run installs; ~2 s), registered as plain Parquet tables in namespace `tpch` of a local
 * catalog, and lakegate runs in-process with the session's search_path set to `tpch`.
 *
 * KNOWN_FAILING lists the queries that do not pass yet. The list is kept honest both ways: a
 * query outside it that fails fails the test, and a listed query that passes fails too, until
 * it is taken off the list.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { silentLogger } from '../../src/common/logger.js';
import { type RunningServer, startLakegate } from '../../src/main.js';
import { GOLDEN_SCALE, compareAnswer, parseAnswer } from './answer-table.js';
import { TPCH_NAMESPACE } from './tpch-schema.js';
import {
  answerPath,
  createTpchWarehouse,
  generateTpchData,
  tpchQueries,
} from './tpch-warehouse.js';
import { type WireTarget, connect, queryText } from './wire-query.js';

/** Queries the engine cannot answer correctly yet (update after each engine change). */
const KNOWN_FAILING: ReadonlySet<string> = new Set<string>([]);

// PostgreSQL answers each query at this scale in under a second; a minute bounds a stuck one
// so that 22 of them cannot eat CI's 90 minutes.
const STATEMENT_TIMEOUT_MS = 60_000;

/** Runs one query; undefined when lakegate's answer equals the committed one, else why not. */
async function failureOf(
  target: WireTarget,
  query: { name: string; sql: string; orderKeys: readonly number[] },
): Promise<string | undefined> {
  const expected = parseAnswer(readFileSync(answerPath(query.name), 'utf8'));
  let client;
  try {
    client = await connect(target, {
      search_path: TPCH_NAMESPACE,
      statement_timeout: String(STATEMENT_TIMEOUT_MS),
    });
    const actual = await queryText(client, query.sql);
    return compareAnswer(expected, actual, query.orderKeys);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return `error${e.code === undefined ? '' : ` ${e.code}`}: ${e.message ?? String(error)}`;
  } finally {
    await client?.end().catch(() => undefined);
  }
}

describe(`TPC-H scale ${GOLDEN_SCALE} through lakegate`, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'lakegate-tpch-'));
  let server: RunningServer | undefined;
  let target: WireTarget | undefined;

  before(async () => {
    const dataDir = join(scratch, 'data');
    const warehouse = join(scratch, 'warehouse');
    const started = Date.now();
    await generateTpchData(GOLDEN_SCALE, dataDir);
    const generatedMs = Date.now() - started;
    await createTpchWarehouse(dataDir, warehouse);
    server = await startLakegate({
      host: '127.0.0.1',
      port: 0,
      warehouse,
      env: {},
      logger: silentLogger,
    });
    target = { host: server.host, port: server.port, database: 'local', user: 'lakegate' };
    process.stderr.write(`# TPC-H scale ${GOLDEN_SCALE} generated in ${generatedMs} ms\n`);
  });

  after(async () => {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const query of tpchQueries()) {
    const known = KNOWN_FAILING.has(query.name);
    test(
      `${query.name}${known ? ' (known failing)' : ''}`,
      { timeout: STATEMENT_TIMEOUT_MS + 30_000 },
      async (t) => {
        assert.ok(target, 'lakegate did not start');
        const started = Date.now();
        const failure = await failureOf(target, query);
        t.diagnostic(`${Date.now() - started} ms`);
        if (known) {
          assert.ok(
            failure !== undefined,
            `${query.name} now passes: remove it from KNOWN_FAILING in test/tpch/tpch.test.ts`,
          );
          t.diagnostic(`still failing: ${failure.split('\n')[0] ?? ''}`);
        } else if (failure !== undefined) {
          assert.fail(`${query.name}: ${failure}`);
        }
      },
    );
  }
});
