import type { Span, Statement } from './ast.js';
import { parseStatement } from './statement-parser.js';
import { splitStatements } from './statement-splitter.js';
import { TokenCursor } from './token-cursor.js';
import { tokenize } from './tokenizer.js';

export interface ParsedSql {
  readonly statement: Statement;
  /** The statement's extent in the text given to parseSql, without its `;`. */
  readonly span: Span;
  /** The statement's text: `sql.slice(span.start, span.end)`. */
  readonly text: string;
}

/**
 * Parses every statement in `sql` (separated by semicolons). Empty statements
 * (`;`, comments only) are skipped. Like PostgreSQL, the whole text is parsed
 * before anything runs: an error anywhere throws LakeError 42601 (or 0A000 for
 * recognised but unsupported syntax) with a 1-based character position.
 */
export function parseSql(sql: string): ParsedSql[] {
  return splitStatements(tokenize(sql)).map((tokens) => {
    const c = new TokenCursor(sql, tokens);
    const statement = parseStatement(c);
    if (!c.atEnd) throw c.error();
    const first = tokens[0];
    const span = { start: first === undefined ? 0 : first.start, end: c.lastEnd };
    return { statement, span, text: sql.slice(span.start, span.end) };
  });
}
