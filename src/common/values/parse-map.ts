import { LakeError } from '../errors.js';
import { formatType, type SqlType } from '../sql-types.js';
import { SqlState } from '../sqlstate.js';
import type { SqlMap, SqlValue } from '../sql-value.js';

/**
 * Map text input, the inverse of format-map.ts: a JSON object whose keys go through the
 * key type's input function and whose values are JSON of the value type (numbers keep
 * their exact lexeme, strings go through the value type's input, arrays and nested
 * objects recurse, json/jsonb values keep their JSON text). Duplicate keys are 22023 as
 * in Spark's map constructors; `null` keys cannot be written in JSON object syntax.
 */
export function parseMapText(
  text: string,
  type: SqlType,
  parser: (t: SqlType) => (text: string) => SqlValue,
): SqlMap {
  const r = new JsonReader(text, type);
  r.space();
  const out = r.value(type, parser);
  r.space();
  if (!r.atEnd() || !(out instanceof Map)) throw r.error();
  return out as SqlMap;
}

class JsonReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly type: SqlType,
  ) {}

  error(): LakeError {
    return new LakeError(
      SqlState.invalidTextRepresentation,
      `invalid input syntax for type ${formatType(this.type)}: "${this.text}"`,
    );
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private eat(c: string): boolean {
    this.space();
    if (this.text[this.pos] !== c) return false;
    this.pos++;
    return true;
  }

  private expect(c: string): void {
    if (!this.eat(c)) throw this.error();
  }

  /** One JSON value read as a value of type t. */
  value(t: SqlType, parser: (t: SqlType) => (text: string) => SqlValue): SqlValue {
    this.space();
    const c = this.text[this.pos];
    if (t.kind === 'json' || t.kind === 'jsonb') {
      const start = this.pos;
      this.skipValue();
      return parser(t)(this.text.slice(start, this.pos));
    }
    if (c === '{') return this.object(t, parser);
    if (c === '[') return this.array(t, parser);
    if (c === '"') return parser(t)(this.string());
    const m = /^(?:null|true|false|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.pos),
    );
    if (m === null) throw this.error();
    this.pos += m[0].length;
    return m[0] === 'null' ? null : parser(t)(m[0]);
  }

  private object(t: SqlType, parser: (t: SqlType) => (text: string) => SqlValue): SqlMap {
    if (t.kind !== 'map') throw this.error();
    const key = parser(t.key);
    const out = new Map<Exclude<SqlValue, null>, SqlValue>();
    this.expect('{');
    if (this.eat('}')) return out;
    do {
      this.space();
      if (this.text[this.pos] !== '"') throw this.error();
      const k = key(this.string());
      if (k === null) throw this.error();
      if (out.has(k)) throw duplicateMapKey(k);
      this.expect(':');
      out.set(k, this.value(t.value, parser));
    } while (this.eat(','));
    this.expect('}');
    return out;
  }

  private array(t: SqlType, parser: (t: SqlType) => (text: string) => SqlValue): SqlValue[] {
    if (t.kind !== 'array') throw this.error();
    const out: SqlValue[] = [];
    this.expect('[');
    if (this.eat(']')) return out;
    do out.push(this.value(t.element, parser));
    while (this.eat(','));
    this.expect(']');
    return out;
  }

  private string(): string {
    // A JSON string (RFC 8259 §7); JSON.parse rejects raw control characters in it.
    const m = /^"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(this.text.slice(this.pos));
    if (m === null) throw this.error();
    this.pos += m[0].length;
    try {
      return JSON.parse(m[0]) as string;
    } catch {
      throw this.error();
    }
  }

  /** Skips one JSON value of any shape (for json/jsonb values kept as text). */
  private skipValue(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.pos++;
      if (this.eat(close)) return;
      do {
        if (c === '{') {
          this.space();
          this.string();
          this.expect(':');
        }
        this.skipValue();
      } while (this.eat(','));
      this.expect(close);
      return;
    }
    const m = /^(?:null|true|false|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.pos),
    );
    if (m === null) throw this.error();
    this.pos += m[0].length;
  }
}

/** 22023, as Spark's DUPLICATED_MAP_KEY (spark.sql.mapKeyDedupPolicy=EXCEPTION). */
export function duplicateMapKey(key: SqlValue): LakeError {
  const shown =
    typeof key === 'string'
      ? `"${key}"`
      : typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean'
        ? String(key)
        : '';
  return new LakeError(
    SqlState.invalidParameterValue,
    shown === '' ? 'duplicate map key' : `duplicate map key ${shown}`,
    { hint: 'Map keys must be unique; drop the duplicates before building the map.' },
  );
}
