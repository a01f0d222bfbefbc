import { RESERVED_KEYWORDS, TYPE_FUNC_KEYWORDS } from './keywords.js';

/** An identifier as SQL: bare when it re-lexes to itself, else double-quoted (docs §4.1.1). */
export function quoteIdent(name: string): string {
  const bare =
    /^[a-z_][a-z0-9_$]*$/.test(name) &&
    !RESERVED_KEYWORDS.has(name) &&
    !TYPE_FUNC_KEYWORDS.has(name);
  return bare ? name : `"${name.replaceAll('"', '""')}"`;
}

export function quoteName(parts: readonly string[]): string {
  return parts.map(quoteIdent).join('.');
}

/** A standard-conforming string constant: quotes doubled, backslashes literal (docs §4.1.2.1). */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
