import type { SqlValue } from '../sql-value.js';
import { malformedArray } from './input-error.js';

/**
 * array_in (PostgreSQL docs §8.15.2): `{e1,e2,...}` with optional white space around
 * elements, double-quoted elements with backslash escapes, unquoted NULL for SQL NULL,
 * and nested braces for further dimensions. Element text goes to the element type's input.
 */
export function parseArray(text: string, element: (text: string) => SqlValue): SqlValue[] {
  const p = new ArrayParser(text, element);
  p.skipSpace();
  if (p.peek() !== '{')
    throw malformedArray(text, 'Array value must start with "{" or dimension information.');
  const value = p.parseLevel();
  p.skipSpace();
  if (!p.atEnd()) throw malformedArray(text, 'Junk after closing right brace.');
  return value;
}

const SPACE = /[ \t\n\r\v\f]/;

class ArrayParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly element: (text: string) => SqlValue,
  ) {}

  peek(): string {
    return this.text.charAt(this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && SPACE.test(this.peek())) this.pos++;
  }

  private fail(detail: string): never {
    throw malformedArray(this.text, detail);
  }

  /** Parses `{...}` starting at the opening brace. */
  parseLevel(): SqlValue[] {
    this.pos++;
    const out: SqlValue[] = [];
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return out;
    }
    let nested: boolean | undefined;
    for (;;) {
      this.skipSpace();
      const isNested = this.peek() === '{';
      if (nested !== undefined && nested !== isNested) this.fail('Unexpected array element.');
      nested = isNested;
      out.push(isNested ? this.parseLevel() : this.parseElement());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === '}') return out;
      if (c !== ',')
        this.fail(
          this.atEnd() || c === '' ? 'Unexpected end of input.' : `Unexpected "${c}" character.`,
        );
    }
  }

  private parseElement(): SqlValue {
    if (this.peek() === '"') return this.element(this.quoted());
    let raw = '';
    let escaped = false;
    while (!this.atEnd() && !'{},"'.includes(this.peek())) {
      let c = this.peek();
      this.pos++;
      if (c === '\\') {
        if (this.atEnd()) this.fail('Unexpected end of input.');
        c = this.peek();
        this.pos++;
        escaped = true;
      }
      raw += c;
    }
    if (this.atEnd()) this.fail('Unexpected end of input.');
    if (this.peek() === '"' || this.peek() === '{')
      this.fail(`Unexpected "${this.peek()}" character.`);
    const trimmed = raw.replace(/[ \t\n\r\v\f]+$/, '');
    if (trimmed === '') this.fail('Unexpected "' + this.peek() + '" character.');
    return !escaped && trimmed.toLowerCase() === 'null' ? null : this.element(trimmed);
  }

  private quoted(): string {
    this.pos++;
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail('Unexpected end of input.');
      let c = this.peek();
      this.pos++;
      if (c === '"') return out;
      if (c === '\\') {
        if (this.atEnd()) this.fail('Unexpected end of input.');
        c = this.peek();
        this.pos++;
      }
      out += c;
    }
  }
}
