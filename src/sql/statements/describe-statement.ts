import type { Describe, Expr, QualifiedName } from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';

/**
 * `DESCRIBE | DESC [TABLE] [EXTENDED | FORMATTED] t [col]` (Spark, Hive, Athena),
 * `DESCRIBE HISTORY t [LIMIT n]` and `DESCRIBE DETAIL t` (Delta),
 * `DESCRIBE DATABASE | SCHEMA [EXTENDED] db`.
 */
export function parseDescribe(c: TokenCursor): Describe {
  const start = c.next().start;
  if (c.isWord('query') || c.isWord('select') || c.isWord('function'))
    throw notSupportedYet(c, `DESCRIBE ${c.peek.value.toUpperCase()}`);
  const what = parseWhat(c);
  const mode = parseMode(c);
  const target = parseQualifiedName(c);
  let column: QualifiedName | null = null;
  if (what === 'table' && c.isIdent(0, true) && !c.isWord('partition'))
    column = parseQualifiedName(c);
  if (c.isWord('partition')) throw notSupportedYet(c, 'DESCRIBE ... PARTITION');
  const limit: Expr | null = what === 'history' && c.acceptWords('limit') ? parseExpr(c) : null;
  return { kind: 'describe', span: c.span(start), what, mode, target, column, limit };
}

/** HISTORY, DETAIL, DATABASE and SCHEMA are only key words here when a name follows. */
function parseWhat(c: TokenCursor): Describe['what'] {
  const named = c.isIdent(1);
  if (named && c.acceptWords('history')) return 'history';
  if (named && c.acceptWords('detail')) return 'detail';
  if ((named || c.isWord('extended', 1)) && (c.acceptWords('database') || c.acceptWords('schema')))
    return 'database';
  c.acceptWords('table');
  return 'table';
}

function parseMode(c: TokenCursor): Describe['mode'] {
  if (c.acceptWords('extended')) return 'extended';
  if (c.acceptWords('formatted')) return 'formatted';
  return 'plain';
}
