import { createHmac, randomBytes } from 'node:crypto';
import {
  defaultScramIterations,
  defaultScramSaltLength,
  type ScramVerifier,
} from './scram-verifier.js';

/**
 * The stand-in verifier for a user that does not exist or has no usable SCRAM
 * secret, as PostgreSQL's mock_scram_secret(): the exchange runs to the end and
 * fails like a wrong password, so a client cannot tell users apart. The salt is a
 * keyed hash of the user name (PostgreSQL hashes it with the cluster's
 * mock_auth_nonce), so repeated attempts for one name see the same salt, as for a
 * real user; the key is random per process. The keys are zeros: the exchange is
 * doomed whatever they are.
 */
const mockKey = randomBytes(32);

export function mockScramVerifier(user: string): ScramVerifier {
  const salt = createHmac('sha256', mockKey)
    .update(user, 'utf8')
    .digest()
    .subarray(0, defaultScramSaltLength);
  return {
    iterations: defaultScramIterations,
    saltBase64: salt.toString('base64'),
    salt,
    storedKey: Buffer.alloc(32),
    serverKey: Buffer.alloc(32),
  };
}
