import type {
  AddColumns,
  AddedColumn,
  AlterColumn,
  ColumnPosition,
  DropColumns,
  QualifiedName,
  RenameColumn,
  TypeName,
} from '../ast.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { parseTypeName } from '../type-name-parser.js';
import { acceptIfExists, expectString } from './table-clauses.js';

/**
 * Column changes of ALTER TABLE (Iceberg Spark DDL "ALTER TABLE ... ADD COLUMN", Spark SQL
 * reference, PostgreSQL ALTER TABLE). Each parser starts after its key words.
 */

/** `ADD COLUMN c T ...` or `ADD COLUMNS (c T, ...)`; `plural` when COLUMNS was written. */
export function parseAddColumns(c: TokenCursor, start: number, plural: boolean): AddColumns {
  const columns: AddedColumn[] = [];
  const parenthesised = c.acceptPunct('(');
  if (plural && !parenthesised) throw c.error();
  do columns.push(parseAddedColumn(c));
  while ((parenthesised || plural) && c.acceptPunct(','));
  if (parenthesised) c.expectPunct(')');
  return { kind: 'add-columns', span: c.span(start), columns };
}

function parseAddedColumn(c: TokenCursor): AddedColumn {
  const start = c.peek.start;
  const name = parseColumnName(c);
  const type = parseTypeName(c);
  const notNull = c.acceptWords('not', 'null');
  const comment = c.acceptWords('comment') ? expectString(c) : null;
  const position = parsePosition(c);
  return { kind: 'added-column', span: c.span(start), name, type, notNull, comment, position };
}

/** A column name; nested fields are dotted (`point.z`) and may be key words after the first. */
function parseColumnName(c: TokenCursor): QualifiedName {
  return parseQualifiedName(c);
}

/** `FIRST` | `AFTER col` (Spark, Iceberg). */
function parsePosition(c: TokenCursor): ColumnPosition | null {
  if (c.acceptWords('first')) return { after: null };
  if (c.acceptWords('after')) return { after: c.expectIdent(true) };
  return null;
}

/** `DROP COLUMN [IF EXISTS] c` or `DROP COLUMNS [IF EXISTS] (a, b)`. */
export function parseDropColumns(c: TokenCursor, start: number, plural: boolean): DropColumns {
  const ifExists = acceptIfExists(c);
  const names: QualifiedName[] = [];
  const parenthesised = c.acceptPunct('(');
  if (plural && !parenthesised) throw c.error();
  do names.push(parseColumnName(c));
  while ((parenthesised || plural) && c.acceptPunct(','));
  if (parenthesised) c.expectPunct(')');
  return { kind: 'drop-columns', span: c.span(start), ifExists, names };
}

/** `RENAME COLUMN a TO b`. */
export function parseRenameColumn(c: TokenCursor, start: number): RenameColumn {
  const from = parseColumnName(c);
  c.expectWords('to');
  const to = c.expectIdent(true);
  return { kind: 'rename-column', span: c.span(start), from, to };
}

/**
 * `ALTER [COLUMN] c` then any of `[SET DATA] TYPE T`, `COMMENT '...'`, `SET|DROP NOT NULL`,
 * `FIRST`, `AFTER x` (Iceberg: `ALTER COLUMN measurement TYPE double COMMENT '...'`).
 */
export function parseAlterColumn(c: TokenCursor, start: number): AlterColumn {
  const name = parseColumnName(c);
  let type: TypeName | null = null;
  let comment: string | null = null;
  let notNull: boolean | null = null;
  let position: ColumnPosition | null = null;
  let changed = false;
  for (;;) {
    if (type === null && (c.acceptWords('type') || c.acceptWords('set', 'data', 'type')))
      type = parseTypeName(c);
    else if (comment === null && c.acceptWords('comment')) comment = expectString(c);
    else if (notNull === null && c.acceptWords('set', 'not', 'null')) notNull = true;
    else if (notNull === null && c.acceptWords('drop', 'not', 'null')) notNull = false;
    else if (position === null && (position = parsePosition(c)) !== null) continue;
    else break;
    changed = true;
  }
  if (!changed && position === null) throw c.error();
  return { kind: 'alter-column', span: c.span(start), name, type, comment, notNull, position };
}
