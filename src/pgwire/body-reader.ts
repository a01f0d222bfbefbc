import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

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

/** Decodes client text, reporting invalid input as PostgreSQL does (22021). */
export function decodeUtf8(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw new LakeError(
      SqlState.characterNotInRepertoire,
      `invalid byte sequence for encoding "UTF8": ${firstBadSequence(raw)}`,
    );
  }
}

function firstBadSequence(raw: Uint8Array): string {
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as number;
    if (b < 0x80) continue;
    const width = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    const slice = raw.subarray(i, i + width);
    try {
      utf8.decode(slice);
      i += width - 1;
    } catch {
      return Array.from(slice, (x) => `0x${x.toString(16).padStart(2, '0')}`).join(' ');
    }
  }
  return '0x00';
}

function invalidFormat(): LakeError {
  return new LakeError(SqlState.protocolViolation, 'invalid message format');
}
