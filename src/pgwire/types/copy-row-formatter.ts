import type { Data, RecordBatch } from 'apache-arrow';
import type { SqlValue } from '../../common/sql-value.js';
import { textFormatter, type TextOptions } from '../../common/values/format-value.js';
import { valueReader } from '../../common/values/read-value.js';
import type { CopyOutOptions, ResultColumn } from '../../engine/query-engine.js';

/**
 * COPY ... TO STDOUT row formatting (PostgreSQL docs, COPY "File Formats"): text format
 * is delimiter-separated with backslash escapes and the null string (default `\N`);
 * CSV quotes a value only when needed. Each row ends in a newline; each goes out as
 * one CopyData message.
 */
export interface CopyRowFormatter {
  /** The HEADER line, or null when no header was asked for. */
  header(): Buffer | null;
  /** The rows of one batch, one Buffer per row, columnar: each column is formatted once. */
  rows(batch: RecordBatch): Buffer[];
}

export function copyRowFormatter(
  columns: readonly ResultColumn[],
  copy: CopyOutOptions,
  options: TextOptions,
): CopyRowFormatter {
  const quoteValue =
    copy.format === 'csv' ? csvQuoter(copy, columns.length === 1) : textEscaper(copy.delimiter);
  const cells = columns.map((c) => {
    const format = textFormatter(c.type, options);
    return (v: SqlValue): string => (v === null ? copy.nullString : quoteValue(format(v)));
  });
  const line = (fields: string[]): Buffer =>
    Buffer.from(`${fields.join(copy.delimiter)}\n`, 'utf8');
  return {
    header: () => (copy.header ? line(columns.map((c) => quoteValue(c.name))) : null),
    rows(batch) {
      const texts = cells.map((cell, j) => columnTexts(batch, j, cell, columns[j]?.type));
      const out: Buffer[] = [];
      for (let i = 0; i < batch.numRows; i++) out.push(line(texts.map((col) => col[i] ?? '')));
      return out;
    },
  };
}

function columnTexts(
  batch: RecordBatch,
  j: number,
  cell: (v: SqlValue) => string,
  type: ResultColumn['type'] | undefined,
): string[] {
  const vector = batch.getChildAt(j);
  if (!vector || !type) return [];
  const read = valueReader(type);
  const out: string[] = [];
  for (const data of vector.data as readonly Data[])
    for (let i = 0; i < data.length; i++) out.push(cell(read(data, i)));
  return out;
}

const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Text format: backslash, control characters and the delimiter are backslash-escaped. */
function textEscaper(delimiter: string): (s: string) => string {
  const special = new RegExp(`[\\\\\\b\\f\\n\\r\\t\\v${escapeRegExp(delimiter)}]`, 'g');
  return (s) => s.replace(special, (c) => TEXT_ESCAPES[c] ?? `\\${c}`);
}

/**
 * CSV: quote when the value contains the delimiter, quote, CR or LF, equals the null
 * string, or is `\.` alone in a one-column row; inside quotes the quote and escape
 * characters are preceded by the escape character.
 */
function csvQuoter(copy: CopyOutOptions, singleColumn: boolean): (s: string) => string {
  const needs = (s: string): boolean =>
    s === copy.nullString ||
    (singleColumn && s === '\\.') ||
    s.includes(copy.delimiter) ||
    s.includes(copy.quote) ||
    s.includes('\n') ||
    s.includes('\r');
  const inner = new RegExp(`[${escapeRegExp(copy.quote)}${escapeRegExp(copy.escape)}]`, 'g');
  return (s) =>
    needs(s) ? `${copy.quote}${s.replace(inner, (c) => copy.escape + c)}${copy.quote}` : s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
