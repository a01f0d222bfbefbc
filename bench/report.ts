/**
 * Prints bench results as a plain-text table: one row per workload, one column per server,
 * and lakegate's figure as a ratio of PostgreSQL's.
 */
import type { PgbenchResult } from './pgbench.js';

export interface BenchRow {
  readonly label: string;
  readonly clients: number;
  /** 'tps' rows: higher is better; 'connect' rows: milliseconds, lower is better. */
  readonly unit: 'tps' | 'connect';
  readonly results: ReadonlyMap<string, PgbenchResult>;
}

function figure(row: BenchRow, result: PgbenchResult | undefined): number | undefined {
  return row.unit === 'tps' ? result?.tps : result?.connectionMs;
}

function cell(row: BenchRow, result: PgbenchResult | undefined): string {
  if (result === undefined) return '-';
  if (result.error !== undefined) return 'error';
  const value = figure(row, result);
  if (value === undefined) return '?';
  return row.unit === 'tps' ? Math.round(value).toLocaleString('en-US') : `${value.toFixed(2)} ms`;
}

function ratio(row: BenchRow, baseline: string, subject: string): string {
  const base = figure(row, row.results.get(baseline));
  const value = figure(row, row.results.get(subject));
  if (base === undefined || value === undefined || base === 0) return '-';
  return `${(value / base).toFixed(2)}x`;
}

const pad = (text: string, width: number, right: boolean): string =>
  right ? text.padStart(width) : text.padEnd(width);

export function formatReport(rows: readonly BenchRow[], servers: readonly string[]): string {
  const [baseline, ...subjects] = servers;
  const header = ['workload', 'clients', ...servers];
  if (baseline !== undefined) header.push(...subjects.map((s) => `${s}/${baseline}`));
  const body = rows.map((row) => {
    const cells = [
      row.label,
      String(row.clients),
      ...servers.map((s) => cell(row, row.results.get(s))),
    ];
    if (baseline !== undefined) cells.push(...subjects.map((s) => ratio(row, baseline, s)));
    return cells;
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => cells[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ');
  const errors = rows.flatMap((row) =>
    [...row.results].flatMap(([server, r]) =>
      r.error === undefined
        ? []
        : [`  ${server}, ${row.label}, ${row.clients} clients: ${r.error}`],
    ),
  );
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...(errors.length > 0 ? ['', 'errors:', ...errors] : []),
  ].join('\n');
}
