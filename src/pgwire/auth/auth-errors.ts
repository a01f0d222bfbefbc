import { LakeError, toLakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

/**
 * The errors authentication reports, worded as PostgreSQL 15 words them
 * (src/backend/libpq/auth.c, auth-sasl.c, auth-scram.c; checked against a real
 * server). Every one is FATAL: an error before the backend is ready ends the
 * connection. None of them ever carries a password, hash or verifier.
 */

const fatal = (sqlstate: string, message: string, detail?: string): LakeError =>
  new LakeError(
    sqlstate,
    message,
    detail === undefined ? { severity: 'FATAL' } : { severity: 'FATAL', detail },
  );

/** auth.c ClientAuthentication(), uaImplicitReject. */
export function noHbaEntry(host: string, user: string, database: string, tls: boolean): LakeError {
  const encryption = tls ? 'SSL encryption' : 'no encryption';
  return fatal(
    SqlState.invalidAuthorizationSpecification,
    `no pg_hba.conf entry for host "${host}", user "${user}", database "${database}", ${encryption}`,
  );
}

/** auth.c auth_failed() for password, md5 and scram-sha-256: one message whatever went wrong. */
export const passwordAuthFailed = (user: string): LakeError =>
  fatal(SqlState.invalidPassword, `password authentication failed for user "${user}"`);

/** auth.c recv_password_packet(): an empty PasswordMessage. */
export const emptyPassword = (): LakeError =>
  fatal(SqlState.invalidPassword, 'empty password returned by client');

export const protocolViolation = (message: string, detail?: string): LakeError =>
  fatal(SqlState.protocolViolation, message, detail);

/** auth-scram.c: most syntax errors in SCRAM messages. */
export const malformedScram = (detail: string): LakeError =>
  fatal(SqlState.protocolViolation, 'malformed SCRAM message', detail);

export const scramNotSupported = (message: string): LakeError =>
  fatal(SqlState.featureNotSupported, message);

export const channelBindingError = (message: string, detail?: string): LakeError =>
  fatal(SqlState.invalidAuthorizationSpecification, message, detail);

/** Any failure during authentication ends the connection: as FATAL, keeping its SQLSTATE. */
export function fatalFrom(err: unknown): LakeError {
  const e = toLakeError(err);
  if (e.severity === 'FATAL') return e;
  return new LakeError(e.sqlstate, e.message, {
    kind: e.kind,
    severity: 'FATAL',
    ...(e.detail === undefined ? {} : { detail: e.detail }),
    cause: e,
  });
}
