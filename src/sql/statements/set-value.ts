import type { TokenCursor } from '../token-cursor.js';

/**
 * One item of a SET value list (gram.y var_value): a string, a signed number, or
 * a word (case-folded unless quoted), kept as text.
 */
export function parseSetValueItem(c: TokenCursor): string {
  const sign = c.isOp('-') || c.isOp('+') ? c.next().value : '';
  const t = c.peek;
  if (sign !== '' && t.kind !== 'integer' && t.kind !== 'decimal') throw c.error();
  switch (t.kind) {
    case 'integer':
    case 'decimal':
      c.next();
      return (sign === '-' ? '-' : '') + t.value;
    case 'string':
    case 'word':
    case 'quoted-ident':
      c.next();
      return t.value;
    case 'param':
    case 'op':
    case 'punct':
    case 'eof':
      throw c.error();
  }
}

/** `value [, ...]` or DEFAULT (null). */
export function parseSetValueList(c: TokenCursor): string[] | null {
  if (c.acceptWords('default')) return null;
  const values: string[] = [];
  do values.push(parseSetValueItem(c));
  while (c.acceptPunct(','));
  return values;
}
