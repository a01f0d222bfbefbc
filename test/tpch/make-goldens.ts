/**
 * Regenerates the committed TPC-H answers (test/tpch/answers/qNN.tsv) at scale 0.1.
 *
 *   npm run build && node dist/test/tpch/make-goldens.js [--check] [--data DIR]
 *
 * The answers are PostgreSQL 15's own output: the Parquet files from generate-data.sh are
 * loaded into a private cluster (test/support/postgres.ts) with the same column types
 * (numeric(15,2), bigint, integer, date, text) and each query runs there, so every value is
 * printed exactly as PostgreSQL types and prints it (numeric scales of sums, products and
 * divisions, avg's digits, extract's numeric, ISO dates). lakegate follows PostgreSQL's typing,
 * so the test compares its text with these byte for byte.
 *
 * Each query also runs in DuckDB over the Parquet files themselves, and every answer must
 * agree with DuckDB's (compareAnswer with the query's ORDER BY keys): text equal, numbers
 * equal exactly where DuckDB computes a DECIMAL or integer, and within 1e-12 relative where it
 * computes a DOUBLE (DuckDB's avg and decimal division), since DuckDB does not print
 * PostgreSQL's numeric digits there. So the answers are checked by two engines and the
 * loading into PostgreSQL cannot have altered the data. `--check` compares the files on disk
 * instead of writing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from '../support/postgres.js';
import type { TestTarget } from '../support/test-target.js';
import {
  type AnswerTable,
  GOLDEN_SCALE,
  compareAnswer,
  formatAnswer,
  parseAnswer,
} from './answer-table.js';
import { type TpchDuck, duckEquality, openTpchDuck } from './duckdb-tpch.js';
import { TPCH_TABLES, postgresType } from './tpch-schema.js';
import { answerPath, generateTpchData, tpchQueries } from './tpch-warehouse.js';
import { connect, queryText } from './wire-query.js';

/** Indexes only so PostgreSQL runs the correlated subqueries (Q2, Q17, Q20) in seconds. */
const INDEXES = [
  'lineitem (l_orderkey)',
  'lineitem (l_partkey, l_suppkey)',
  'partsupp (ps_partkey, ps_suppkey)',
  'orders (o_custkey)',
];

async function loadPostgres(pgTarget: TestTarget, duck: TpchDuck, csvDir: string): Promise<void> {
  const client = await connect(pgTarget);
  try {
    for (const [table, columns] of TPCH_TABLES) {
      const ddl = columns.map((c) => `${c.name} ${postgresType(c.type)} not null`).join(', ');
      await client.query(`create table ${table} (${ddl})`);
      const csv = join(csvDir, `${table}.csv`);
      await duck.query(`COPY (SELECT * FROM ${table}) TO '${csv}' (FORMAT csv, HEADER false)`);
      const psql = spawnSync(
        'psql',
        ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', pgTarget.host, '-p', String(pgTarget.port)]
          .concat(['-U', pgTarget.user, '-d', pgTarget.database])
          .concat(['-c', `\\copy ${table} from '${csv}' with (format csv)`]),
        { encoding: 'utf8' },
      );
      if (psql.status !== 0) throw new Error(`psql \\copy ${table} failed: ${psql.stderr}`);
    }
    for (const [i, index] of INDEXES.entries())
      await client.query(`create index i${i} on ${index}`);
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, data: { type: 'string' } },
  });
  const scratch = mkdtempSync(join(tmpdir(), 'lakegate-tpch-goldens-'));
  const dataDir = values.data ?? join(scratch, 'data');
  let pgTarget: TestTarget | undefined;
  let duck: TpchDuck | undefined;
  let problems = 0;
  try {
    await generateTpchData(GOLDEN_SCALE, dataDir);
    duck = await openTpchDuck(dataDir, 2);
    pgTarget = await startPostgres();
    await loadPostgres(pgTarget, duck, scratch);
    const client = await connect(pgTarget);
    try {
      for (const query of tpchQueries()) {
        const started = Date.now();
        const answer: AnswerTable = await queryText(client, query.sql);
        const pgMs = Date.now() - started;
        const duckAnswer = await duck.query(query.sql);
        // Names are PostgreSQL's (an unaliased sum(x) is `sum`; DuckDB says `sum(x)`).
        const disagreement =
          duckAnswer.columns.length === answer.columns.length
            ? compareAnswer(
                answer,
                { ...duckAnswer, columns: answer.columns },
                query.orderKeys,
                duckEquality(duckAnswer),
              )
            : `DuckDB has columns ${duckAnswer.columns.join(', ')}`;
        let status = `${answer.rows.length} rows, PostgreSQL ${pgMs} ms, DuckDB agrees`;
        if (disagreement !== undefined) {
          problems++;
          status = `DuckDB DISAGREES: ${disagreement}`;
        } else if (values.check) {
          const committed = parseAnswer(readFileSync(answerPath(query.name), 'utf8'));
          const diff = compareAnswer(committed, answer, query.orderKeys);
          if (diff !== undefined) {
            problems++;
            status = `committed answer differs: ${diff}`;
          }
        } else {
          writeFileSync(answerPath(query.name), formatAnswer(answer));
        }
        console.log(`${query.name}: ${status}`);
      }
    } finally {
      await client.end();
    }
  } finally {
    duck?.close();
    await pgTarget?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  if (problems > 0) {
    console.error(`${problems} queries with problems`);
    process.exitCode = 1;
  }
}

await main();
