import type { SqlValue } from '../../common/sql-value.js';
import { LakeError } from '../../common/errors.js';
import { strict, type Kernel } from './kernel.js';
import { scalarText } from './scalar-text.js';

/** NOT, IS [NOT] NULL/TRUE/FALSE/UNKNOWN, LIKE/ILIKE and || (docs §9.1, §9.2, §9.7.1). */

function perRow(f: (v: SqlValue) => SqlValue): Kernel {
  return (input) => (input.args[0] ?? []).map((v) => f(v ?? null));
}

/** LIKE pattern → RegExp: % any string, _ one character, backslash escapes (the default ESCAPE). */
export function likeRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let re = '';
  const cs = [...pattern];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i] ?? '';
    if (c === '\\') {
      const next = cs[++i];
      if (next === undefined) {
        throw new LakeError('22025', 'LIKE pattern must not end with escape character');
      }
      re += next.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, caseInsensitive ? 'iu' : 'u');
}

function like(caseInsensitive: boolean): Kernel {
  const cache = new Map<string, RegExp>();
  return strict(([s, p]) => {
    const pattern = scalarText(p);
    let re = cache.get(pattern);
    if (!re) {
      re = likeRegExp(pattern, caseInsensitive);
      cache.set(pattern, re);
    }
    return re.test(scalarText(s));
  });
}

export const predicateKernels: Record<string, Kernel> = {
  not: strict(([v]) => !(v as boolean)),
  'is null': perRow((v) => v === null),
  'is not null': perRow((v) => v !== null),
  'is true': perRow((v) => v === true),
  'is not true': perRow((v) => v !== true),
  'is false': perRow((v) => v === false),
  'is not false': perRow((v) => v !== false),
  'is unknown': perRow((v) => v === null),
  'is not unknown': perRow((v) => v !== null),
  like: like(false),
  ilike: like(true),
  '||': strict(([a, b]) => scalarText(a) + scalarText(b)),
};
