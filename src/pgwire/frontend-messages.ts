import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import { BodyReader } from './body-reader.js';
import type { RawMessage } from './message-reader.js';

/** Frontend messages after startup (protocol docs §55.7), as plain data. */
export type FrontendMessage =
  | { readonly kind: 'query'; readonly sql: string }
  | {
      readonly kind: 'parse';
      readonly name: string;
      readonly sql: string;
      readonly paramTypeOids: readonly number[];
    }
  | {
      readonly kind: 'bind';
      readonly portal: string;
      readonly statement: string;
      readonly paramFormats: readonly number[];
      /** null entries are SQL NULLs. */
      readonly params: readonly (Buffer | null)[];
      readonly resultFormats: readonly number[];
    }
  | { readonly kind: 'describe'; readonly target: 'statement' | 'portal'; readonly name: string }
  | { readonly kind: 'execute'; readonly portal: string; readonly maxRows: number }
  | { readonly kind: 'close'; readonly target: 'statement' | 'portal'; readonly name: string }
  | { readonly kind: 'sync' }
  | { readonly kind: 'flush' }
  | { readonly kind: 'terminate' }
  /** CopyData/CopyDone/CopyFail outside COPY FROM: ignored, as PostgreSQL does. */
  | { readonly kind: 'copy-noise' }
  | { readonly kind: 'function-call' }
  /** PasswordMessage, SASLInitialResponse, SASLResponse: meaning depends on the auth state. */
  | { readonly kind: 'password'; readonly body: Buffer };

type Decoder = (r: BodyReader, body: Buffer) => FrontendMessage;

const decoders: Record<string, Decoder> = {
  Q: (r) => ({ kind: 'query', sql: r.cstring() }),
  P: (r) => ({ kind: 'parse', name: r.cstring(), sql: r.cstring(), paramTypeOids: int32s(r) }),
  B: decodeBind,
  D: (r) => ({ kind: 'describe', target: target(r.byte(), 'DESCRIBE'), name: r.cstring() }),
  E: (r) => ({ kind: 'execute', portal: r.cstring(), maxRows: r.int32() }),
  C: (r) => ({ kind: 'close', target: target(r.byte(), 'CLOSE'), name: r.cstring() }),
  S: () => ({ kind: 'sync' }),
  H: () => ({ kind: 'flush' }),
  X: () => ({ kind: 'terminate' }),
  d: (r) => (r.bytes(r.remaining), { kind: 'copy-noise' }),
  c: () => ({ kind: 'copy-noise' }),
  f: (r) => (r.cstring(), { kind: 'copy-noise' }),
  F: (r) => (r.bytes(r.remaining), { kind: 'function-call' }),
  p: (r, body) => (r.bytes(r.remaining), { kind: 'password', body }),
};

/**
 * Decodes a message body. An unknown type byte is FATAL (the stream can no longer be
 * trusted); a malformed body is an ERROR for that message only, as in postgres.c.
 */
export function decodeFrontendMessage(message: RawMessage): FrontendMessage {
  const decoder = decoders[String.fromCharCode(message.type)];
  if (!decoder) {
    throw new LakeError(
      SqlState.protocolViolation,
      `invalid frontend message type ${message.type}`,
      { severity: 'FATAL' },
    );
  }
  const reader = new BodyReader(message.body);
  const decoded = decoder(reader, message.body);
  reader.end();
  return decoded;
}

function decodeBind(r: BodyReader): FrontendMessage {
  const portal = r.cstring();
  const statement = r.cstring();
  const paramFormats = int16s(r);
  const count = r.int16();
  if (count < 0) throw new LakeError(SqlState.protocolViolation, 'invalid message format');
  const params: (Buffer | null)[] = [];
  for (let i = 0; i < count; i++) {
    const len = r.int32();
    params.push(len === -1 ? null : r.bytes(len));
  }
  return { kind: 'bind', portal, statement, paramFormats, params, resultFormats: int16s(r) };
}

function int16s(r: BodyReader): number[] {
  const n = r.int16();
  if (n < 0) throw new LakeError(SqlState.protocolViolation, 'invalid message format');
  return Array.from({ length: n }, () => r.int16());
}

function int32s(r: BodyReader): number[] {
  const n = r.int16();
  if (n < 0) throw new LakeError(SqlState.protocolViolation, 'invalid message format');
  return Array.from({ length: n }, () => r.int32() >>> 0);
}

function target(b: number, message: 'DESCRIBE' | 'CLOSE'): 'statement' | 'portal' {
  if (b === 0x53) return 'statement';
  if (b === 0x50) return 'portal';
  throw new LakeError(SqlState.protocolViolation, `invalid ${message} message subtype ${b}`);
}
