/**
 * Test support (not used by production code): runs the same query on a real
 * PostgreSQL 15 (a private cluster from test/support/postgres.ts, or the one at
 * LAKEGATE_TEST_PG_PORT) through psql, and renders lakegate's rows the way psql
 * prints them, so aggregate and window tests compare text to the last digit.
 */
import { spawnSync } from 'node:child_process';
import { formatType, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { DEFAULT_TEXT_OPTIONS, formatValue } from '../../common/values/format-value.js';
import { postgresUnavailableReason, startPostgres } from '../../../test/support/postgres.js';

export interface PgOracle {
  /** The rows of a query as psql's unaligned text, fields joined by '|', NULL as 'NULL'. */
  rows(sql: string): string[];
  close(): Promise<void>;
}

export async function startOracle(): Promise<PgOracle | null> {
  const fixed = process.env['LAKEGATE_TEST_PG_PORT'];
  if (fixed === undefined && postgresUnavailableReason() !== undefined) return null;
  const pg = fixed === undefined ? await startPostgres() : null;
  const port = fixed ?? String(pg!.port);
  return {
    rows: (sql) => {
      const r = spawnSync(
        'psql',
        [
          '-X',
          '-At',
          '-F',
          '|',
          '-P',
          'null=NULL',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          port,
          '-U',
          'postgres',
          '-d',
          'postgres',
          '-c',
          sql,
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`psql failed for ${sql}:\n${r.stderr}`);
      return r.stdout.split('\n').filter((l) => l !== '');
    },
    close: async () => {
      await pg?.close();
    },
  };
}

/** A SQL literal of a value: its text cast to the type. */
export function sqlLiteral(type: SqlType, v: SqlValue): string {
  const t = formatType(type);
  if (v === null) return `NULL::${t}`;
  const text = formatValue(type, v, DEFAULT_TEXT_OPTIONS)!;
  return `'${text.replace(/'/g, "''")}'::${t}`;
}

/** `(VALUES ...) AS t(c0, c1, ...)` holding `rows`. */
export function valuesSql(
  types: readonly SqlType[],
  rows: readonly (readonly SqlValue[])[],
): string {
  const names = types.map((_, i) => `c${i}`).join(', ');
  if (rows.length === 0) {
    const nulls = types.map((t) => sqlLiteral(t, null)).join(', ');
    return `(SELECT ${nulls} WHERE false) AS t(${names})`;
  }
  const body = rows
    .map((r) => `(${r.map((v, i) => sqlLiteral(types[i]!, v)).join(', ')})`)
    .join(',\n');
  return `(VALUES ${body}) AS t(${names})`;
}

/** lakegate's rows as psql would print them. */
export function textRows(
  types: readonly SqlType[],
  rows: readonly (readonly SqlValue[])[],
): string[] {
  return rows.map((r) =>
    r.map((v, i) => formatValue(types[i]!, v, DEFAULT_TEXT_OPTIONS) ?? 'NULL').join('|'),
  );
}
