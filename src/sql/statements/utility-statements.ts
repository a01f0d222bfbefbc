import type { DeallocateStatement, DiscardStatement, UseStatement } from '../ast.js';
import { parseQualifiedName } from '../qualified-name.js';
import type { TokenCursor } from '../token-cursor.js';
import { notSupportedYet } from '../unsupported-syntax.js';

const DISCARD_TARGETS: Readonly<Record<string, DiscardStatement['what']>> = {
  all: 'all',
  plans: 'plans',
  sequences: 'sequences',
  temp: 'temp',
  temporary: 'temp',
};

/** `DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY`. */
export function parseDiscard(c: TokenCursor): DiscardStatement {
  const start = c.next().start;
  const t = c.next();
  const what =
    t.kind === 'word' && Object.hasOwn(DISCARD_TARGETS, t.value)
      ? DISCARD_TARGETS[t.value]
      : undefined;
  if (what === undefined) throw c.error(t);
  return { kind: 'discard', span: c.span(start), what };
}

/** `DEALLOCATE [PREPARE] name | ALL`. */
export function parseDeallocate(c: TokenCursor): DeallocateStatement {
  const start = c.next().start;
  c.acceptWords('prepare');
  const name = c.acceptWords('all') ? null : c.expectIdent();
  return { kind: 'deallocate', span: c.span(start), name };
}

/** `USE [catalog.]db` (Spark, Trino); also Databricks' `USE SCHEMA | DATABASE db`. */
export function parseUse(c: TokenCursor): UseStatement {
  const start = c.next().start;
  if (c.isWord('catalog') && c.isIdent(1)) throw notSupportedYet(c, 'USE CATALOG');
  if ((c.isWord('schema') || c.isWord('database')) && c.isIdent(1)) c.next();
  const name = parseQualifiedName(c);
  return { kind: 'use', span: c.span(start), name };
}
