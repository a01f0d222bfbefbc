import type { AuthExchange, AuthStep } from './authenticator.js';
import { fatalFrom, passwordAuthFailed } from './auth-errors.js';
import { authenticationCleartextPassword, authenticationOk } from './auth-messages.js';
import { afterFinish } from './finished-exchange.js';
import { readPasswordPacket } from './password-packet.js';
import { cleartextMatchesSecret } from './stored-secret.js';

/**
 * `password` authentication (protocol docs §55.2.1 "AuthenticationCleartextPassword";
 * auth.c CheckPasswordAuth): ask for the password, then check it against whatever
 * the user has stored (cleartext, MD5 hash or SCRAM verifier). A user without a
 * secret (or an unknown user) is still asked, and fails the same way.
 */
export class CleartextPasswordExchange implements AuthExchange {
  private finished = false;

  constructor(
    private readonly user: string,
    private readonly secret: string | undefined,
  ) {}

  start(): AuthStep {
    return { kind: 'continue', messages: [authenticationCleartextPassword()] };
  }

  step(body: Buffer): AuthStep {
    if (this.finished) return afterFinish();
    this.finished = true;
    try {
      const password = readPasswordPacket(body);
      if (!cleartextMatchesSecret(password, this.user, this.secret)) {
        return { kind: 'fail', error: passwordAuthFailed(this.user) };
      }
      return { kind: 'ok', messages: [authenticationOk()] };
    } catch (err) {
      return { kind: 'fail', error: fatalFrom(err) };
    }
  }
}
