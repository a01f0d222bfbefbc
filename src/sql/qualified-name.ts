import type { QualifiedName } from './ast.js';
import type { TokenCursor } from './token-cursor.js';

/** `a`, `a.b`, `a.b.c`: the first part an identifier, later parts any word (gram.y attrs). */
export function parseQualifiedName(c: TokenCursor): QualifiedName {
  const start = c.peek.start;
  const parts = [c.expectIdent()];
  while (c.isPunct('.') && c.isIdent(1, true)) {
    c.next();
    parts.push(c.next().value);
  }
  return { kind: 'name', span: c.span(start), parts };
}
