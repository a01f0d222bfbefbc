/**
 * DuckDB (in-process, @duckdb/node-api) over the same TPC-H Parquet files lakegate reads: the
 * independent check of the committed answers (make-goldens.ts) and the bench's reference.
 * Each table is a view over `<dataDir>/<table>/*.parquet`, so DuckDB reads the files on every
 * query as lakegate does, with no import step.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AnswerTable, Cell, CellEquality } from './answer-table.js';
import { TPCH_TABLES } from './tpch-schema.js';

export interface DuckResult extends AnswerTable {
  /** DuckDB's type of each column, e.g. `DECIMAL(38,2)`, `DOUBLE`, `BIGINT`. */
  readonly types: readonly string[];
}

export interface TpchDuck {
  query(sql: string): Promise<DuckResult>;
  close(): void;
}

export async function openTpchDuck(dataDir: string, threads: number): Promise<TpchDuck> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection: DuckDBConnection = await instance.connect();
  for (const table of TPCH_TABLES.keys()) {
    const files = join(dataDir, table, '*.parquet').replaceAll("'", "''");
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${files}')`);
  }
  return {
    async query(sql: string): Promise<DuckResult> {
      const result = await connection.runAndReadAll(sql);
      const rows = result
        .getRows()
        .map((row) => row.map((v): Cell => (v === null ? null : String(v))));
      return {
        columns: result.columnNames(),
        types: result.columnTypes().map(String),
        rows,
      };
    },
    close(): void {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * How a PostgreSQL-typed answer is compared with DuckDB's: text equal, or exact decimal
 * equality where DuckDB computed a DECIMAL or integer, or 1e-12 relative where it computed a
 * DOUBLE (its avg and decimal division), which it cannot print with PostgreSQL's digits.
 */
export function duckEquality(duck: DuckResult): CellEquality {
  return (expected, actual, column) => {
    if (expected === actual) return true;
    if (expected === null || actual === null) return false;
    const type = duck.types[column] ?? '';
    const e = Number(expected);
    const a = Number(actual);
    if (!Number.isFinite(e) || !Number.isFinite(a)) return false;
    if (type === 'DOUBLE' || type === 'FLOAT') return Math.abs(e - a) <= 1e-12 * Math.abs(e);
    return /^(DECIMAL|BIGINT|INTEGER|HUGEINT|SMALLINT)/.test(type) && sameDecimal(expected, actual);
  };
}

/** Equal as exact decimals: `1.50` and `1.5`, `1995` and `1995.0`. */
function sameDecimal(x: string, y: string): boolean {
  const canonical = (s: string): string =>
    s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return canonical(x) === canonical(y);
}
