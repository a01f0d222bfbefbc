import type { SqlValue } from '../../common/sql-value.js';
import { LakeError } from '../../common/errors.js';
import { strict, type Kernel } from './kernel.js';
import { scalarText } from './scalar-text.js';

/** NOT, IS [NOT] NULL/TRUE/FALSE/UNKNOWN, LIKE/ILIKE and || (docs §9.1, §9.2, §9.7.1). */

function perRow(f: (v: SqlValue) => SqlValue): Kernel {
  return (input) => (input.args[0] ?? []).map((v) => f(v ?? null));
}

/**
 * LIKE pattern → RegExp: % any string, _ one character, the escape character (backslash
 * unless `LIKE ... ESCAPE e` names another; an empty one disables escaping) quotes the next.
 */
export function likeRegExp(pattern: string, caseInsensitive: boolean, escape = '\\'): RegExp {
  if ([...escape].length > 1) {
    throw new LakeError('22025', 'invalid escape string', {
      hint: 'Escape string must be empty or one character.',
    });
  }
  let re = '';
  const cs = [...pattern];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i] ?? '';
    if (c === escape) {
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

/** like(s, pattern [, escape]): patterns compile once per distinct text (bounded cache). */
function like(caseInsensitive: boolean): Kernel {
  const cache = new Map<string, RegExp>();
  return strict(([s, p, e]) => {
    const pattern = scalarText(p);
    const escape = e === undefined ? '\\' : scalarText(e);
    const key = `${escape}\u0000${pattern}`;
    let re = cache.get(key);
    if (!re) {
      re = likeRegExp(pattern, caseInsensitive, escape);
      if (cache.size > 256) cache.clear();
      cache.set(key, re);
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
