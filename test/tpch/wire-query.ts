/**
 * Runs one statement over the wire with node-postgres (simple Query protocol, as psql sends
 * it) and returns the result as PostgreSQL printed it: every value in text form, untouched by
 * node-postgres's type parsers, with the column names.
 */
import pg from 'pg';
import type { AnswerTable, Cell } from './answer-table.js';

export interface WireTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** Keeps every value as the server's text. */
const rawText = { getTypeParser: () => (value: string) => value };

/** A connection whose session starts with `settings` (sent as the startup `options`). */
export async function connect(
  target: WireTarget,
  settings: Readonly<Record<string, string>> = {},
): Promise<pg.Client> {
  const options = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    ...(options === '' ? {} : { options }),
    types: rawText as unknown as pg.CustomTypesConfig,
  });
  await client.connect();
  return client;
}

export async function queryText(client: pg.Client, sql: string): Promise<AnswerTable> {
  const result = await client.query<Cell[]>({ text: sql, rowMode: 'array' });
  return { columns: result.fields.map((f) => f.name), rows: result.rows };
}
