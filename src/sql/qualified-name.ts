import type { QualifiedName } from './ast.js';
import type { TokenCursor } from './token-cursor.js';

/**
 * `a`, `a.b`, `a.b.c`: the first part an identifier, later parts any word (gram.y attrs).
 * Hive's database `default` is a reserved word in PostgreSQL; Spark and Athena users name it
 * unquoted (`USE default`, `default.t`), so it is accepted as a name here, as is any reserved
 * word followed by a dot.
 */
export function parseQualifiedName(c: TokenCursor): QualifiedName {
  const start = c.peek.start;
  const first = c.peek;
  const reservedOk =
    first.kind === 'word' &&
    (first.value === 'default' || (c.isPunct('.', 1) && c.isIdent(2, true)));
  const parts = [reservedOk ? c.next().value : c.expectIdent()];
  while (c.isPunct('.') && c.isIdent(1, true)) {
    c.next();
    parts.push(c.next().value);
  }
  return { kind: 'name', span: c.span(start), parts };
}
