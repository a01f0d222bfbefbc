/**
 * The committed TPC-H answers (test/tpch/answers/qNN.tsv) and how a result is compared with
 * one. File format: the first line holds the column names, each further line one row; fields
 * are separated by a tab and hold PostgreSQL's text output of the value, written as COPY's
 * text format writes it: NULL is `\N`, and a backslash, tab, newline or carriage return
 * inside a value is `\\`, `\t`, `\n`, `\r`.
 */

/** The scale factor the committed answers are for. */
export const GOLDEN_SCALE = 0.1;

export type Cell = string | null;

export interface AnswerTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const unescapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

function escapeField(value: Cell): string {
  return value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c);
}

function unescapeField(field: string): Cell {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/g, (_, c: string) => unescapes[c] ?? c);
}

export function formatAnswer(table: AnswerTable): string {
  const lines = [table.columns, ...table.rows].map((r) => r.map(escapeField).join('\t'));
  return lines.join('\n') + '\n';
}

export function parseAnswer(text: string): AnswerTable {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [header, ...rows] = lines.map((line) => line.split('\t').map(unescapeField));
  if (header === undefined) throw new Error('empty answer file: no header line');
  return { columns: header.map((c) => c ?? ''), rows };
}

/** Whether two cells are the same value; the test uses exact text, the golden script's cross-check a numeric tolerance. */
export type CellEquality = (expected: Cell, actual: Cell, column: number) => boolean;

export const sameText: CellEquality = (expected, actual) => expected === actual;

const show = (row: readonly Cell[] | undefined): string =>
  row === undefined ? '(no row)' : row.map((c) => (c === null ? 'NULL' : c)).join(' | ');

/**
 * Compares a result with the expected answer; undefined when they agree, else what differs.
 * The rows must be the same multiset, and the columns of the query's ORDER BY (`orderKeys`,
 * positions in the select list) must appear in the same order row by row, so rows that tie on
 * every sort key may come in any order, as SQL allows, and nothing else may differ.
 */
export function compareAnswer(
  expected: AnswerTable,
  actual: AnswerTable,
  orderKeys: readonly number[],
  equal: CellEquality = sameText,
): string | undefined {
  if (expected.columns.join('\t') !== actual.columns.join('\t'))
    return `columns differ:\n  expected ${expected.columns.join(', ')}\n  actual   ${actual.columns.join(', ')}`;
  if (expected.rows.length !== actual.rows.length)
    return `expected ${expected.rows.length} rows, got ${actual.rows.length}; first rows:\n  expected ${show(expected.rows[0])}\n  actual   ${show(actual.rows[0])}`;
  const rowsEqual = (a: readonly Cell[], b: readonly Cell[]): boolean =>
    a.length === b.length && a.every((cell, i) => equal(cell, b[i] ?? null, i));
  // Keys first: a mismatch there names the first row out of place.
  for (let i = 0; i < expected.rows.length; i++) {
    const e = expected.rows[i] as readonly Cell[];
    const a = actual.rows[i] as readonly Cell[];
    if (!orderKeys.every((k) => equal(e[k] ?? null, a[k] ?? null, k)))
      return `row ${i + 1} out of order or wrong in its sort keys:\n  expected ${show(e)}\n  actual   ${show(a)}`;
  }
  // Then the multiset: each expected row is matched to an unused equal actual row, searching
  // from the same position (in sorted results the match is almost always there).
  const used = new Uint8Array(actual.rows.length);
  for (let i = 0; i < expected.rows.length; i++) {
    const e = expected.rows[i] as readonly Cell[];
    let found = -1;
    for (let d = 0; d < actual.rows.length && found < 0; d++) {
      for (const j of d === 0 ? [i] : [i + d, i - d]) {
        if (
          j >= 0 &&
          j < actual.rows.length &&
          used[j] === 0 &&
          rowsEqual(e, actual.rows[j] as readonly Cell[])
        ) {
          found = j;
          break;
        }
      }
    }
    if (found < 0)
      return `row ${i + 1} not in the result:\n  expected ${show(e)}\n  actual   ${show(actual.rows[i])}`;
    used[found] = 1;
  }
  return undefined;
}
