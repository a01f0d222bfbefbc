import type { LakeError } from '../../common/errors.js';
import { noHbaEntry } from './auth-errors.js';
import { authenticationOk } from './auth-messages.js';
import { CleartextPasswordExchange } from './cleartext-password-exchange.js';
import { immediateExchange } from './finished-exchange.js';
import { Md5PasswordExchange } from './md5-password-exchange.js';
import { ScramExchange } from './scram-exchange.js';
import { mockScramVerifier } from './mock-scram-verifier.js';
import {
  defaultScramIterations,
  makeScramVerifier,
  parseScramVerifier,
  type ScramVerifier,
} from './scram-verifier.js';
import { classifySecret } from './stored-secret.js';

/**
 * Client authentication for the wire server (protocol docs §55.2.1 "Start-up";
 * PostgreSQL's auth.c). The connection state machine calls createAuthExchange()
 * after the startup packet, sends start().messages, and feeds each
 * PasswordMessage / SASLInitialResponse / SASLResponse body to step() until it
 * answers 'ok' (send the messages, then ParameterStatus…) or 'fail' (send the
 * FATAL error and close).
 */

export type AuthMethod = 'trust' | 'password' | 'md5' | 'scram-sha-256';

export interface UserEntry {
  readonly name: string;
  readonly method: AuthMethod;
  /**
   * Cleartext for 'password'/'md5', or a SCRAM verifier
   * "SCRAM-SHA-256$<iterations>:<salt b64>$<StoredKey b64>:<ServerKey b64>"
   * (PostgreSQL's pg_authid format); for md5 may also be "md5" + md5(password+user) hex.
   */
  readonly secret?: string;
}

/** One authentication exchange. */
export interface AuthExchange {
  start(): AuthStep;
  step(body: Buffer): AuthStep;
}

export type AuthStep =
  /** Complete backend messages to send, then wait for the client's next message. */
  | { readonly kind: 'continue'; readonly messages: readonly Buffer[] }
  /** Authenticated: send these (…AuthenticationOk last) and go on with the startup. */
  | { readonly kind: 'ok'; readonly messages: readonly Buffer[] }
  /** Send this FATAL error and close the connection. */
  | { readonly kind: 'fail'; readonly error: LakeError };

export interface AuthContext {
  readonly remoteAddress: string;
  readonly isLoopback: boolean;
  readonly tls: boolean;
  /** tls-server-end-point hash (RFC 5929 §4.1) when TLS; offers SCRAM-SHA-256-PLUS. */
  readonly channelBinding?: Buffer;
  /** The startup packet's database, for the pg_hba-style message; defaults to the user name, as in PostgreSQL. */
  readonly database?: string;
}

type ExchangeFactory = (
  user: string,
  secret: string | undefined,
  context: AuthContext,
) => AuthExchange;

const scram = (user: string, verifier: ScramVerifier | null, context: AuthContext): AuthExchange =>
  new ScramExchange({
    user,
    verifier,
    ...(context.channelBinding === undefined ? {} : { channelBinding: context.channelBinding }),
  });

/**
 * One factory per method. As PostgreSQL's CheckPWChallengeAuth(): `md5` does MD5
 * only when an MD5-usable secret exists and SCRAM otherwise; `scram-sha-256`
 * cannot use an MD5 hash (mock exchange, fails). Our extension: a cleartext
 * secret under `scram-sha-256` gets a verifier derived per exchange.
 */
const exchangeByMethod: Record<AuthMethod, ExchangeFactory> = {
  trust: () => immediateExchange({ kind: 'ok', messages: [authenticationOk()] }),
  password: (user, secret) => new CleartextPasswordExchange(user, secret),
  md5: (user, secret, context) => {
    const kind = secret === undefined ? undefined : classifySecret(secret).kind;
    if (kind === 'md5' || kind === 'plaintext') return new Md5PasswordExchange(user, secret);
    return scram(user, secret === undefined ? null : parseScramVerifier(secret), context);
  },
  'scram-sha-256': (user, secret, context) => scram(user, scramVerifierFor(user, secret), context),
};

/**
 * The verifier a `scram-sha-256` user is checked against. From a cleartext secret
 * it is derived per exchange, salted like the mock verifier (stable per user name
 * within the process), so the salt a client sees does not change between logins.
 */
function scramVerifierFor(user: string, secret: string | undefined): ScramVerifier | null {
  if (secret === undefined) return null;
  const stored = classifySecret(secret);
  if (stored.kind === 'scram') return stored.verifier;
  if (stored.kind === 'md5') return null;
  const salt = mockScramVerifier(user).salt;
  return parseScramVerifier(makeScramVerifier(stored.password, defaultScramIterations, salt));
}

type PasswordMethod = Exclude<AuthMethod, 'trust'>;

/** Exchanges for a user that does not exist: they run to the end and then fail. */
const doomedByMethod: Record<PasswordMethod, ExchangeFactory> = {
  password: (user) => new CleartextPasswordExchange(user, undefined),
  md5: (user) => new Md5PasswordExchange(user, undefined),
  'scram-sha-256': (user, _secret, context) => scram(user, null, context),
};

/**
 * The method an unknown user is put through: the one most configured users have
 * (ties: SCRAM first), so a made-up name "blends in", which is PostgreSQL's reason
 * for its mock exchange (auth.c CheckPWChallengeAuth); never trust.
 */
function methodForUnknownUser(users: ReadonlyMap<string, UserEntry>): PasswordMethod {
  const order: readonly PasswordMethod[] = ['scram-sha-256', 'md5', 'password'];
  const counts = new Map<AuthMethod, number>();
  for (const entry of users.values()) {
    counts.set(entry.method, (counts.get(entry.method) ?? 0) + 1);
  }
  let best: PasswordMethod = 'scram-sha-256';
  for (const method of order) {
    if ((counts.get(method) ?? 0) > (counts.get(best) ?? 0)) best = method;
  }
  return best;
}

/** PostgreSQL prints an IPv4 client as a.b.c.d; a dual-stack socket reports ::ffff:a.b.c.d. */
const displayHost = (address: string): string =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function createAuthExchange(
  user: string,
  users: ReadonlyMap<string, UserEntry> | null,
  context: AuthContext,
): AuthExchange {
  if (users === null) {
    // No users configured: trust, but only from this machine.
    if (context.isLoopback) return exchangeByMethod.trust(user, undefined, context);
    const database = context.database ?? user;
    const error = noHbaEntry(displayHost(context.remoteAddress), user, database, context.tls);
    return immediateExchange({ kind: 'fail', error });
  }
  const entry = users.get(user);
  if (entry === undefined) {
    // Unknown user: run a doomed exchange (no secret), so the client cannot tell.
    return doomedByMethod[methodForUnknownUser(users)](user, undefined, context);
  }
  return exchangeByMethod[entry.method](user, entry.secret, context);
}
