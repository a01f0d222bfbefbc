import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { strict, type Kernel } from '../kernels/kernel.js';
import { compileRegex, pgFlags } from '../kernels/regex-cache.js';
import { scalarText } from '../kernels/scalar-text.js';
import { fn, overloads, sig, type ScalarFunction } from './scalar-function.js';

/**
 * regexp_instr and regexp_substr (PostgreSQL 15, docs §9.7.3; regexp.c): the N-th
 * non-overlapping match at or after character `start`, optionally one parenthesized
 * subexpression of it. Positions are 1-based characters; 0 / NULL when there is no
 * such match. Arguments out of range are 22023 naming the parameter, as PostgreSQL.
 */
const { text: T, int4: I } = Types;
const str = (v: SqlValue | undefined): string => scalarText(v);

const badParam = (name: string, value: number): LakeError =>
  new LakeError(SqlState.invalidParameterValue, `invalid value for parameter "${name}": ${value}`);

/** The pattern with PostgreSQL's flags, global and with match indices (`d`). */
function pattern(p: SqlValue | undefined, flags: SqlValue | undefined, fn: string): RegExp {
  const f = flags === undefined ? '' : str(flags);
  if (f.includes('g')) {
    throw new LakeError(
      SqlState.invalidParameterValue,
      `${fn}() does not support the "global" option`,
    );
  }
  return compileRegex(str(p), 'pg', `${pgFlags(f, false).js}gd`);
}

/** UTF-16 index of 1-based character `start`; past the end (length + 1) when beyond it. */
function indexOfChar(s: string, start: number): number {
  let i = 0;
  let n = 1;
  for (; n < start && i < s.length; n++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return n < start ? s.length + 1 : i;
}

const charPos = (s: string, index: number): number =>
  index === s.length ? [...s].length + 1 : [...s.slice(0, index)].length + 1;

/** [start, end) UTF-16 indices of the N-th match (or its subexpression), or null. */
function nthMatch(
  s: string,
  re: RegExp,
  start: number,
  n: number,
  subexpr: number,
): [number, number] | null {
  const from = indexOfChar(s, start);
  if (from > s.length) return null;
  re.lastIndex = from;
  let m: RegExpExecArray | null = null;
  for (let k = 0; k < n; k++) {
    m = re.exec(s);
    if (m === null) return null;
    if (m[0] === '') re.lastIndex++;
  }
  if (m === null) return null;
  if (subexpr > m.length - 1) return null;
  return m.indices?.[subexpr] ?? null;
}

function checkCommon(start: number, n: number, subexpr: number): void {
  if (start <= 0) throw badParam('start', start);
  if (n <= 0) throw badParam('n', n);
  if (subexpr < 0) throw badParam('subexpr', subexpr);
}

/** regexp_instr(s, re [, start [, N [, endoption [, flags [, subexpr]]]]]). */
const regexpInstr: Kernel = strict(([s, p, st, nn, eo, f, se]) => {
  const [start, n, end, subexpr] = [st ?? 1, nn ?? 1, eo ?? 0, se ?? 0].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  checkCommon(start, n, subexpr);
  if (end !== 0 && end !== 1) throw badParam('endoption', end);
  const src = str(s);
  const hit = nthMatch(src, pattern(p, f, 'regexp_instr'), start, n, subexpr);
  return hit === null ? 0 : charPos(src, hit[end]);
});

/** regexp_substr(s, re [, start [, N [, flags [, subexpr]]]]). */
const regexpSubstr: Kernel = strict(([s, p, st, nn, f, se]) => {
  const [start, n, subexpr] = [st ?? 1, nn ?? 1, se ?? 0].map(Number) as [number, number, number];
  checkCommon(start, n, subexpr);
  const src = str(s);
  const hit = nthMatch(src, pattern(p, f, 'regexp_substr'), start, n, subexpr);
  return hit === null ? null : src.slice(hit[0], hit[1]);
});

export const regexPositionFunctions: readonly ScalarFunction[] = [
  fn(
    'regexp_instr',
    overloads(
      sig([T, T], I),
      sig([T, T, I], I),
      sig([T, T, I, I], I),
      sig([T, T, I, I, I], I),
      sig([T, T, I, I, I, T], I),
      sig([T, T, I, I, I, T, I], I),
    ),
    regexpInstr,
  ),
  fn(
    'regexp_substr',
    overloads(
      sig([T, T], T),
      sig([T, T, I], T),
      sig([T, T, I, I], T),
      sig([T, T, I, I, T], T),
      sig([T, T, I, I, T, I], T),
    ),
    regexpSubstr,
  ),
];
