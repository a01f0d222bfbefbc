import type { Token } from './token.js';

/**
 * Splits a token list at `;` into statements (simple-query messages may hold
 * several, protocol docs §55.2.2). Each statement's tokens end with an 'eof'
 * token placed on its `;` (or the end of the text), so a parser that runs out of
 * tokens reports `at or near ";"` as PostgreSQL does. Empty statements are dropped.
 */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    const isEnd = t.kind === 'eof' || (t.kind === 'punct' && t.value === ';');
    if (!isEnd) {
      current.push(t);
      continue;
    }
    if (current.length > 0) statements.push([...current, { ...t, kind: 'eof' }]);
    current = [];
  }
  return statements;
}
