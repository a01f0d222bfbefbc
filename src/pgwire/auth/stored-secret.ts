import { createHash } from 'node:crypto';
import { assertNever } from '../../common/assert.js';
import { constantTimeEqual } from './constant-time-equal.js';
import {
  cleartextMatchesVerifier,
  parseScramVerifier,
  type ScramVerifier,
} from './scram-verifier.js';

/**
 * What kind of secret a user entry stores, decided as PostgreSQL's
 * get_password_type() does (src/backend/libpq/crypt.c): "md5" followed by 32
 * lowercase hex digits is an MD5 hash, a parseable SCRAM secret is SCRAM, and
 * anything else is the cleartext password.
 */
export type StoredSecret =
  | { readonly kind: 'md5'; readonly hash: string }
  | { readonly kind: 'scram'; readonly verifier: ScramVerifier }
  | { readonly kind: 'plaintext'; readonly password: Buffer };

const md5HashPattern = /^md5[0-9a-f]{32}$/;

export function classifySecret(secret: string): StoredSecret {
  if (md5HashPattern.test(secret)) return { kind: 'md5', hash: secret };
  const verifier = parseScramVerifier(secret);
  if (verifier !== null) return { kind: 'scram', verifier };
  return { kind: 'plaintext', password: Buffer.from(secret, 'utf8') };
}

export const md5Hex = (data: Buffer): string => createHash('md5').update(data).digest('hex');

/** PostgreSQL's stored MD5 form: "md5" + md5(password + username). */
export function md5PasswordHash(password: Buffer, user: string): string {
  return `md5${md5Hex(Buffer.concat([password, Buffer.from(user, 'utf8')]))}`;
}

/**
 * Whether a cleartext password (a PasswordMessage under `password` authentication)
 * matches the stored secret, as PostgreSQL's plain_crypt_verify() decides.
 * A user without a secret never matches.
 */
export function cleartextMatchesSecret(
  password: Buffer,
  user: string,
  secret: string | undefined,
): boolean {
  if (secret === undefined) return false;
  const stored = classifySecret(secret);
  switch (stored.kind) {
    case 'scram':
      return cleartextMatchesVerifier(password, stored.verifier);
    case 'md5':
      return constantTimeEqual(
        Buffer.from(md5PasswordHash(password, user)),
        Buffer.from(stored.hash),
      );
    case 'plaintext':
      return constantTimeEqual(password, stored.password);
    default:
      return assertNever(stored, 'stored secret');
  }
}
