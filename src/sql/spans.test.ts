import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSql } from './parse.js';

const corpusPath = fileURLToPath(new URL('../../../src/sql/corpus.sql', import.meta.url));

/** Every object with a `kind` that is an AST node (not a frame bound) has a span inside its parent's. */
function checkSpans(node: unknown, outer: { start: number; end: number }, path: string): number {
  if (Array.isArray(node))
    return node.reduce((n: number, x, i) => n + checkSpans(x, outer, `${path}[${i}]`), 0);
  if (node === null || typeof node !== 'object') return 0;
  const record = node as Record<string, unknown>;
  let inner = outer;
  let count = 0;
  if (typeof record.kind === 'string' && !isFrameBound(record)) {
    const span = record.span as { start: number; end: number } | undefined;
    assert.ok(span !== undefined, `${path} (${record.kind}) has no span`);
    assert.ok(
      span.start >= outer.start && span.end <= outer.end && span.start <= span.end,
      `${path} (${record.kind}) span ${span.start}-${span.end} outside ${outer.start}-${outer.end}`,
    );
    inner = span;
    count = 1;
  }
  for (const [key, value] of Object.entries(record))
    if (key !== 'span') count += checkSpans(value, inner, `${path}.${key}`);
  return count;
}

/** FrameBound is plain data inside a window-frame node (ast.ts). */
function isFrameBound(r: Record<string, unknown>): boolean {
  return 'offset' in r && !('span' in r);
}

describe('source spans', () => {
  it('puts a span on every node, nested inside its parent, over the whole corpus', () => {
    const text = readFileSync(corpusPath, 'utf8');
    let nodes = 0;
    for (const { statement, span } of parseSql(text))
      nodes += checkSpans(statement, span, statement.kind);
    assert.ok(nodes > 5000, `${nodes} nodes checked`);
  });

  it('spans a lake statement from its first to its last token', () => {
    const sql = '  MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = 1 ;';
    const [parsed] = parseSql(sql);
    assert.ok(parsed?.statement.kind === 'merge');
    const { start, end } = parsed.statement.span;
    assert.equal(
      sql.slice(start, end),
      'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = 1',
    );
    const clause = parsed.statement.clauses[0];
    assert.equal(
      clause === undefined ? '' : sql.slice(clause.span.start, clause.span.end),
      'WHEN MATCHED THEN UPDATE SET v = 1',
    );
  });
});
