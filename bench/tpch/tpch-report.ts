/**
 * Prints the TPC-H bench as a plain-text table: per query lakegate's and DuckDB's wall time,
 * lakegate/DuckDB (lower is better, 1.00x is parity), lakegate's row count, whether its answer
 * matched DuckDB's, and lakegate's peak resident memory so far (VmHWM).
 */
export interface TpchRow {
  readonly query: string;
  readonly lakegateMs: number | undefined;
  /** lakegate's first run: its workers compile their hot paths while running it. */
  readonly lakegateFirstMs: number | undefined;
  readonly duckdbMs: number | undefined;
  readonly rows: number | undefined;
  /** `ok`, `wrong: …`, `timeout`, `error …`. */
  readonly status: string;
  readonly peakRss: number | undefined;
}

const ms = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(0));

function ratio(row: TpchRow): string {
  if (row.lakegateMs === undefined || row.duckdbMs === undefined || row.duckdbMs === 0) return '-';
  return `${(row.lakegateMs / row.duckdbMs).toFixed(1)}x`;
}

const mib = (bytes: number | undefined): string =>
  bytes === undefined ? '-' : `${Math.round(bytes / 1024 ** 2)} MiB`;

export function formatTpchReport(rows: readonly TpchRow[]): string {
  const header = [
    'query',
    'lakegate ms',
    'duckdb ms',
    'lakegate/duckdb',
    'lakegate 1st ms',
    'rows',
    'peak RSS',
  ];
  const body = rows.map((r) => [
    r.query,
    ms(r.lakegateMs),
    ms(r.duckdbMs),
    ratio(r),
    ms(r.lakegateFirstMs),
    r.rows === undefined ? '-' : String(r.rows),
    mib(r.peakRss),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  const okCount = rows.filter((r) => r.status === 'ok').length;
  const both = rows.filter((r) => r.lakegateMs !== undefined && r.duckdbMs !== undefined);
  const total = (pick: (r: TpchRow) => number | undefined): number =>
    both.reduce((sum, r) => sum + (pick(r) ?? 0), 0);
  const summary =
    both.length === 0
      ? 'no query answered by both'
      : `${okCount}/${rows.length} ok; sum over the ${both.length} answered by both: lakegate ${total((r) => r.lakegateMs).toFixed(0)} ms, DuckDB ${total((r) => r.duckdbMs).toFixed(0)} ms`;
  const statusLines = rows.map((r) => `  ${r.query.padEnd(widths[0] ?? 0)}  ${r.status}`);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    summary,
    'status:',
    ...statusLines,
  ].join('\n');
}
