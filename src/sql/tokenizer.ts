import { lexError } from './lex-error.js';
import { readDollarQuoted, readEscaped, readQuoted, readUnicode } from './lex-strings.js';
import type { LexedString } from './lex-strings.js';
import type { Token, TokenKind } from './token.js';

/**
 * PostgreSQL's lexical structure (docs §4.1): identifiers and key words, quoted
 * identifiers (plus Spark's backticks), string and numeric constants, `$n`
 * parameters, operators and special characters. Comments and whitespace are
 * dropped. The result always ends with one 'eof' token at the end of the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = skipSpace(text, 0);
  while (pos < text.length) {
    const token = readToken(text, pos);
    tokens.push(token);
    pos = skipSpace(text, token.end);
  }
  tokens.push({ kind: 'eof', value: '', start: text.length, end: text.length });
  return tokens;
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/y;
// PostgreSQL also allows ` in operators; lakegate uses it for Spark-style quoted names.
const OP_CHARS = '+-*/<>=~!@#%^&|?';
/** An operator may end in + or - only if it contains one of these (§4.1.3). */
const OP_SPECIAL = /[~!@#%^&|`?]/;
const PUNCT = '()[],;.:';

/** Skips whitespace, `--` comments and nested `/* *\/` comments (§4.1.5). */
function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') i++;
    else if (c === '-' && text[i + 1] === '-') i = lineEnd(text, i);
    else if (c === '/' && text[i + 1] === '*') i = blockCommentEnd(text, i);
    else break;
  }
  return i;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

function blockCommentEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  throw lexError(text, 'unterminated /* comment', start);
}

function token(kind: TokenKind, value: string, start: number, end: number): Token {
  return { kind, value, start, end };
}

function readToken(text: string, start: number): Token {
  const c = text[start] as string;
  const next = text[start + 1];
  if (c === "'") return stringToken(text, start, readQuoted(text, start, start));
  if ((c === 'e' || c === 'E') && next === "'")
    return stringToken(text, start, readEscaped(text, start, start + 1));
  if ((c === 'u' || c === 'U') && next === '&' && text[start + 2] === "'")
    return stringToken(text, start, readUnicode(text, start, start + 2));
  if (c === '"' || c === '`') return quotedIdent(text, start, c);
  if (c === '$') return dollar(text, start);
  if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next ?? ''))) return numberToken(text, start);
  if (IDENT_START.test(c)) return wordToken(text, start);
  if (c === ':' && (next === ':' || next === '=')) return token('op', c + next, start, start + 2);
  if (PUNCT.includes(c)) return token('punct', c, start, start + 1);
  if (OP_CHARS.includes(c)) return operatorToken(text, start);
  throw lexError(text, 'syntax error', start, start + 1);
}

function stringToken(text: string, start: number, s: LexedString): Token {
  // Constants separated only by whitespace with a newline are one constant (§4.1.2.1).
  let value = s.value;
  let end = s.end;
  for (;;) {
    const after = skipSpaceNoBlock(text, end);
    if (after === end || !text.slice(end, after).includes('\n') || text[after] !== "'") break;
    const more = readQuoted(text, after, after);
    value += more.value;
    end = more.end;
  }
  return token('string', value, start, end);
}

/** Whitespace and `--` comments only: PostgreSQL's rule for continuing a string constant. */
function skipSpaceNoBlock(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i] as string)) i++;
    else if (text.startsWith('--', i)) i = lineEnd(text, i);
    else break;
  }
  return i;
}

function quotedIdent(text: string, start: number, quote: string): Token {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) throw lexError(text, 'unterminated quoted identifier', start);
    value += text.slice(i, close);
    if (text[close + 1] !== quote) {
      if (value === '') throw lexError(text, 'zero-length delimited identifier', start, close + 1);
      return token('quoted-ident', value, start, close + 1);
    }
    value += quote;
    i = close + 2;
  }
}

function dollar(text: string, start: number): Token {
  const param = /\$[0-9]+/y;
  param.lastIndex = start;
  const m = param.exec(text);
  if (m !== null) {
    if (isIdentCharAt(text, param.lastIndex))
      throw lexError(text, 'trailing junk after parameter', start, wordEnd(text, start + 1));
    return token('param', m[0].slice(1), start, param.lastIndex);
  }
  const quoted = readDollarQuoted(text, start);
  if (quoted === null) throw lexError(text, 'syntax error', start, start + 1);
  return token('string', quoted.value, start, quoted.end);
}

function isIdentCharAt(text: string, at: number): boolean {
  IDENT_CHAR.lastIndex = at;
  return IDENT_CHAR.test(text);
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isIdentCharAt(text, i)) i++;
  return i;
}

function wordToken(text: string, start: number): Token {
  const end = wordEnd(text, start + 1);
  // Unquoted names fold to lower case (§4.1.1); only ASCII letters, as PostgreSQL.
  const value = text.slice(start, end).replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return token('word', value, start, end);
}

/** 42, 3.5, 4., .001, 5e2, 1.925e-3 (§4.1.2.6); letters right after one are junk (PG 15). */
function numberToken(text: string, start: number): Token {
  const re = /[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?/y;
  re.lastIndex = start;
  const m = re.exec(text) as RegExpExecArray;
  const end = start + m[0].length;
  if (isIdentCharAt(text, end))
    throw lexError(text, 'trailing junk after numeric literal', start, wordEnd(text, end));
  const isDecimal = m[1] !== undefined || m[2] !== undefined;
  return token(isDecimal ? 'decimal' : 'integer', m[0], start, end);
}

function operatorToken(text: string, start: number): Token {
  let end = start;
  while (end < text.length && OP_CHARS.includes(text[end] as string)) {
    // A comment start ends the operator (§4.1.3).
    if (end > start && (text.startsWith('--', end) || text.startsWith('/*', end))) break;
    end++;
  }
  let op = text.slice(start, end);
  while (op.length > 1 && /[+-]$/.test(op) && !OP_SPECIAL.test(op)) op = op.slice(0, -1);
  return token('op', op, start, start + op.length);
}
