/**
 * node-postgres (`pg`, with `pg-cursor`) against each target: parameters (extended protocol
 * with text-format parameters and results), named prepared statements reused across
 * executions, pg-cursor reading a portal in chunks (Execute with a row limit), and errors that
 * carry `code` and `position`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { selectedTargets, startTarget, type ClientTarget } from './targets.js';

interface PgError {
  readonly code?: string;
  readonly position?: string;
  readonly message: string;
}

async function expectError(promise: Promise<unknown>): Promise<PgError> {
  try {
    await promise;
  } catch (error) {
    return error as PgError;
  }
  assert.fail('the statement should have failed');
}

function readChunk(cursor: Cursor, rows: number): Promise<unknown[]> {
  return cursor.read(rows);
}

for (const kind of selectedTargets()) {
  describe(`node-postgres against ${kind}`, { timeout: 180_000 }, () => {
    let target: ClientTarget;
    let client: pg.Client;
    before(async () => {
      target = await startTarget(kind);
      client = new pg.Client({
        host: target.host,
        port: target.port,
        database: target.database,
        user: target.user,
        connectionTimeoutMillis: 10_000,
        // No query_timeout: pg leaves its timer running for Cursor submittables, holding the
        // process for that long after the suite ends; the suite timeout bounds the test.
      });
      await client.connect();
    });
    // One hook, so the client ends before its server stops (after hooks run in order).
    after(async () => {
      await client?.end();
      await target?.close();
    });

    it('binds parameters of several types', async () => {
      const result = await client.query(
        'SELECT $1::int4 + 1 AS n, $2::text AS t, $3::numeric AS d, $4::bool AS b, $5::date AS dt, $6::text AS nothing',
        [41, 'h\u00e9llo', '12.50', true, '2024-01-02', null],
      );
      assert.equal(result.rowCount, 1);
      assert.deepEqual(
        result.fields.map((f) => [f.name, f.dataTypeID]),
        [
          ['n', 23],
          ['t', 25],
          ['d', 1700],
          ['b', 16],
          ['dt', 1082],
          ['nothing', 25],
        ],
      );
      const row = result.rows[0] as Record<string, unknown>;
      assert.equal(row['n'], 42);
      assert.equal(row['t'], 'h\u00e9llo');
      assert.equal(row['d'], '12.50');
      assert.equal(row['b'], true);
      assert.ok(row['dt'] instanceof Date);
      assert.equal(row['nothing'], null);
    });

    it('reuses a named prepared statement', async () => {
      for (let i = 0; i < 6; i++) {
        const result = await client.query({
          name: 'lakegate-doubler',
          text: 'SELECT $1::int8 * 2 AS doubled, $2::text AS label',
          values: [i, `n${i}`],
        });
        // int8 arrives as a string in node-postgres's text parsing.
        assert.deepEqual(result.rows, [{ doubled: String(i * 2), label: `n${i}` }]);
      }
      const rowMode = await client.query({ text: 'SELECT 1 AS a, 2 AS b', rowMode: 'array' });
      assert.deepEqual(rowMode.rows, [[1, 2]]);
    });

    it('reads a portal in chunks with pg-cursor', async () => {
      const all = await client.query(target.streamSql);
      const expected = all.rowCount ?? 0;
      assert.ok(expected > 30, `stream query returned ${expected} rows`);
      // Portals outlive Execute only inside a transaction block across Syncs.
      await client.query('BEGIN');
      const cursor = client.query(new Cursor(target.streamSql));
      let total = 0;
      const sizes: number[] = [];
      for (;;) {
        const chunk = await readChunk(cursor, 25);
        if (chunk.length === 0) break;
        sizes.push(chunk.length);
        total += chunk.length;
      }
      await cursor.close();
      await client.query('COMMIT');
      assert.equal(total, expected);
      assert.equal(sizes[0], 25);
      assert.ok(sizes.length >= 2, `expected several chunks, got ${sizes.join(',')}`);
    });

    it('reports errors with code and position', async () => {
      const syntax = await expectError(client.query('SELEC 1'));
      assert.equal(syntax.code, '42601');
      assert.equal(syntax.position, '1');
      assert.equal(syntax.message, 'syntax error at or near "SELEC"');
      const later = await expectError(client.query('SELECT 1 +'));
      assert.equal(later.code, '42601');
      assert.equal(later.position, '11');
      assert.equal(later.message, 'syntax error at end of input');
      const extended = await expectError(client.query('SELECT $1::int4 / 0', [1]));
      assert.equal(extended.code, '22012');
      assert.equal(extended.message, 'division by zero');
      const again = await client.query('SELECT 1 AS ok');
      assert.deepEqual(again.rows, [{ ok: 1 }]);
    });

    it('answers the session functions and settings', async () => {
      const result = await client.query(
        'SELECT current_database() AS db, current_user AS who, pg_backend_pid() AS pid',
      );
      const row = result.rows[0] as Record<string, unknown>;
      assert.equal(row['db'], target.database);
      assert.equal(row['who'], target.user);
      assert.equal(typeof row['pid'], 'number');
      await client.query("SET TimeZone = 'UTC'");
      const shown = await client.query('SHOW TimeZone');
      assert.deepEqual(shown.rows, [{ TimeZone: 'UTC' }]);
    });
  });
}
