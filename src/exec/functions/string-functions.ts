import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { outputFunction } from '../kernels/cast.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';
import { scalarText } from '../kernels/scalar-text.js';

/** String functions of PostgreSQL docs §9.4 that the small engine offers. */
const T = Types.text;
const I = Types.int4;
const str = (v: SqlValue | undefined): string => scalarText(v);
const chars = (s: string): string[] => [...s];

/**
 * substring(s from start for count): 1-based, clipped like PostgreSQL's text_substr.
 * Positions count characters (code points), found by walking only as far as the end of
 * the substring: no array of the whole string's characters per call.
 */
function substr(s: string, start: number, count: number | null): string {
  if (count !== null && count < 0) {
    throw new LakeError('22011', 'negative substring length not allowed');
  }
  const from = Math.max(start, 1);
  if (count !== null && start + count <= from) return '';
  const a = codeUnitsAfter(s, 0, from - 1);
  const b = count === null ? s.length : codeUnitsAfter(s, a, start + count - from);
  return s.slice(a, b);
}

/** The code unit offset `points` code points after offset `at` (at most s.length). */
function codeUnitsAfter(s: string, at: number, points: number): number {
  let i = at;
  for (let p = 0; p < points && i < s.length; p++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return i;
}

function trimmer(mode: 'both' | 'leading' | 'trailing'): Kernel {
  return strict(([s, set]) => {
    const cs = chars(str(s));
    const remove = new Set(chars(set === undefined ? ' ' : str(set)));
    let a = 0;
    let b = cs.length;
    if (mode !== 'trailing') while (a < b && remove.has(cs[a] ?? '')) a++;
    if (mode !== 'leading') while (b > a && remove.has(cs[b - 1] ?? '')) b--;
    return cs.slice(a, b).join('');
  });
}

const trimResolve = overloads(sig([T], T), sig([T, T], T));
const padResolve = overloads(sig([T, I], T), sig([T, I, T], T));

/** 1-based character position of `sub` in `s`, 0 when absent (textpos). */
function charIndex(s: string, sub: string): number {
  const at = s.indexOf(sub);
  return at < 0 ? 0 : chars(s.slice(0, at)).length + 1;
}

/** left/right(s, n): n characters from that end; a negative n drops |n| from the other. */
function sliceChars(s: string, n: number, from: 'left' | 'right'): string {
  const cs = chars(s);
  if (from === 'left')
    return (n >= 0 ? cs.slice(0, n) : cs.slice(0, Math.max(0, cs.length + n))).join('');
  return (n >= 0 ? cs.slice(Math.max(0, cs.length - n)) : cs.slice(Math.min(cs.length, -n))).join(
    '',
  );
}

function splitPart(s: string, delimiter: string, n: number): string {
  if (n === 0) throw new LakeError('22023', 'field position must not be zero');
  const parts = delimiter === '' ? [s] : s.split(delimiter);
  return (n > 0 ? parts[n - 1] : parts[parts.length + n]) ?? '';
}

/** First letter of each alphanumeric run upper-cased, the rest lower-cased. */
function initcap(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/** lpad/rpad: fill to `length` characters with `fill`, or truncate to it. */
function pad(s: string, length: number, fill: string, side: 'left' | 'right'): string {
  const cs = chars(s);
  if (length <= cs.length) return cs.slice(0, Math.max(0, length)).join('');
  if (fill === '') return s;
  const fc = chars(fill);
  const filler = Array.from({ length: length - cs.length }, (_, i) => fc[i % fc.length]).join('');
  return side === 'left' ? filler + s : s + filler;
}

/** concat(any...): NULLs are skipped; arguments are printed with their output functions. */
const concatKernel: Kernel = (input) => {
  const toText = input.argTypes.map((t) => outputFunction(t, input.ctx));
  const out: SqlValue[] = [];
  for (let i = 0; i < input.rowCount; i++) {
    let s = '';
    input.args.forEach((col, a) => {
      const v = col[i] ?? null;
      if (v !== null) s += scalarText(toText[a]?.(v));
    });
    out.push(s);
  }
  return out;
};

export const stringFunctions: readonly ScalarFunction[] = [
  fn(
    'upper',
    overloads(sig([T], T)),
    strict(([s]) => str(s).toUpperCase()),
  ),
  fn(
    'lower',
    overloads(sig([T], T)),
    strict(([s]) => str(s).toLowerCase()),
  ),
  fn(
    'length',
    overloads(sig([T], I)),
    strict(([s]) => chars(str(s)).length),
  ),
  fn(
    'char_length',
    overloads(sig([T], I)),
    strict(([s]) => chars(str(s)).length),
  ),
  fn(
    'character_length',
    overloads(sig([T], I)),
    strict(([s]) => chars(str(s)).length),
  ),
  fn(
    'substr',
    overloads(sig([T, I], T), sig([T, I, I], T)),
    strict(([s, a, n]) => substr(str(s), Number(a), n === undefined ? null : Number(n))),
  ),
  fn(
    'substring',
    overloads(sig([T, I], T), sig([T, I, I], T)),
    strict(([s, a, n]) => substr(str(s), Number(a), n === undefined ? null : Number(n))),
  ),
  fn('btrim', trimResolve, trimmer('both')),
  fn('trim', trimResolve, trimmer('both')),
  fn('ltrim', trimResolve, trimmer('leading')),
  fn('rtrim', trimResolve, trimmer('trailing')),
  fn(
    'replace',
    overloads(sig([T, T, T], T)),
    strict(([s, from, to]) => (str(from) === '' ? str(s) : str(s).split(str(from)).join(str(to)))),
  ),
  fn('concat', (args) => ({ args, returns: T }), concatKernel),
  // position(string, substring): the parser turns POSITION(sub IN s) into this order.
  fn(
    'position',
    overloads(sig([T, T], I)),
    strict(([s, sub]) => charIndex(str(s), str(sub))),
  ),
  fn(
    'strpos',
    overloads(sig([T, T], I)),
    strict(([s, sub]) => charIndex(str(s), str(sub))),
  ),
  fn(
    'left',
    overloads(sig([T, I], T)),
    strict(([s, n]) => sliceChars(str(s), Number(n), 'left')),
  ),
  fn(
    'right',
    overloads(sig([T, I], T)),
    strict(([s, n]) => sliceChars(str(s), Number(n), 'right')),
  ),
  fn(
    'reverse',
    overloads(sig([T], T)),
    strict(([s]) => chars(str(s)).reverse().join('')),
  ),
  fn(
    'repeat',
    overloads(sig([T, I], T)),
    strict(([s, n]) => str(s).repeat(Math.max(0, Number(n)))),
  ),
  fn(
    'starts_with',
    overloads(sig([T, T], Types.bool)),
    strict(([s, p]) => str(s).startsWith(str(p))),
  ),
  fn(
    'split_part',
    overloads(sig([T, T, I], T)),
    strict(([s, d, n]) => splitPart(str(s), str(d), Number(n))),
  ),
  fn(
    'initcap',
    overloads(sig([T], T)),
    strict(([s]) => initcap(str(s))),
  ),
  fn(
    'lpad',
    padResolve,
    strict(([s, n, f]) => pad(str(s), Number(n), f === undefined ? ' ' : str(f), 'left')),
  ),
  fn(
    'rpad',
    padResolve,
    strict(([s, n, f]) => pad(str(s), Number(n), f === undefined ? ' ' : str(f), 'right')),
  ),
];
