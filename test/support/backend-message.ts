/**
 * Backend messages as the protocol suites see them: every frame keeps its type byte and raw body
 * (so tests can check binary values byte for byte) next to pg-protocol's decoding, the peer we
 * test against. pg-protocol does not know NegotiateProtocolVersion ('v', §55.7), decoded here.
 */
import assert from 'node:assert/strict';
import { Parser } from 'pg-protocol/dist/parser.js';
import type {
  BackendKeyDataMessage,
  BackendMessage,
  CommandCompleteMessage,
  ParameterDescriptionMessage,
  ParameterStatusMessage,
  ReadyForQueryMessage,
  RowDescriptionMessage,
} from 'pg-protocol/dist/messages.js';

export interface Frame {
  /** The message type byte, e.g. 'Z'. */
  readonly code: string;
  /** pg-protocol's message name ('readyForQuery', 'error', ...), 'negotiateProtocolVersion', or `unknown:<code>`. */
  readonly name: string;
  /** The bytes after the Int32 length. */
  readonly body: Buffer;
  /** pg-protocol's decoding, when it knows the type. */
  readonly message: BackendMessage | undefined;
}

const parser = new Parser();

/** Decodes one complete frame (type byte + length + body) with pg-protocol's Parser. */
export function decodeFrame(code: string, body: Buffer): Frame {
  if (code === 'v') return { code, name: 'negotiateProtocolVersion', body, message: undefined };
  const header = Buffer.alloc(5);
  header.write(code, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  let decoded: BackendMessage | undefined;
  parser.parse(Buffer.concat([header, body]), (message) => (decoded = message));
  assert.ok(decoded, `pg-protocol did not decode a complete '${code}' frame`);
  // pg-protocol reports unknown type bytes as an 'error' DatabaseError; keep them apart.
  const name = decoded.name === 'error' && code !== 'E' ? `unknown:${code}` : decoded.name;
  return { code, name, body, message: decoded };
}

/** The answer to a one-row simple Query such as `SELECT 1`. */
export const ONE_ROW_ANSWER = ['rowDescription', 'dataRow', 'commandComplete', 'readyForQuery'];

/** The message names of a sequence, for exact-sequence assertions. */
export function names(frames: readonly Frame[]): string[] {
  return frames.map((frame) => frame.name);
}

function expectName(frame: Frame, name: string): void {
  assert.equal(frame.name, name, `expected ${name}, got ${frame.name} (${describeFrame(frame)})`);
}

/** A one-line rendering of a frame for assertion messages. */
export function describeFrame(frame: Frame): string {
  if (frame.code === 'E' || frame.code === 'N') {
    return `${frame.name} ${JSON.stringify(Object.fromEntries(errorFields(frame)))}`;
  }
  return `${frame.name} ${frame.body.subarray(0, 80).toString('latin1')}`;
}

/** ErrorResponse / NoticeResponse fields by their one-byte code (§55.8). */
export function errorFields(frame: Frame): ReadonlyMap<string, string> {
  const fields = new Map<string, string>();
  let offset = 0;
  while (offset < frame.body.length && frame.body[offset] !== 0) {
    const type = String.fromCharCode(frame.body[offset]!);
    const end = frame.body.indexOf(0, offset + 1);
    assert.ok(end > offset, 'unterminated error field');
    fields.set(type, frame.body.toString('utf8', offset + 1, end));
    offset = end + 1;
  }
  return fields;
}

export interface ErrorSummary {
  /** The non-localized severity (V), falling back to S. */
  readonly severity: string | undefined;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly position: string | undefined;
}

export function errorOf(frame: Frame): ErrorSummary {
  expectName(frame, 'error');
  const fields = errorFields(frame);
  return {
    severity: fields.get('V') ?? fields.get('S'),
    code: fields.get('C'),
    message: fields.get('M'),
    position: fields.get('P'),
  };
}

/** DataRow values as raw bytes, null for SQL NULL. */
export function dataRowValues(frame: Frame): (Buffer | null)[] {
  expectName(frame, 'dataRow');
  const count = frame.body.readInt16BE(0);
  const values: (Buffer | null)[] = [];
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const length = frame.body.readInt32BE(offset);
    offset += 4;
    if (length === -1) {
      values.push(null);
      continue;
    }
    values.push(frame.body.subarray(offset, offset + length));
    offset += length;
  }
  return values;
}

/** DataRow values decoded as UTF-8 text (text format results). */
export function dataRowText(frame: Frame): (string | null)[] {
  return dataRowValues(frame).map((value) => (value === null ? null : value.toString('utf8')));
}

export interface NegotiateProtocolVersion {
  /**
   * The docs call this Int32 the "newest minor protocol version", but PostgreSQL sends the whole
   * version number, (major << 16) | minor (postmaster.c SendNegotiateProtocolVersion sends
   * PG_PROTOCOL_LATEST), and libpq 18 reads it that way; both halves are exposed here.
   */
  readonly major: number;
  readonly minor: number;
  readonly unrecognizedOptions: string[];
}

/** NegotiateProtocolVersion: Int32 newest version, Int32 count, count option names (§55.7). */
export function negotiateProtocolVersion(frame: Frame): NegotiateProtocolVersion {
  expectName(frame, 'negotiateProtocolVersion');
  const version = frame.body.readInt32BE(0);
  const count = frame.body.readInt32BE(4);
  const unrecognizedOptions: string[] = [];
  let offset = 8;
  for (let i = 0; i < count; i++) {
    const end = frame.body.indexOf(0, offset);
    unrecognizedOptions.push(frame.body.toString('utf8', offset, end));
    offset = end + 1;
  }
  return { major: version >> 16, minor: version & 0xffff, unrecognizedOptions };
}

export function readyStatus(frame: Frame): string {
  expectName(frame, 'readyForQuery');
  return (frame.message as ReadyForQueryMessage).status;
}

export function commandTag(frame: Frame): string {
  expectName(frame, 'commandComplete');
  return (frame.message as CommandCompleteMessage).text;
}

export function rowDescription(frame: Frame): RowDescriptionMessage {
  expectName(frame, 'rowDescription');
  return frame.message as RowDescriptionMessage;
}

export function parameterDescription(frame: Frame): ParameterDescriptionMessage {
  expectName(frame, 'parameterDescription');
  return frame.message as ParameterDescriptionMessage;
}

export function parameterStatus(frame: Frame): ParameterStatusMessage {
  expectName(frame, 'parameterStatus');
  return frame.message as ParameterStatusMessage;
}

export function backendKeyData(frame: Frame): BackendKeyDataMessage {
  expectName(frame, 'backendKeyData');
  return frame.message as BackendKeyDataMessage;
}
