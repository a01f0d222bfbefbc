import type { SqlValue } from '../sql-value.js';

/**
 * array_out (PostgreSQL docs §8.15.6): `{e1,e2,NULL}`; an element is double-quoted when
 * it is empty, equals NULL (any case), or contains braces, quotes, backslashes, the
 * delimiter or white space; inside quotes `"` and `\` are backslash-escaped.
 */
export function formatArray(values: readonly SqlValue[], element: (v: SqlValue) => string): string {
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    if (Array.isArray(v)) return formatArray(v as readonly SqlValue[], element);
    return quoteArrayElement(element(v));
  });
  return `{${parts.join(',')}}`;
}

const NEEDS_QUOTES = /[{}",\\ \t\n\r\v\f]/;

/** Quotes one element's text when array_in would otherwise misread it. */
export function quoteArrayElement(text: string): string {
  if (text !== '' && !NEEDS_QUOTES.test(text) && text.toLowerCase() !== 'null') return text;
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}
