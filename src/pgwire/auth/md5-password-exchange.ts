import { randomBytes } from 'node:crypto';
import { assertNever } from '../../common/assert.js';
import type { AuthExchange, AuthStep } from './authenticator.js';
import { fatalFrom, passwordAuthFailed } from './auth-errors.js';
import { authenticationMd5Password, authenticationOk } from './auth-messages.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { afterFinish } from './finished-exchange.js';
import { readPasswordPacket } from './password-packet.js';
import { classifySecret, md5Hex, md5PasswordHash } from './stored-secret.js';

/**
 * `md5` authentication (protocol docs §55.2.1 "AuthenticationMD5Password"; auth.c
 * CheckMD5Auth, crypt.c md5_crypt_verify): send 4 random salt bytes; the client
 * answers "md5" + md5hex(md5hex(password + user) + salt). The stored secret is the
 * "md5…" hash PostgreSQL keeps, or the cleartext password from which we derive it.
 * Without a usable secret (unknown user, SCRAM-only secret) the exchange still runs
 * and fails, so nothing is revealed.
 */
export class Md5PasswordExchange implements AuthExchange {
  private readonly salt = randomBytes(4);
  private finished = false;

  constructor(
    private readonly user: string,
    private readonly secret: string | undefined,
  ) {}

  start(): AuthStep {
    return { kind: 'continue', messages: [authenticationMd5Password(this.salt)] };
  }

  step(body: Buffer): AuthStep {
    if (this.finished) return afterFinish();
    this.finished = true;
    try {
      const response = readPasswordPacket(body);
      const expected = this.expectedResponse();
      if (expected === null || !constantTimeEqual(response, expected)) {
        return { kind: 'fail', error: passwordAuthFailed(this.user) };
      }
      return { kind: 'ok', messages: [authenticationOk()] };
    } catch (err) {
      return { kind: 'fail', error: fatalFrom(err) };
    }
  }

  private expectedResponse(): Buffer | null {
    const hash = this.storedHash();
    if (hash === null) return null;
    const salted = md5Hex(Buffer.concat([Buffer.from(hash.slice(3), 'latin1'), this.salt]));
    return Buffer.from(`md5${salted}`, 'latin1');
  }

  private storedHash(): string | null {
    if (this.secret === undefined) return null;
    const stored = classifySecret(this.secret);
    switch (stored.kind) {
      case 'md5':
        return stored.hash;
      case 'plaintext':
        return md5PasswordHash(stored.password, this.user);
      case 'scram':
        return null;
      default:
        return assertNever(stored, 'stored secret');
    }
  }
}
