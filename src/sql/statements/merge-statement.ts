import type { Expr, MergeAction, MergeClause, MergeStatement } from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { parseNameList, parseTablePrimary } from '../from-parser.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';
import { parseAssignments } from './table-clauses.js';
import { parseTargetAlias } from './update-delete-statements.js';

/**
 * `MERGE INTO t [[AS] a] USING source [[AS] b] ON cond WHEN ...` (Spark/Delta/Iceberg MERGE INTO,
 * PostgreSQL 15 MERGE), with `UPDATE SET *` / `INSERT *` and `WHEN NOT MATCHED BY SOURCE`.
 */
export function parseMerge(c: TokenCursor): MergeStatement {
  const start = c.next().start;
  c.expectWords('into');
  const target = parseQualifiedName(c);
  const targetAlias = parseTargetAlias(c, 'using');
  c.expectWords('using');
  const source = parseTablePrimary(c);
  c.expectWords('on');
  const on = parseExpr(c);
  const clauses: MergeClause[] = [];
  while (c.isWord('when')) clauses.push(parseClause(c));
  if (clauses.length === 0) throw c.error();
  return { kind: 'merge', span: c.span(start), target, targetAlias, source, on, clauses };
}

function parseClause(c: TokenCursor): MergeClause {
  const start = c.next().start;
  const match = parseMatch(c);
  const condition: Expr | null = c.acceptWords('and') ? parseExpr(c) : null;
  c.expectWords('then');
  const action = parseAction(c, match);
  return { kind: 'merge-clause', span: c.span(start), match, condition, action };
}

function parseMatch(c: TokenCursor): MergeClause['match'] {
  if (c.acceptWords('matched')) return 'matched';
  c.expectWords('not', 'matched');
  if (c.acceptWords('by', 'source')) return 'not-matched-by-source';
  c.acceptWords('by', 'target');
  return 'not-matched';
}

/** An action allowed for the match kind: INSERT only when not matched, UPDATE/DELETE otherwise. */
function parseAction(c: TokenCursor, match: MergeClause['match']): MergeAction {
  const start = c.peek.start;
  if (c.acceptWords('do', 'nothing')) return { kind: 'merge-do-nothing', span: c.span(start) };
  if (match === 'not-matched') return parseInsertAction(c, start);
  if (c.acceptWords('delete')) return { kind: 'merge-delete', span: c.span(start) };
  c.expectWords('update', 'set');
  if (c.acceptOp('*'))
    return { kind: 'merge-update', span: c.span(start), star: true, assignments: [] };
  const assignments = parseAssignments(c);
  return { kind: 'merge-update', span: c.span(start), star: false, assignments };
}

function parseInsertAction(c: TokenCursor, start: number): MergeAction {
  c.expectWords('insert');
  if (c.acceptOp('*'))
    return { kind: 'merge-insert', span: c.span(start), star: true, columns: [], values: [] };
  const columns = c.isPunct('(') ? parseNameList(c) : [];
  if (c.isWord('default') && c.isWord('values', 1)) throw notSupportedYet(c, 'DEFAULT VALUES');
  if (c.isWord('overriding')) throw notSupportedYet(c, 'OVERRIDING');
  c.expectWords('values');
  c.expectPunct('(');
  const values: Expr[] = [];
  do values.push(parseExpr(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return { kind: 'merge-insert', span: c.span(start), star: false, columns, values };
}
