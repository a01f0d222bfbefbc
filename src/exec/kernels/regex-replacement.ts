/**
 * Replacement text of a regex replace, parsed once per distinct text:
 * - `pg` (regexp_replace, docs §9.7.3): `\1`..`\9` a group, `\&` the whole match,
 *   `\\` a backslash; any other `\x` stays as written.
 * - `java` (Matcher.appendReplacement): `$n` a group, `${name}` a named group, `\x` the
 *   character x.
 * A part is a literal string or a group number (0 = whole match) or a group name.
 */
export type ReplacementDialect = 'pg' | 'java';

type Part = string | number | { readonly name: string };

/** Builds the replacement from String.replace's callback arguments. */
export type Template = (match: readonly unknown[]) => string;

const MAX_ENTRIES = 256;
const templates = new Map<string, Template>();

function parsePg(r: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  for (let i = 0; i < r.length; i++) {
    const c = r[i] ?? '';
    const next = r[i + 1];
    if (c !== '\\' || next === undefined) {
      lit += c;
      continue;
    }
    i++;
    if ((next >= '0' && next <= '9') || next === '&') {
      parts.push(lit, next === '&' ? 0 : Number(next));
      lit = '';
    } else if (next === '\\') lit += '\\';
    else lit += `\\${next}`;
  }
  parts.push(lit);
  return parts;
}

function parseJava(r: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  for (let i = 0; i < r.length; i++) {
    const c = r[i] ?? '';
    if (c === '\\' && i + 1 < r.length) {
      lit += r[++i] ?? '';
    } else if (c === '$' && r[i + 1] === '{') {
      const close = r.indexOf('}', i);
      parts.push(lit, { name: r.slice(i + 2, close < 0 ? r.length : close) });
      lit = '';
      i = close < 0 ? r.length : close;
    } else if (c === '$' && /[0-9]/.test(r[i + 1] ?? '')) {
      const digits = /^[0-9]+/.exec(r.slice(i + 1))?.[0] ?? '';
      parts.push(lit, Number(digits));
      lit = '';
      i += digits.length;
    } else lit += c;
  }
  parts.push(lit);
  return parts;
}

function render(parts: readonly Part[]): Template {
  return (m) => {
    // String.replace passes (match, g1..gn, offset, input[, groups]).
    const last = m[m.length - 1];
    const named = typeof last === 'object' && last !== null ? (last as Record<string, string>) : {};
    const groupTotal = m.length - (typeof last === 'object' && last !== null ? 3 : 2);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else if (typeof p === 'number') out += p < groupTotal && typeof m[p] === 'string' ? m[p] : '';
      else out += named[p.name] ?? '';
    }
    return out;
  };
}

export function regexTemplate(r: string, dialect: ReplacementDialect): Template {
  const key = `${dialect}/${r}`;
  let t = templates.get(key);
  if (t === undefined) {
    t = render(dialect === 'pg' ? parsePg(r) : parseJava(r));
    if (templates.size >= MAX_ENTRIES) templates.clear();
    templates.set(key, t);
  }
  return t;
}
