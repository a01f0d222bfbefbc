import type { InsertStatement, PartitionValue } from '../ast.js';
import { parseNameList } from '../from-parser.js';
import { parseQualifiedName } from '../qualified-name.js';
import { isQueryStart, parseQuery } from '../query-parser.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parsePartitionValues } from './table-clauses.js';

/**
 * `INSERT INTO|OVERWRITE [TABLE] t [PARTITION (p = 'v', q)] [(cols)] SELECT ... | VALUES ... |
 * TABLE x` (Spark SQL reference "INSERT TABLE", Hive DML, PostgreSQL INSERT).
 */
export function parseInsert(c: TokenCursor): InsertStatement {
  const start = c.next().start;
  const overwrite = c.acceptWords('overwrite');
  if (!overwrite) c.expectWords('into');
  c.acceptWords('table');
  const table = parseQualifiedName(c);
  if (c.isWord('as')) throw notSupportedYet(c, 'INSERT with a target alias');
  const partition: PartitionValue[] = c.isWord('partition') ? parsePartitionValues(c) : [];
  // Hive's `INSERT OVERWRITE TABLE t PARTITION (...) IF NOT EXISTS`: a no-op guard we accept.
  if (overwrite) c.acceptWords('if', 'not', 'exists');
  const columns = isColumnList(c) ? parseNameList(c) : [];
  if (c.isWord('default') && c.isWord('values', 1)) throw notSupportedYet(c, 'DEFAULT VALUES');
  if (c.isWord('by') && c.isWord('name', 1)) throw notSupportedYet(c, 'INSERT BY NAME');
  if (c.isWord('replace')) throw notSupportedYet(c, 'INSERT REPLACE');
  const source = parseQuery(c);
  if (c.isWord('on') && c.isWord('conflict', 1)) throw notSupportedYet(c, 'ON CONFLICT');
  if (c.isWord('returning')) throw notSupportedYet(c, 'RETURNING');
  return { kind: 'insert', span: c.span(start), overwrite, table, partition, columns, source };
}

/** `(a, b)` before the query, as opposed to a parenthesised query `(SELECT ...)`. */
function isColumnList(c: TokenCursor): boolean {
  if (!c.isPunct('(')) return false;
  const mark = c.mark;
  c.next();
  const query = isQueryStart(c) || c.isPunct('(');
  c.reset(mark);
  return !query;
}
