import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import { decodeUtf8 } from './types/utf8-text.js';

/**
 * Reads the fields of one message body with the checks PostgreSQL's pqformat.c
 * makes: every read stays inside the body, strings are NUL-terminated and valid
 * UTF-8 (we only speak UTF8), and `end()` insists nothing is left over.
 */
export class BodyReader {
  private offset = 0;

  constructor(private readonly body: Buffer) {}

  int16(): number {
    this.need(2);
    const v = this.body.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.body.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  byte(): number {
    this.need(1);
    return this.body[this.offset++] as number;
  }

  bytes(n: number): Buffer {
    if (n < 0) throw invalidFormat();
    this.need(n);
    const v = this.body.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  cstring(): string {
    const nul = this.body.indexOf(0, this.offset);
    if (nul < 0) {
      throw new LakeError(SqlState.protocolViolation, 'invalid string in message');
    }
    const raw = this.body.subarray(this.offset, nul);
    this.offset = nul + 1;
    return decodeUtf8(raw);
  }

  get remaining(): number {
    return this.body.length - this.offset;
  }

  end(): void {
    if (this.offset !== this.body.length) throw invalidFormat();
  }

  private need(n: number): void {
    if (this.offset + n > this.body.length) throw invalidFormat();
  }
}

function invalidFormat(): LakeError {
  return new LakeError(SqlState.protocolViolation, 'invalid message format');
}
