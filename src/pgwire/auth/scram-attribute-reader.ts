import { malformedScram } from './auth-errors.js';

/**
 * A cursor over one SCRAM message (RFC 5802 §7 grammar: comma-separated
 * `attr=value` pairs), reading and failing exactly as PostgreSQL's
 * read_attr_value()/read_any_attr() in auth-scram.c do, so clients see the same
 * error details. The text is latin1-decoded so one character is one byte, as in C;
 * the end of the text reads as NUL.
 */
export class ScramAttributeReader {
  private pos = 0;

  constructor(readonly text: string) {}

  get offset(): number {
    return this.pos;
  }

  peek(): string {
    return this.text.charAt(this.pos) || '\0';
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  advance(): void {
    this.pos++;
  }

  /** The rest of the message from here on. */
  rest(): string {
    return this.text.slice(this.pos);
  }

  /** `attr=value`, where attr must be the given letter; consumes the following comma. */
  readValue(attr: string): string {
    const found = this.peek();
    if (found !== attr) {
      throw malformedScram(`Expected attribute "${attr}" but found "${sanitizeChar(found)}".`);
    }
    this.pos++;
    return this.readAfterName(attr);
  }

  /** Any `attr=value` (attr is one ASCII letter), as read_any_attr(). */
  readAny(): { readonly attr: string; readonly value: string } {
    const attr = this.peek();
    if (attr === '\0') throw malformedScram('Attribute expected, but found end of string.');
    if (!/^[A-Za-z]$/.test(attr)) {
      throw malformedScram(
        `Attribute expected, but found invalid character "${sanitizeChar(attr)}".`,
      );
    }
    this.pos++;
    return { attr, value: this.readAfterName(attr) };
  }

  private readAfterName(attr: string): string {
    if (this.peek() !== '=')
      throw malformedScram(`Expected character "=" for attribute "${attr}".`);
    this.pos++;
    const comma = this.text.indexOf(',', this.pos);
    const end = comma < 0 ? this.text.length : comma;
    const value = this.text.slice(this.pos, end);
    this.pos = comma < 0 ? end : end + 1;
    return value;
  }
}

/** PostgreSQL's sanitize_char(): printable ASCII quoted, anything else as 0xNN. */
export function sanitizeChar(c: string): string {
  const code = c.charCodeAt(0) || 0;
  if (code >= 0x21 && code <= 0x7e) return `'${c}'`;
  return `0x${code.toString(16).padStart(2, '0')}`;
}

/** PostgreSQL's sanitize_str(): at most 30 characters, non-printable ones as '?'. */
export function sanitizeStr(s: string): string {
  return Array.from(s.slice(0, 30), (c) => {
    const code = c.charCodeAt(0);
    return code >= 0x21 && code <= 0x7e ? c : '?';
  }).join('');
}

/** RFC 5802 `printable`: %x21-2B / %x2D-7E (printable ASCII except ","). */
export function isScramPrintable(s: string): boolean {
  return /^[\x21-\x2b\x2d-\x7e]*$/.test(s);
}
