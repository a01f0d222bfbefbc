/**
 * The Authentication* backend messages (PostgreSQL protocol docs §55.7 "Message
 * Formats"): type byte 'R', Int32 length (self-inclusive), Int32 request code,
 * then a code-specific payload. Built here rather than through the connection's
 * serializer so authentication has no dependency on it.
 */

/** Request codes of the 'R' message, as in PostgreSQL's pqcomm.h (AUTH_REQ_*). */
export const AuthRequest = {
  ok: 0,
  cleartextPassword: 3,
  md5Password: 5,
  sasl: 10,
  saslContinue: 11,
  saslFinal: 12,
} as const;

export type AuthRequestCode = (typeof AuthRequest)[keyof typeof AuthRequest];

function authMessage(code: AuthRequestCode, payload: Buffer = Buffer.alloc(0)): Buffer {
  const message = Buffer.alloc(9 + payload.length);
  message.write('R', 0, 'latin1');
  message.writeInt32BE(8 + payload.length, 1);
  message.writeInt32BE(code, 5);
  payload.copy(message, 9);
  return message;
}

export const authenticationOk = (): Buffer => authMessage(AuthRequest.ok);

export const authenticationCleartextPassword = (): Buffer =>
  authMessage(AuthRequest.cleartextPassword);

/** AuthenticationMD5Password: the payload is the 4-byte salt. */
export function authenticationMd5Password(salt: Buffer): Buffer {
  if (salt.length !== 4) throw new RangeError('MD5 salt must be 4 bytes');
  return authMessage(AuthRequest.md5Password, salt);
}

/** AuthenticationSASL: each mechanism name as a C string, then a terminating zero byte. */
export function authenticationSasl(mechanisms: readonly string[]): Buffer {
  const parts = mechanisms.map((m) => Buffer.from(`${m}\0`, 'utf8'));
  return authMessage(AuthRequest.sasl, Buffer.concat([...parts, Buffer.from([0])]));
}

/** AuthenticationSASLContinue: the mechanism's challenge, raw (no terminator). */
export const authenticationSaslContinue = (data: Buffer): Buffer =>
  authMessage(AuthRequest.saslContinue, data);

/** AuthenticationSASLFinal: the mechanism's additional data on success, raw. */
export const authenticationSaslFinal = (data: Buffer): Buffer =>
  authMessage(AuthRequest.saslFinal, data);
