import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { decodeBase64Strict } from './base64-strict.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { saslprep } from './saslprep.js';

/**
 * SCRAM-SHA-256 secrets in PostgreSQL's pg_authid format (protocol docs
 * "SCRAM-SHA-256 Authentication"; src/backend/libpq/auth-scram.c):
 *
 *   SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>
 *
 * with, per RFC 5802 §3:
 *   SaltedPassword = Hi(SASLprep(password), salt, i)   (PBKDF2-HMAC-SHA-256, one block)
 *   ClientKey = HMAC(SaltedPassword, "Client Key");  StoredKey = H(ClientKey)
 *   ServerKey = HMAC(SaltedPassword, "Server Key")
 */

export const scramMechanism = 'SCRAM-SHA-256';
/** PostgreSQL 15's fixed iteration count and salt length (SCRAM_DEFAULT_ITERATIONS, SCRAM_DEFAULT_SALT_LEN). */
export const defaultScramIterations = 4096;
export const defaultScramSaltLength = 16;
export const scramKeyLength = 32;

export interface ScramVerifier {
  readonly iterations: number;
  /** The salt exactly as stored (base64), sent to the client as is. */
  readonly saltBase64: string;
  readonly salt: Buffer;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
}

export const hmacSha256 = (key: Buffer, data: Buffer | string): Buffer =>
  createHmac('sha256', key).update(data).digest();

export const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

export function saltedPassword(password: Buffer, salt: Buffer, iterations: number): Buffer {
  return pbkdf2Sync(saslprep(password), salt, iterations, scramKeyLength, 'sha256');
}

const clientKeyOf = (salted: Buffer): Buffer => hmacSha256(salted, 'Client Key');
const serverKeyOf = (salted: Buffer): Buffer => hmacSha256(salted, 'Server Key');

export function isValidIterationCount(iterations: number): boolean {
  return Number.isInteger(iterations) && iterations >= 1 && iterations <= 0x7fffffff;
}

/** A verifier for `password`, in PostgreSQL's format; the salt is 16 random bytes unless given. */
export function makeScramVerifier(
  password: string | Buffer,
  iterations: number = defaultScramIterations,
  salt: Buffer = randomBytes(defaultScramSaltLength),
): string {
  if (!isValidIterationCount(iterations)) throw new RangeError('invalid SCRAM iteration count');
  const bytes = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  const salted = saltedPassword(bytes, salt, iterations);
  const storedKey = sha256(clientKeyOf(salted));
  const serverKey = serverKeyOf(salted);
  const b64 = (b: Buffer): string => b.toString('base64');
  return `${scramMechanism}$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}

const verifierPattern = /^SCRAM-SHA-256\$([0-9]+):([^$]+)\$([^:]+):(.+)$/s;

/** The parsed verifier, or null when `secret` is not a well-formed SCRAM-SHA-256 secret (parse_scram_secret). */
export function parseScramVerifier(secret: string): ScramVerifier | null {
  const m = verifierPattern.exec(secret);
  if (m === null) return null;
  const [, iterationsText = '', saltBase64 = '', storedText = '', serverText = ''] = m;
  const iterations = Number(iterationsText);
  const salt = decodeBase64Strict(saltBase64);
  const storedKey = decodeBase64Strict(storedText);
  const serverKey = decodeBase64Strict(serverText);
  if (!isValidIterationCount(iterations) || salt === null) return null;
  if (storedKey?.length !== scramKeyLength || serverKey?.length !== scramKeyLength) return null;
  return { iterations, saltBase64, salt, storedKey, serverKey };
}

/**
 * Checks a cleartext password against a verifier the way PostgreSQL's
 * scram_verify_plain_password() does: recompute ServerKey from the password and
 * the verifier's salt and iterations, and compare.
 */
export function cleartextMatchesVerifier(password: Buffer, verifier: ScramVerifier): boolean {
  const salted = saltedPassword(password, verifier.salt, verifier.iterations);
  return constantTimeEqual(serverKeyOf(salted), verifier.serverKey);
}

/** StoredKey for a client proof check: H(ClientProof XOR ClientSignature) must equal it (RFC 5802 §3). */
export function recoverStoredKey(clientProof: Buffer, clientSignature: Buffer): Buffer {
  const clientKey = Buffer.alloc(scramKeyLength);
  for (let i = 0; i < scramKeyLength; i++) {
    clientKey[i] = (clientProof[i] ?? 0) ^ (clientSignature[i] ?? 0);
  }
  return sha256(clientKey);
}
