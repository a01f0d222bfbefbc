/**
 * SQL logic test files (`*.slt`, a subset of sqllogictest's format), one record per block:
 *
 *   statement ok            the statement succeeds
 *   statement error 22012   it fails with this SQLSTATE
 *   query [rowsort]         its rows, cells joined by `|`, NULL as `NULL`, '' as `(empty)`,
 *   ----                    after a `----` line; `rowsort` compares sorted rows
 *
 * Records are separated by blank lines; `#` starts a comment line. A record headed by
 * `onlyif lakegate` on its own line first is lakegate's dialect (TRY_CAST, Spark and Trino
 * functions): PostgreSQL does not run it, so its expected rows come from the engine's
 * documented semantics rather than from PostgreSQL.
 */
export type SltRecord =
  | {
      readonly kind: 'statement';
      readonly sql: string;
      readonly error: string | null;
      readonly line: number;
      readonly lakegateOnly: boolean;
    }
  | {
      readonly kind: 'query';
      readonly sql: string;
      readonly rowsort: boolean;
      readonly expected: readonly string[];
      readonly line: number;
      readonly lakegateOnly: boolean;
    };

export function parseSlt(text: string, file: string): SltRecord[] {
  const records: SltRecord[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const header = (lines[i] ?? '').trim();
    if (header === '' || header.startsWith('#')) {
      i++;
      continue;
    }
    const lakegateOnly = header === 'onlyif lakegate';
    if (lakegateOnly) i++;
    const line = i + 1;
    const recordHeader = lakegateOnly ? (lines[i] ?? '').trim() : header;
    const body: string[] = [];
    for (i++; i < lines.length && (lines[i] ?? '').trim() !== '' && lines[i] !== '----'; i++) {
      body.push(lines[i] ?? '');
    }
    const sql = body.join('\n');
    const [kind, ...args] = recordHeader.split(/\s+/);
    if (kind === 'statement' && args[0] === 'ok') {
      records.push({ kind: 'statement', sql, error: null, line, lakegateOnly });
    } else if (kind === 'statement' && args[0] === 'error' && args[1]) {
      records.push({ kind: 'statement', sql, error: args[1], line, lakegateOnly });
    } else if (kind === 'query' && lines[i] === '----') {
      const expected: string[] = [];
      for (i++; i < lines.length && (lines[i] ?? '').trim() !== ''; i++)
        expected.push(lines[i] ?? '');
      records.push({
        kind: 'query',
        sql,
        rowsort: args.includes('rowsort'),
        expected,
        line,
        lakegateOnly,
      });
    } else {
      throw new Error(`${file}:${line}: cannot read record "${recordHeader}"`);
    }
  }
  return records;
}

/** One result cell as the files write it. */
export function cellText(value: string | null): string {
  if (value === null) return 'NULL';
  return value === '' ? '(empty)' : value;
}
