import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import { decodeUtf8 } from './types/utf8-text.js';

/** The packets a client may send before StartupMessage (protocol docs §55.2.1). */
export type StartupPacket =
  | { readonly kind: 'ssl-request' }
  | { readonly kind: 'gssenc-request' }
  | { readonly kind: 'cancel'; readonly pid: number; readonly secret: number }
  | {
      readonly kind: 'startup';
      readonly major: number;
      readonly minor: number;
      readonly parameters: ReadonlyMap<string, string>;
      /** `_pq_.*` protocol options; we support none and report them in NegotiateProtocolVersion. */
      readonly protocolOptions: readonly string[];
    };

const CANCEL_REQUEST_CODE = 80877102;
const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;

const fatal = (sqlstate: string, message: string): LakeError =>
  new LakeError(sqlstate, message, { severity: 'FATAL' });

/** Decodes a startup-phase packet body (after its length word). */
export function decodeStartupPacket(body: Buffer): StartupPacket {
  const code = body.readInt32BE(0);
  if (code === SSL_REQUEST_CODE && body.length === 4) return { kind: 'ssl-request' };
  if (code === GSSENC_REQUEST_CODE && body.length === 4) return { kind: 'gssenc-request' };
  if (code === CANCEL_REQUEST_CODE && body.length === 12) {
    return { kind: 'cancel', pid: body.readInt32BE(4), secret: body.readInt32BE(8) };
  }
  const major = code >>> 16;
  const minor = code & 0xffff;
  if (major !== 3) {
    throw fatal(
      SqlState.featureNotSupported,
      `unsupported frontend protocol ${major}.${minor}: server supports 3.0 to 3.0`,
    );
  }
  const { parameters, protocolOptions } = decodeParameters(body.subarray(4));
  return { kind: 'startup', major, minor, parameters, protocolOptions };
}

function decodeParameters(buf: Buffer): {
  parameters: Map<string, string>;
  protocolOptions: string[];
} {
  if (buf.length === 0 || buf[buf.length - 1] !== 0) {
    throw fatal(
      SqlState.protocolViolation,
      'invalid startup packet layout: expected terminator as last byte',
    );
  }
  const parameters = new Map<string, string>();
  const protocolOptions: string[] = [];
  let offset = 0;
  while (offset < buf.length - 1) {
    const nameEnd = buf.indexOf(0, offset);
    const valueEnd = buf.indexOf(0, nameEnd + 1);
    if (valueEnd < 0 || valueEnd >= buf.length - 1 || nameEnd === offset) {
      throw fatal(
        SqlState.protocolViolation,
        'invalid startup packet layout: expected terminator as last byte',
      );
    }
    const name = decodeUtf8(buf.subarray(offset, nameEnd));
    const value = decodeUtf8(buf.subarray(nameEnd + 1, valueEnd));
    if (name.startsWith('_pq_.')) protocolOptions.push(name);
    else parameters.set(name, value);
    offset = valueEnd + 1;
  }
  return { parameters, protocolOptions };
}
