import { emptyPassword, protocolViolation } from './auth-errors.js';

/**
 * The password from a PasswordMessage body (protocol docs §55.7: a single String),
 * checked as PostgreSQL's recv_password_packet() does: the body must be exactly one
 * NUL-terminated string, and an empty password is refused outright (libpq never
 * sends one; allowing it would be confusing, see auth.c).
 */
export function readPasswordPacket(body: Buffer): Buffer {
  if (body.length === 0 || body.indexOf(0) !== body.length - 1) {
    throw protocolViolation('invalid password packet size');
  }
  if (body.length === 1) throw emptyPassword();
  return body.subarray(0, body.length - 1);
}
