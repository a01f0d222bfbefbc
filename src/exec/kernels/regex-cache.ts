import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { invalidRegex, translateRegex, type RegexDialect } from './regex-translate.js';

/**
 * Compiled patterns by dialect, flags and text. A column's pattern is nearly always a
 * constant, so one compile serves every row and batch; the cache is bounded so a
 * column of distinct patterns cannot grow it without limit.
 */
const MAX_ENTRIES = 512;
const cache = new Map<string, RegExp>();

/**
 * PostgreSQL's regex flags argument (docs Table 9.24): i, c, g, n, m (= n), s, p, w, x, q.
 * `g` is the caller's business (replace all); unknown letters are 22023.
 */
export function pgFlags(flags: string, allowGlobal: boolean): { js: string; global: boolean } {
  let js = '';
  let global = false;
  for (const f of flags) {
    if (f === 'g' && allowGlobal) global = true;
    else if (f === 'i') js = js.replace('i', '') + 'i';
    else if (f === 'c') js = js.replace('i', '');
    else if (f === 'n' || f === 'm') js = js.replace('s', '') + 'm';
    else if (f === 's' || f === 'p' || f === 'w' || f === 'x' || f === 't') continue;
    else
      throw new LakeError(
        SqlState.invalidParameterValue,
        `invalid regular expression option: "${f}"`,
      );
  }
  // ARE's default: `.` and bracket expressions match newlines (non-newline-sensitive).
  if (!js.includes('m')) js += 's';
  return { js, global };
}

export function compileRegex(pattern: string, dialect: RegexDialect, extraFlags = ''): RegExp {
  const key = `${dialect}/${extraFlags}/${pattern}`;
  let re = cache.get(key);
  if (re !== undefined) return re;
  const { source, flags } = translateRegex(pattern, dialect);
  const all = [...new Set([...flags, ...extraFlags])].sort().join('');
  try {
    re = new RegExp(source, all);
  } catch (err) {
    throw invalidRegex(
      err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err),
    );
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, re);
  return re;
}

const groupCounts = new WeakMap<RegExp, number>();

/** How many capturing groups a compiled pattern has (`(?:x|)` always matches the empty string). */
export function groupCount(re: RegExp): number {
  let n = groupCounts.get(re);
  if (n === undefined) {
    n = (new RegExp(`${re.source}|`, re.flags.replace('y', '')).exec('')?.length ?? 1) - 1;
    groupCounts.set(re, n);
  }
  return n;
}

const globals = new WeakMap<RegExp, RegExp>();

/** The same compiled pattern with the `g` flag (for replace-all and match-all loops). */
export function globalOf(re: RegExp): RegExp {
  if (re.global) return re;
  let g = globals.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, `${re.flags}g`);
    globals.set(re, g);
  }
  return g;
}
