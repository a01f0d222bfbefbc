import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { compileRegex, globalOf, groupCount, pgFlags } from '../kernels/regex-cache.js';
import { regexTemplate } from '../kernels/regex-replacement.js';
import type { RegexDialect } from '../kernels/regex-translate.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';

/**
 * Pattern matching with regular expressions. PostgreSQL's names (docs §9.7.3: `~`,
 * regexp_like, regexp_replace, regexp_match, regexp_count (regexp_substr and regexp_instr: regex-position-functions.ts),
 * regexp_split_to_array) take ARE syntax and flags; Spark's names (rlike,
 * regexp_extract, regexp_extract_all, split) take Java syntax. Both search (a match
 * anywhere), unlike SQL's LIKE.
 */
const { text: T, int4: I, bool: B } = Types;
const TA = Types.array(Types.text);
const str = (v: SqlValue | undefined): string => scalarText(v);

function pgRegex(
  pattern: SqlValue | undefined,
  flags: SqlValue | undefined,
  global = false,
): RegExp {
  const f = pgFlags(flags === undefined ? '' : str(flags), global);
  return compileRegex(str(pattern), 'pg', f.js + (f.global ? 'g' : ''));
}

function matcher(dialect: RegexDialect, flags: string, negate: boolean): Kernel {
  return strict(([s, p]) => {
    const re = dialect === 'pg' ? pgRegex(p, flags) : compileRegex(str(p), 'java');
    return re.test(str(s)) !== negate;
  });
}

/** regexp_like(s, p [, flags]): PostgreSQL 15. */
const regexpLike: Kernel = strict(([s, p, f]) => pgRegex(p, f).test(str(s)));

/** 1-based character offset → UTF-16 index of `s` (surrogate pairs count once). */
function charOffset(s: string, start: number): number {
  if (start < 1)
    throw new LakeError(
      SqlState.invalidParameterValue,
      `invalid value for parameter "start": ${start}`,
    );
  let i = 0;
  for (let n = 1; n < start && i < s.length; n++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/** Replaces the nth match at or after UTF-16 index `from` (nth = 0: every match). */
function replaceAt(s: string, re: RegExp, r: string, from: number, nth: number): string {
  const template = regexTemplate(r, 'pg');
  let count = 0;
  const tail = s
    .slice(from)
    .replace(globalOf(re), (...m: unknown[]) =>
      nth === 0 || ++count === nth ? template(m) : String(m[0]),
    );
  return s.slice(0, from) + tail;
}

/** regexp_replace(s, p, r [, flags]) and (s, p, r, start [, N [, flags]]): PostgreSQL 15. */
const regexpReplace: Kernel = (input) => {
  const fourthIsInt = input.argTypes[3]?.kind === 'int4';
  return strict(([s, p, r, a, b, c]) => {
    const src = str(s);
    if (!fourthIsInt) {
      const re = pgRegex(p, a, true);
      return replaceAt(src, re, str(r), 0, re.global ? 0 : 1);
    }
    const nth = b === undefined ? 1 : Number(b);
    if (nth < 0) {
      throw new LakeError(
        SqlState.invalidParameterValue,
        `invalid value for parameter "n": ${nth}`,
      );
    }
    // With N given, the g flag is ignored (docs §9.7.3).
    const re = pgRegex(p, c === undefined ? undefined : str(c).replaceAll('g', ''));
    return replaceAt(src, re, str(r), charOffset(src, Number(a)), nth);
  })(input);
};

/** regexp_extract(s, p [, idx]): Spark; '' when nothing matches, 22023 past the last group. */
function extractGroup(re: RegExp, idx: number): void {
  const groups = groupCount(re);
  if (idx < 0 || idx > groups) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `Regex group count is ${groups}, but the specified group index is ${idx}`,
    );
  }
}

const regexpExtract: Kernel = strict(([s, p, i]) => {
  const re = compileRegex(str(p), 'java');
  const idx = i === undefined ? 1 : Number(i);
  extractGroup(re, idx);
  return re.exec(str(s))?.[idx] ?? '';
});

const regexpExtractAll: Kernel = strict(([s, p, i]) => {
  const re = compileRegex(str(p), 'java');
  const idx = i === undefined ? 1 : Number(i);
  extractGroup(re, idx);
  return [...str(s).matchAll(globalOf(re))].map((m) => m[idx] ?? '');
});

/** regexp_match(s, p [, flags]): the first match's groups (the whole match when none), or NULL. */
const regexpMatch: Kernel = strict(([s, p, f]) => {
  if (f !== undefined && str(f).includes('g')) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      'regexp_match() does not support the "global" option',
      {
        hint: 'Use the regexp_matches function instead.',
      },
    );
  }
  const m = pgRegex(p, f).exec(str(s));
  if (!m) return null;
  return m.length === 1 ? [m[0]] : m.slice(1).map((g) => g ?? null);
});

const regexpCount: Kernel = strict(([s, p, start, f]) => {
  const src = str(s);
  const from = start === undefined ? 0 : charOffset(src, Number(start));
  let n = 0;
  for (const m of src.slice(from).matchAll(globalOf(pgRegex(p, f)))) if (m[0] !== undefined) n++;
  return n;
});

/** Splits around matches; an empty pattern splits into characters (both dialects). */
export function splitBy(s: string, re: RegExp, limit: number): string[] {
  if (re.source === '' || re.source === '(?:)') return [...s];
  const parts: string[] = [];
  let last = 0;
  for (const m of s.matchAll(globalOf(re))) {
    if (limit > 0 && parts.length === limit - 1) break;
    const at = m.index;
    if (m[0] === '' && (at === 0 || at === s.length)) continue;
    parts.push(s.slice(last, at));
    last = at + m[0].length;
  }
  parts.push(s.slice(last));
  return parts;
}

/** split(s, regex [, limit]): Spark; limit <= 0 means no limit (trailing empties kept). */
const splitKernel: Kernel = strict(([s, p, l]) =>
  splitBy(str(s), compileRegex(str(p), 'java'), l === undefined ? -1 : Number(l)),
);

const regexpSplitToArray: Kernel = strict(([s, p, f]) => splitBy(str(s), pgRegex(p, f), -1));

export const regexFunctions: readonly ScalarFunction[] = [
  fn('~', overloads(sig([T, T], B)), matcher('pg', '', false)),
  fn('~*', overloads(sig([T, T], B)), matcher('pg', 'i', false)),
  fn('!~', overloads(sig([T, T], B)), matcher('pg', '', true)),
  fn('!~*', overloads(sig([T, T], B)), matcher('pg', 'i', true)),
  fn('regexp_like', overloads(sig([T, T], B), sig([T, T, T], B)), regexpLike),
  fn('rlike', overloads(sig([T, T], B)), matcher('java', '', false)),
  fn(
    'regexp_replace',
    overloads(
      sig([T, T, T], T),
      sig([T, T, T, T], T),
      sig([T, T, T, I], T),
      sig([T, T, T, I, I], T),
      sig([T, T, T, I, I, T], T),
    ),
    regexpReplace,
  ),
  fn('regexp_extract', overloads(sig([T, T], T), sig([T, T, I], T)), regexpExtract),
  fn('regexp_extract_all', overloads(sig([T, T], TA), sig([T, T, I], TA)), regexpExtractAll),
  fn('regexp_match', overloads(sig([T, T], TA), sig([T, T, T], TA)), regexpMatch),
  fn(
    'regexp_count',
    overloads(sig([T, T], I), sig([T, T, I], I), sig([T, T, I, T], I)),
    regexpCount,
  ),
  fn('split', overloads(sig([T, T], TA), sig([T, T, I], TA)), splitKernel),
  fn('regexp_split_to_array', overloads(sig([T, T], TA), sig([T, T, T], TA)), regexpSplitToArray),
];
