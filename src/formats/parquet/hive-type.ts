/**
 * Hive/Spark type text (`decimal(10,2)`, `array<struct<a:int>>`, `map<string,bigint>`) as a
 * small tree, for merging file schemas and for typing partition values. Only the shape
 * is parsed; primitive names are kept lower-cased as written.
 */
export type HiveType =
  | { readonly kind: 'primitive'; readonly name: string }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'array'; readonly element: HiveType }
  | { readonly kind: 'map'; readonly key: HiveType; readonly value: HiveType }
  | { readonly kind: 'struct'; readonly fields: readonly HiveField[] };

export interface HiveField {
  readonly name: string;
  readonly type: HiveType;
}

/** Parses type text; throws a plain Error on malformed text (callers wrap it). */
export function parseHiveType(text: string): HiveType {
  const p = { s: text, i: 0 };
  const t = parseAt(p);
  skipSpace(p);
  if (p.i !== p.s.length) throw new Error(`malformed type "${text}"`);
  return t;
}

export function formatHiveType(t: HiveType): string {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'array':
      return `array<${formatHiveType(t.element)}>`;
    case 'map':
      return `map<${formatHiveType(t.key)},${formatHiveType(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${formatHiveType(f.type)}`).join(',')}>`;
  }
}

interface Cursor {
  readonly s: string;
  i: number;
}

function parseAt(p: Cursor): HiveType {
  skipSpace(p);
  const name = word(p).toLowerCase();
  skipSpace(p);
  switch (name) {
    case 'array': {
      expect(p, '<');
      const element = parseAt(p);
      expect(p, '>');
      return { kind: 'array', element };
    }
    case 'map': {
      expect(p, '<');
      const key = parseAt(p);
      expect(p, ',');
      const value = parseAt(p);
      expect(p, '>');
      return { kind: 'map', key, value };
    }
    case 'struct':
      return { kind: 'struct', fields: structFields(p) };
    case 'decimal':
    case 'numeric': {
      if (p.s[p.i] !== '(') return { kind: 'decimal', precision: 10, scale: 0 };
      expect(p, '(');
      const precision = Number(word(p));
      skipSpace(p);
      let scale = 0;
      if (p.s[p.i] === ',') {
        expect(p, ',');
        scale = Number(word(p));
      }
      expect(p, ')');
      return { kind: 'decimal', precision, scale };
    }
    default:
      // char(n) / varchar(n): keep the text; they read as strings.
      if (p.s[p.i] === '(') {
        const close = p.s.indexOf(')', p.i);
        if (close < 0) throw new Error(`malformed type "${p.s}"`);
        const text = `${name}${p.s.slice(p.i, close + 1)}`;
        p.i = close + 1;
        return { kind: 'primitive', name: text };
      }
      if (name === '') throw new Error(`malformed type "${p.s}"`);
      return { kind: 'primitive', name };
  }
}

function structFields(p: Cursor): HiveField[] {
  expect(p, '<');
  const fields: HiveField[] = [];
  skipSpace(p);
  if (p.s[p.i] === '>') {
    p.i++;
    return fields;
  }
  for (;;) {
    skipSpace(p);
    const colon = p.s.indexOf(':', p.i);
    if (colon < 0) throw new Error(`malformed type "${p.s}"`);
    const name = p.s.slice(p.i, colon).trim();
    p.i = colon + 1;
    fields.push({ name, type: parseAt(p) });
    skipSpace(p);
    if (p.s[p.i] === ',') {
      p.i++;
      continue;
    }
    expect(p, '>');
    return fields;
  }
}

function word(p: Cursor): string {
  skipSpace(p);
  const start = p.i;
  while (p.i < p.s.length && /[A-Za-z0-9_]/.test(p.s[p.i] ?? '')) p.i++;
  return p.s.slice(start, p.i);
}

function expect(p: Cursor, c: string): void {
  skipSpace(p);
  if (p.s[p.i] !== c) throw new Error(`malformed type "${p.s}": expected "${c}"`);
  p.i++;
}

function skipSpace(p: Cursor): void {
  while (p.s[p.i] === ' ') p.i++;
}
