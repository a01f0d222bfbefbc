import type { ColumnDef, PartitionTerm, RowFormat } from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { parseTypeName } from '../type-name-parser.js';
import { expectString, parseProperties } from './table-clauses.js';

/** `(name type [NOT NULL] [COMMENT '...'], ...)` of CREATE TABLE (Spark, Hive, Trino). */
export function parseColumnDefs(c: TokenCursor): ColumnDef[] {
  c.expectPunct('(');
  const columns: ColumnDef[] = [];
  do columns.push(parseColumnDef(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return columns;
}

function parseColumnDef(c: TokenCursor): ColumnDef {
  const start = c.peek.start;
  const name = c.expectIdent(true);
  const type = parseTypeName(c);
  const notNull = c.acceptWords('not', 'null');
  if (!notNull) c.acceptWords('null');
  const comment = c.acceptWords('comment') ? expectString(c) : null;
  return { kind: 'column-def', span: c.span(start), name, type, notNull, comment };
}

/**
 * `PARTITIONED BY (col, months(d), bucket(16, id), dt string COMMENT '...')`: Iceberg transforms
 * (Spark DDL "PARTITIONED BY"), plain columns, and Hive partition columns with their types.
 */
export function parsePartitionTerms(c: TokenCursor): PartitionTerm[] {
  c.expectPunct('(');
  const terms: PartitionTerm[] = [];
  do {
    const start = c.peek.start;
    const expr = parseExpr(c);
    const typed = !c.isPunct(',') && !c.isPunct(')') && !c.isWord('comment');
    const type = typed ? parseTypeName(c) : null;
    const comment = c.acceptWords('comment') ? expectString(c) : null;
    terms.push({ kind: 'partition-term', span: c.span(start), expr, type, comment });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return terms;
}

/** DELIMITED clauses (Hive DDL "Row Formats & SerDe"), by the words that start them. */
const DELIMITERS: readonly (readonly [readonly string[], string])[] = [
  [['fields', 'terminated', 'by'], 'fields'],
  [['escaped', 'by'], 'escaped'],
  [['collection', 'items', 'terminated', 'by'], 'collection'],
  [['map', 'keys', 'terminated', 'by'], 'map-keys'],
  [['lines', 'terminated', 'by'], 'lines'],
  [['null', 'defined', 'as'], 'null'],
];

/** The words that print each DELIMITED clause. */
export const DELIMITER_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  DELIMITERS.map(([words, clause]) => [clause, words.join(' ').toUpperCase()]),
);

/** After ROW FORMAT: `SERDE 'class' [WITH SERDEPROPERTIES (...)]` or `DELIMITED ...`. */
export function parseRowFormat(c: TokenCursor, start: number): RowFormat {
  if (c.acceptWords('serde')) {
    const serde = expectString(c);
    const props = c.acceptWords('with', 'serdeproperties') ? parseProperties(c) : [];
    const span = c.span(start);
    return { kind: 'row-format', span, serde, serdeProperties: props, delimiters: [] };
  }
  c.expectWords('delimited');
  const delimiters: { clause: string; value: string }[] = [];
  for (;;) {
    const found = DELIMITERS.find(([words]) => c.acceptWords(...words));
    if (found === undefined) break;
    delimiters.push({ clause: found[1], value: expectString(c) });
  }
  return { kind: 'row-format', span: c.span(start), serde: null, serdeProperties: [], delimiters };
}
