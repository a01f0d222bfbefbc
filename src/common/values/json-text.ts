import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';
import { formatDecimal, parseDecimal } from './decimal-text.js';

/**
 * json and jsonb input (PostgreSQL docs §8.14). json keeps its text as written once it
 * is valid; jsonb is re-printed the way jsonb_out does: keys sorted by length then bytes,
 * duplicate keys keep the last value, `", "` and `": "` separators, numbers as numeric.
 */

/** json_in: validates and returns the text unchanged. */
export function parseJson(text: string): string {
  parseJsonTree(text);
  return text;
}

/** jsonb_in: the canonical text jsonb_out would print. */
export function parseJsonb(text: string): string {
  return printJsonb(parseJsonTree(text));
}

/** A JSON value with number lexemes kept exact. */
type JsonNode =
  | { readonly t: 'scalar'; readonly text: string }
  | { readonly t: 'array'; readonly items: JsonNode[] }
  | { readonly t: 'object'; readonly entries: Map<string, JsonNode> };

function invalidJson(cause?: unknown): LakeError {
  return new LakeError(SqlState.invalidTextRepresentation, 'invalid input syntax for type json', {
    ...(cause instanceof Error ? { detail: cause.message } : {}),
  });
}

function parseJsonTree(text: string): JsonNode {
  // JSON.parse checks the grammar (RFC 8259); a small reader then keeps number lexemes
  // and key order that JSON.parse's objects would lose.
  try {
    JSON.parse(text);
  } catch (err) {
    throw invalidJson(err);
  }
  return new JsonReader(text).value();
}

const JSON_SPACE = /[ \t\n\r]*/y;
const JSON_NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_STRING = /"(?:[^"\\]|\\.)*"/y;
const JSON_LITERAL = /true|false|null/y;

/** Reads text already known to be valid JSON. */
class JsonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  private match(re: RegExp): string {
    this.skip();
    re.lastIndex = this.pos;
    const m = re.exec(this.text)?.[0] ?? '';
    this.pos += m.length;
    return m;
  }

  private skip(): void {
    JSON_SPACE.lastIndex = this.pos;
    this.pos += JSON_SPACE.exec(this.text)?.[0].length ?? 0;
  }

  private take(): string {
    this.skip();
    return this.text.charAt(this.pos++);
  }

  value(): JsonNode {
    this.skip();
    const c = this.text.charAt(this.pos);
    if (c === '[' || c === '{') return this.container();
    if (c === '"')
      return { t: 'scalar', text: JSON.stringify(JSON.parse(this.match(JSON_STRING))) };
    const num = this.match(JSON_NUMBER);
    return { t: 'scalar', text: num !== '' ? numericText(num) : this.match(JSON_LITERAL) };
  }

  private container(): JsonNode {
    const open = this.take();
    const items: JsonNode[] = [];
    const entries = new Map<string, JsonNode>();
    while (this.take() !== (open === '[' ? ']' : '}')) {
      if (this.text.charAt(this.pos - 1) !== ',') this.pos--;
      if (open === '[') {
        items.push(this.value());
        continue;
      }
      const key = JSON.parse(this.match(JSON_STRING)) as string;
      this.take();
      entries.delete(key);
      entries.set(key, this.value());
    }
    return open === '[' ? { t: 'array', items } : { t: 'object', entries };
  }
}

function numericText(lexeme: string): string {
  const d = parseDecimal(lexeme);
  return d === null || typeof d === 'string' ? lexeme : formatDecimal(d.unscaled, d.scale);
}

function printJsonb(node: JsonNode): string {
  switch (node.t) {
    case 'scalar':
      return node.text;
    case 'array':
      return `[${node.items.map(printJsonb).join(', ')}]`;
    case 'object': {
      const keys = [...node.entries.keys()].sort(compareJsonbKeys);
      return `{${keys.map((k) => `${JSON.stringify(k)}: ${printJsonb(node.entries.get(k) ?? node)}`).join(', ')}}`;
    }
  }
}

/** jsonb orders object keys by UTF-8 length, then bytewise (lengthCompareJsonbString). */
function compareJsonbKeys(a: string, b: string): number {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length - bb.length || Buffer.compare(ab, bb);
}
