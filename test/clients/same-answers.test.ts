/**
 * The same psql session against lakegate and a real PostgreSQL 15 holding the same demo
 * table must print the same bytes: values, types (alignment follows them), NULLs, ordering,
 * aggregates' result types and scales. Runs only when both targets are selected.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeResult, runProcess } from './run-process.js';
import { libpqEnv, selectedTargets, startTarget, type ClientTarget } from './targets.js';

const psqlPath = process.env['LAKEGATE_PSQL'] ?? '/usr/bin/psql';

const queries: Record<string, string> = {
  'first rows, every column type': 'SELECT * FROM sample.orders ORDER BY order_id LIMIT 8',
  'aggregates by group':
    'SELECT status, count(*), sum(amount), avg(quantity), min(order_date), max(updated_at) FROM sample.orders GROUP BY status ORDER BY status',
  'NULL groups first':
    'SELECT region, count(*) AS n FROM sample.orders GROUP BY region ORDER BY region NULLS FIRST',
  'expressions and filters':
    "SELECT order_id, amount * quantity AS total, order_date + 7 AS due, extract(month from order_date) AS m FROM sample.orders WHERE amount > 1000 AND region IN ('east', 'west') ORDER BY total DESC, order_id LIMIT 6",
  'string functions and COALESCE':
    "SELECT upper(status) AS s, length(region) AS len, coalesce(region, '?') AS r, status || '/' || order_id AS tag FROM sample.orders ORDER BY order_id DESC LIMIT 6",
  'whole-table aggregates':
    'SELECT count(*), count(region), sum(amount) / count(*) AS mean, round(avg(amount), 2) AS avg2, min(amount), max(quantity) FROM sample.orders',
  'timestamptz in another zone':
    "SET TimeZone = 'Asia/Kolkata'; SELECT order_id, updated_at, date_trunc('day', updated_at) AS d FROM sample.orders ORDER BY updated_at LIMIT 4",
  'CASE and BETWEEN':
    "SELECT CASE WHEN amount BETWEEN 0 AND 500 THEN 'small' WHEN amount < 2000 THEN 'medium' ELSE 'large' END AS size, count(*) FROM sample.orders GROUP BY 1 ORDER BY 1",
  'GROUP BY an alias, ORDER BY an expression, OFFSET':
    'SELECT quantity % 3 AS bucket, count(*) AS n, sum(amount) AS total FROM sample.orders GROUP BY bucket ORDER BY sum(amount) DESC OFFSET 1',
  'floats, numeric division and casts':
    "SELECT order_id, amount::float8 / 3 AS third, amount / 7 AS seventh, (amount * 100)::int8 AS cents, order_date::text || 'T' AS d FROM sample.orders ORDER BY order_id LIMIT 5",
  'LIKE, ILIKE and IS DISTINCT FROM':
    "SELECT order_id, status FROM sample.orders WHERE status LIKE 'd%' AND region ILIKE 'N%' AND region IS DISTINCT FROM 'south' ORDER BY order_id LIMIT 5",
};

const both = selectedTargets();
const enabled = both.includes('postgres') && both.includes('lakegate');

describe(
  'same answers as PostgreSQL on the demo table',
  { skip: !enabled && 'needs LAKEGATE_TEST_TARGETS=both', timeout: 300_000 },
  () => {
    const targets: ClientTarget[] = [];
    before(async () => {
      targets.push(await startTarget('postgres'), await startTarget('lakegate'));
    });
    after(async () => {
      for (const t of targets) await t.close();
    });

    async function psql(target: ClientTarget, sql: string): Promise<string> {
      const script = `SET TimeZone = 'UTC';\n${sql};\n`;
      const result = await runProcess(psqlPath, ['-X', '-v', 'ON_ERROR_STOP=1'], {
        input: script,
        env: libpqEnv(target),
        timeoutMs: 30_000,
      });
      assert.equal(result.code, 0, describeResult(`psql against ${target.kind}`, result));
      return result.stdout;
    }

    for (const [name, sql] of Object.entries(queries)) {
      it(name, async () => {
        const [postgres, lakegate] = await Promise.all(targets.map((t) => psql(t, sql)));
        assert.equal(lakegate, postgres, sql);
      });
    }
  },
);
