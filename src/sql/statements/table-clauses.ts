import type { Assignment, PartitionValue, Property } from '../ast.js';
import { parseExpr } from '../expr-parser.js';
import { Prec } from '../precedence.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';

/** Clauses the lake statements share: string constants, IF [NOT] EXISTS, PARTITION (...), properties. */

/** A string constant, as text. */
export function expectString(c: TokenCursor): string {
  const t = c.peek;
  if (t.kind !== 'string') throw c.error();
  c.next();
  return t.value;
}

export function acceptIfExists(c: TokenCursor): boolean {
  return c.acceptWords('if', 'exists');
}

export function acceptIfNotExists(c: TokenCursor): boolean {
  return c.acceptWords('if', 'not', 'exists');
}

/** A positive integer constant (bucket counts), as a number. */
export function expectInteger(c: TokenCursor): number {
  const t = c.peek;
  if (t.kind !== 'integer') throw c.error();
  c.next();
  return Number(t.value);
}

/** `PARTITION (p = 'v', q)`: static values, or a bare name for a dynamic partition column (Hive). */
export function parsePartitionValues(c: TokenCursor): PartitionValue[] {
  c.expectWords('partition');
  c.expectPunct('(');
  const values: PartitionValue[] = [];
  do {
    const start = c.peek.start;
    const name = c.expectIdent(true);
    const value = c.acceptOp('=') ? parseExpr(c, Prec.comparison + 1) : null;
    values.push({ kind: 'partition-value', span: c.span(start), name, value });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return values;
}

/**
 * `(key [=] value, ...)` of TBLPROPERTIES, OPTIONS, DBPROPERTIES and Trino's WITH. Keys are
 * strings or (dotted) identifiers: `'format-version' = '2'`, `write.format.default = 'orc'`.
 */
export function parseProperties(c: TokenCursor): Property[] {
  c.expectPunct('(');
  const properties: Property[] = [];
  do {
    const start = c.peek.start;
    const key = parsePropertyKey(c);
    c.acceptOp('=');
    const value = parseExpr(c);
    properties.push({ kind: 'property', span: c.span(start), key, value });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return properties;
}

export function parsePropertyKey(c: TokenCursor): string {
  if (c.peek.kind === 'string') return c.next().value;
  return parseQualifiedName(c).parts.join('.');
}

/** `('k1', 'k2')` of UNSET TBLPROPERTIES. */
export function parsePropertyKeys(c: TokenCursor): string[] {
  c.expectPunct('(');
  const keys: string[] = [];
  do keys.push(parsePropertyKey(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return keys;
}

/** `c = e, t.c = e, ...` of UPDATE and MERGE's UPDATE SET. */
export function parseAssignments(c: TokenCursor): Assignment[] {
  const assignments: Assignment[] = [];
  do {
    const start = c.peek.start;
    const target = parseQualifiedName(c);
    if (c.isPunct('(') || c.isPunct('[')) throw c.error();
    c.expectOp('=');
    const value = parseExpr(c);
    assignments.push({ kind: 'assignment', span: c.span(start), target, value });
  } while (c.acceptPunct(','));
  return assignments;
}
