/**
 * Mutated SQL through the whole session path (parse → prepare → execute → drain): whatever
 * a client sends, the answer is a PostgreSQL error with a SQLSTATE of the user's making,
 * never an internal error (XX000) or a crash. Seeded: LAKEGATE_FUZZ_SEED reproduces a run.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { LakeError } from '../../src/common/errors.js';
import {
  closeSharedPool,
  createSalesOrders,
  openTestSession,
  type TestSession,
} from '../../src/engine/engine-test-harness.js';
import { tokenize } from '../../src/sql/tokenizer.js';
import { SeededRandom } from '../support/seeded-random.js';

const seeds = [
  "SELECT id, region, amount * 2 AS twice FROM sales.orders WHERE amount > 10 AND region LIKE 'e%' ORDER BY 1 DESC LIMIT 3",
  'SELECT region, count(*), sum(amount), avg(amount), min(id), max(id) FROM sales.orders GROUP BY region HAVING count(*) > 1 ORDER BY 2',
  "SELECT CASE WHEN id % 2 = 0 THEN 'even' ELSE 'odd' END AS parity, coalesce(region, 'none') FROM sales.orders OFFSET 1",
  "SELECT 1 + 2 * 3, 'a' || 'b', 1.5::numeric(5,2), date '2024-01-01' + 1, now() IS NOT NULL, upper('x'), length('abc'), abs(-1), round(2.345, 2)",
  "SELECT nullif(1, 1), greatest(1, 2, 3), least('a', 'b'), 1 BETWEEN 0 AND 2, 'x' IN ('x', 'y'), 1 IS DISTINCT FROM NULL, NOT true OR false",
  "SELECT id::text, amount::int8, '2024-01-01'::timestamptz, interval '1 day', 10 / 3, 10.0 / 3, -7 % 3 FROM sales.orders",
  "SET TimeZone = 'Europe/Berlin'",
  'SET LOCAL search_path = sales, public',
  'SHOW ALL',
  'BEGIN',
  'SAVEPOINT s1',
  'ROLLBACK TO SAVEPOINT s1',
  'COMMIT',
  'DECLARE c CURSOR WITH HOLD FOR SELECT * FROM sales.orders',
  'FETCH 2 FROM c',
  'CLOSE c',
  "COPY (SELECT id, region FROM sales.orders) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')",
  'EXPLAIN SELECT * FROM sales.orders WHERE id = 1',
  "SELECT current_setting('TimeZone'), set_config('application_name', 'fuzz', false), pg_typeof(1), version()",
  "SELECT substring('hello' from 2 for 3), trim(both 'x' from 'xhix'), position('l' in 'hello'), extract(year from date '2024-05-06')",
];

const vocabulary = [
  ...[
    'SELECT',
    'FROM',
    'WHERE',
    'GROUP',
    'BY',
    'ORDER',
    'HAVING',
    'LIMIT',
    'OFFSET',
    'AS',
    'AND',
    'OR',
    'NOT',
  ],
  ...[
    'NULL',
    'TRUE',
    'CASE',
    'WHEN',
    'THEN',
    'END',
    'IN',
    'IS',
    'LIKE',
    'BETWEEN',
    'CAST',
    'DISTINCT',
    'ALL',
  ],
  ...[
    '(',
    ')',
    ',',
    ';',
    '*',
    '+',
    '-',
    '/',
    '%',
    '^',
    '||',
    '=',
    '<>',
    '<',
    '>=',
    '::',
    '[',
    ']',
    '.',
  ],
  ...[
    "'x'",
    "''",
    '0',
    '1',
    '-1',
    '2147483648',
    '9223372036854775808',
    '1e308',
    '0.000001',
    '$1',
    "E'\\n'",
  ],
  ...[
    'id',
    'region',
    'amount',
    'sales.orders',
    'orders',
    'sales',
    'count',
    'sum',
    'avg',
    'coalesce',
    'nope',
  ],
  ...[
    'int4',
    'int8',
    'numeric(3,1)',
    'text',
    'date',
    'timestamptz',
    'interval',
    'bool',
    'bytea',
    'uuid',
    'json',
  ],
];

function mutate(sql: string, rng: SeededRandom): string {
  const tokens = tokenize(sql)
    .filter((t) => t.kind !== 'eof')
    .map((t) => sql.slice(t.start, t.end));
  const edits = rng.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(0, Math.max(0, tokens.length - 1));
    switch (rng.int(0, 4)) {
      case 0:
        tokens.splice(at, 1);
        break;
      case 1:
        tokens.splice(at, 0, tokens[at] ?? '');
        break;
      case 2:
        tokens.splice(at, 1, rng.pick(vocabulary));
        break;
      case 3:
        tokens.splice(at, 0, rng.pick(vocabulary));
        break;
      default: {
        const other = rng.int(0, tokens.length - 1);
        [tokens[at], tokens[other]] = [tokens[other] ?? '', tokens[at] ?? ''];
      }
    }
  }
  return tokens.join(' ');
}

let t: TestSession;

before(async () => {
  t = await openTestSession({ scan: true, statementTimeoutMs: 5000 });
  await createSalesOrders(t);
});

after(async () => {
  await t.close();
  await closeSharedPool();
});

it('every seed statement runs as written (the mutations start from valid SQL)', async () => {
  for (const sql of seeds) {
    await t.run(sql).catch((err: unknown) => assert.fail(`${sql}\n${String(err)}`));
  }
  await t.run('ROLLBACK').catch(() => undefined);
});

it('mutated statements fail with user SQLSTATEs, never XX000', async () => {
  const seed = Number(process.env['LAKEGATE_FUZZ_SEED'] ?? 20261123);
  const cases = Number(process.env['LAKEGATE_FUZZ_CASES'] ?? 1500);
  const rng = new SeededRandom(seed);
  const internal: string[] = [];
  for (let i = 0; i < cases; i++) {
    const sql = mutate(rng.pick(seeds), rng);
    try {
      await t.run(sql);
    } catch (err) {
      if (!(err instanceof LakeError) || err.sqlstate === 'XX000') {
        internal.push(`${sql}\n    → ${err instanceof LakeError ? err.message : String(err)}`);
      }
    }
    // Leave no failed transaction block behind for the next case.
    if (t.session.transactionStatus() !== 'idle') await t.run('ROLLBACK').catch(() => undefined);
  }
  assert.deepEqual(internal, [], `seed ${seed}: ${internal.length} internal errors`);
});
