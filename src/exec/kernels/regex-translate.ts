import { LakeError } from '../../common/errors.js';

/**
 * Regular expressions arrive in two dialects and run on JavaScript's engine (with the
 * `u` flag, so `.` is a character, not a UTF-16 unit):
 * - `java`: Spark's rlike/regexp_extract/split patterns (java.util.regex.Pattern).
 * - `pg`: PostgreSQL's ARE (docs §9.7.3): `~`, regexp_replace, regexp_match, regexp_like.
 * The translation covers the constructs people write: inline flags at the start
 * (`(?i)`), `\Q...\E`, possessive quantifiers and atomic groups (run greedily),
 * `\A \Z \z`, POSIX classes (`\p{Alpha}`, `[[:alpha:]]`), PostgreSQL's word anchors
 * (`\m \M \y \Y`), and identity escapes of punctuation. What JavaScript cannot express
 * (lookbehind differences, ARE's leftmost-longest alternation) follows JavaScript.
 */
export type RegexDialect = 'java' | 'pg';

export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\x0B\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9a-fA-F',
  cntrl: '\\x00-\\x1F\\x7F',
  print: '\\x20-\\x7E',
  graph: '\\x21-\\x7E',
  word: '\\w',
  ascii: '\\x00-\\x7F',
};

/** Characters that must stay escaped outside / inside a class under the `u` flag. */
const SYNTAX_OUTSIDE = new Set([...'^$\\.*+?()[]{}|/']);
const SYNTAX_INSIDE = new Set([...'^$\\.*+?()[]{}|/-']);

export function invalidRegex(detail: string): LakeError {
  return new LakeError('2201B', `invalid regular expression: ${detail}`);
}

function literal(c: string, inClass: boolean): string {
  return (inClass ? SYNTAX_INSIDE : SYNTAX_OUTSIDE).has(c) ? `\\${c}` : c;
}

/** Leading inline flags `(?ims)`: JavaScript has them only as whole-pattern flags. */
function leadingFlags(pattern: string, flags: Set<string>): string {
  const m = /^\(\?([imsxu]+)\)/.exec(pattern);
  if (!m) return pattern;
  for (const f of m[1] ?? '') if (f === 'i' || f === 'm' || f === 's') flags.add(f);
  return pattern.slice(m[0].length);
}

/** A `\p{Name}` or `\P{Name}` with Java's POSIX names; Unicode properties pass through. */
function propertyClass(name: string, negated: boolean, inClass: boolean): string {
  const key = name.replace(/^Is/, '').toLowerCase();
  const posix = POSIX_CLASSES[key];
  if (posix === undefined) return `\\${negated ? 'P' : 'p'}{${name.replace(/^Is/, '')}}`;
  if (inClass && !negated) return posix;
  return negated ? `[^${posix}]` : `[${posix}]`;
}

interface Cursor {
  readonly p: string;
  i: number;
  out: string;
  inClass: boolean;
}

/** One backslash escape at p[i] (the backslash); advances the cursor past it. */
function escape(c: Cursor, dialect: RegexDialect): void {
  const next = c.p[c.i + 1];
  if (next === undefined) throw invalidRegex('invalid escape \\ sequence');
  c.i += 2;
  if (next === 'Q') {
    const end = c.p.indexOf('\\E', c.i);
    const quoted = end < 0 ? c.p.slice(c.i) : c.p.slice(c.i, end);
    c.out += [...quoted].map((ch) => literal(ch, c.inClass)).join('');
    c.i = end < 0 ? c.p.length : end + 2;
    return;
  }
  if ((next === 'p' || next === 'P') && c.p[c.i] === '{') {
    const close = c.p.indexOf('}', c.i);
    if (close < 0) throw invalidRegex('invalid escape \\ sequence');
    c.out += propertyClass(c.p.slice(c.i + 1, close), next === 'P', c.inClass);
    c.i = close + 1;
    return;
  }
  const anchors: Record<string, string> =
    dialect === 'pg'
      ? { A: '^', Z: '$', m: '\\b(?=\\w)', M: '\\b(?<=\\w)', y: '\\b', Y: '\\B' }
      : { A: '^', Z: '(?=\\n?$)', z: '$', G: '' };
  const anchor = c.inClass ? undefined : anchors[next];
  if (anchor !== undefined) c.out += anchor;
  else if (next === 'e') c.out += '\\x1B';
  else if (/[0-9A-Za-z]/.test(next)) c.out += `\\${next}`;
  else c.out += literal(next, c.inClass);
}

/** `[[:alpha:]]` inside a bracket expression (PostgreSQL and POSIX). */
function posixBracket(c: Cursor): boolean {
  const m = /^\[:([a-z]+):\]/.exec(c.p.slice(c.i));
  if (!m) return false;
  const cls = POSIX_CLASSES[m[1] ?? ''];
  if (cls === undefined) throw invalidRegex('invalid character class');
  c.out += cls;
  c.i += m[0].length;
  return true;
}

export function translateRegex(pattern: string, dialect: RegexDialect): TranslatedRegex {
  const flags = new Set<string>(['u']);
  const c: Cursor = { p: leadingFlags(pattern, flags), i: 0, out: '', inClass: false };
  // Whether the last thing emitted was a quantifier: a `+` after one is possessive.
  let quantified = false;
  while (c.i < c.p.length) {
    const ch = c.p[c.i] ?? '';
    const wasQuantified: boolean = quantified;
    quantified = false;
    if (ch === '\\') {
      escape(c, dialect);
      continue;
    }
    if (c.inClass) {
      if (ch === '[' && posixBracket(c)) continue;
      if (ch === ']') c.inClass = false;
      c.out += ch === '[' ? '\\[' : ch;
      c.i++;
      continue;
    }
    if (ch === '[') {
      c.inClass = true;
      c.out += '[';
      c.i++;
      for (const lead of ['^', ']']) {
        // A leading ']' (after an optional '^') is a literal member in both dialects.
        if (c.p[c.i] !== lead) continue;
        c.out += lead === ']' ? '\\]' : '^';
        c.i++;
      }
      continue;
    }
    if (ch === '(' && c.p.startsWith('(?>', c.i)) {
      c.out += '(?:';
      c.i += 3;
      continue;
    }
    if (ch === '+' && wasQuantified) {
      c.i++; // possessive quantifier: run it greedily
      continue;
    }
    const counted = ch === '{' ? /^\{\d+(?:,\d*)?\}/.exec(c.p.slice(c.i)) : null;
    if (counted) {
      c.out += counted[0];
      c.i += counted[0].length;
      quantified = true;
      continue;
    }
    quantified = (ch === '*' || ch === '+' || ch === '?') && !wasQuantified;
    c.out += ch === '/' ? '\\/' : ch;
    c.i++;
  }
  return { source: c.out, flags: [...flags].sort().join('') };
}
