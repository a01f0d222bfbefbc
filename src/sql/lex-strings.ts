import { lexError } from './lex-error.js';
import { ownValue } from './own-value.js';

/**
 * String constants (PostgreSQL docs §4.1.2). Each reader starts at the opening
 * quote's prefix and returns the unescaped value and the offset after the token.
 */
export interface LexedString {
  readonly value: string;
  readonly end: number;
}

/** `'...'` with `''` for a quote; backslashes are literal (standard_conforming_strings on). */
export function readQuoted(text: string, start: number, quoteAt: number): LexedString {
  let value = '';
  let i = quoteAt + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0) throw lexError(text, 'unterminated quoted string', start);
    value += text.slice(i, close);
    if (text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** `E'...'`: C-style backslash escapes (§4.1.2.2). */
export function readEscaped(text: string, start: number, quoteAt: number): LexedString {
  let value = '';
  let i = quoteAt + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      if (text[i + 1] !== "'") return { value, end: i + 1 };
      value += "'";
      i += 2;
    } else if (c === '\\' && i + 1 < text.length) {
      const r = readBackslash(text, i + 1);
      value += r.value;
      i = r.end;
    } else {
      value += c;
      i++;
    }
  }
  throw lexError(text, 'unterminated quoted string', start);
}

function readBackslash(text: string, at: number): LexedString {
  const c = text[at] as string;
  const simple = ownValue(SIMPLE_ESCAPES, c);
  if (simple !== undefined) return { value: simple, end: at + 1 };
  const digits = (re: RegExp, max: number, from: number): string => {
    let j = from;
    while (j < text.length && j - from < max && re.test(text[j] as string)) j++;
    return text.slice(from, j);
  };
  if (/[0-7]/.test(c)) {
    const oct = digits(/[0-7]/, 3, at);
    return { value: String.fromCodePoint(parseInt(oct, 8)), end: at + oct.length };
  }
  const hexLen = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hexLen > 0) {
    const hex = digits(/[0-9a-fA-F]/, hexLen, at + 1);
    if (hex.length > 0 && (c === 'x' || hex.length === hexLen)) {
      return { value: String.fromCodePoint(parseInt(hex, 16)), end: at + 1 + hex.length };
    }
  }
  return { value: c, end: at + 1 };
}

/** `U&'...'`: `\XXXX` and `\+XXXXXX` Unicode escapes (§4.1.2.3); UESCAPE is not supported. */
export function readUnicode(text: string, start: number, quoteAt: number): LexedString {
  const raw = readQuoted(text, start, quoteAt);
  const value = raw.value.replace(/\\(\\|\+[0-9a-fA-F]{6}|[0-9a-fA-F]{4})/g, (_m, esc: string) =>
    esc === '\\' ? '\\' : String.fromCodePoint(parseInt(esc.replace('+', ''), 16)),
  );
  return { value, end: raw.end };
}

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** `$tag$...$tag$` (§4.1.2.4); returns null when `$` does not open a dollar quote. */
export function readDollarQuoted(text: string, start: number): LexedString | null {
  DOLLAR_TAG.lastIndex = start;
  const m = DOLLAR_TAG.exec(text);
  if (m === null) return null;
  const delimiter = m[0];
  const bodyStart = start + delimiter.length;
  const close = text.indexOf(delimiter, bodyStart);
  if (close < 0) throw lexError(text, 'unterminated dollar-quoted string', start);
  return { value: text.slice(bodyStart, close), end: close + delimiter.length };
}
