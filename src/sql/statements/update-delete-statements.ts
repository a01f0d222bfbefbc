import type { DeleteStatement, FromItem, UpdateStatement } from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { parseFromList } from '../from-parser.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parseAssignments } from './table-clauses.js';

/** `UPDATE t [[AS] a] SET c = e, ... [FROM ...] [WHERE cond]` (PostgreSQL UPDATE, Spark UPDATE). */
export function parseUpdate(c: TokenCursor): UpdateStatement {
  const start = c.next().start;
  if (c.isWord('only')) throw notSupportedYet(c, 'UPDATE ONLY');
  const table = parseQualifiedName(c);
  const alias = parseTargetAlias(c, 'set');
  c.expectWords('set');
  if (c.isPunct('(')) throw notSupportedYet(c, 'multiple-column assignment');
  const assignments = parseAssignments(c);
  const from: FromItem[] = c.acceptWords('from') ? parseFromList(c) : [];
  const where = parseWhere(c);
  checkTrailing(c);
  return { kind: 'update', span: c.span(start), table, alias, assignments, from, where };
}

/** `DELETE FROM t [[AS] a] [USING ...] [WHERE cond]` (PostgreSQL DELETE, Spark DELETE FROM). */
export function parseDelete(c: TokenCursor): DeleteStatement {
  const start = c.next().start;
  c.expectWords('from');
  if (c.isWord('only')) throw notSupportedYet(c, 'DELETE ONLY');
  const table = parseQualifiedName(c);
  const alias = parseTargetAlias(c, 'where');
  const using: FromItem[] = c.acceptWords('using') ? parseFromList(c) : [];
  const where = parseWhere(c);
  checkTrailing(c);
  return { kind: 'delete', span: c.span(start), table, alias, using, where };
}

/** `[AS] alias`; a bare alias must not be the clause word that follows (`UPDATE t SET`). */
export function parseTargetAlias(c: TokenCursor, next: string): string | null {
  if (c.acceptWords('as')) return c.expectIdent(true);
  return c.isIdent() && !c.isWord(next) ? c.next().value : null;
}

function parseWhere(c: TokenCursor): ReturnType<typeof parseExpr> | null {
  if (c.isWord('where') && c.isWord('current', 1)) throw notSupportedYet(c, 'WHERE CURRENT OF');
  return c.acceptWords('where') ? parseExpr(c) : null;
}

function checkTrailing(c: TokenCursor): void {
  if (c.isWord('returning')) throw notSupportedYet(c, 'RETURNING');
}
