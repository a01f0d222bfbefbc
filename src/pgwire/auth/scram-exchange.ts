import { randomBytes } from 'node:crypto';
import { assertNever } from '../../common/assert.js';
import type { AuthExchange, AuthStep } from './authenticator.js';
import {
  channelBindingError,
  fatalFrom,
  malformedScram,
  passwordAuthFailed,
  protocolViolation,
} from './auth-errors.js';
import {
  authenticationOk,
  authenticationSasl,
  authenticationSaslContinue,
  authenticationSaslFinal,
} from './auth-messages.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { afterFinish } from './finished-exchange.js';
import { mockScramVerifier } from './mock-scram-verifier.js';
import { readSaslInitialData, readSaslMechanism } from './sasl-initial-response.js';
import { parseClientFinalMessage, type ClientFinalMessage } from './scram-client-final.js';
import { parseClientFirstMessage, type ClientFirstMessage } from './scram-client-first.js';
import {
  hmacSha256,
  recoverStoredKey,
  scramMechanism,
  type ScramVerifier,
} from './scram-verifier.js';

export const scramPlusMechanism = 'SCRAM-SHA-256-PLUS';
/** PostgreSQL's SCRAM_RAW_NONCE_LEN: 18 random bytes, base64'd to 24 characters. */
const rawNonceLength = 18;

export interface ScramExchangeOptions {
  readonly user: string;
  /** null: no usable secret (unknown user, MD5 hash, none): run a mock exchange that fails. */
  readonly verifier: ScramVerifier | null;
  /** The tls-server-end-point hash (RFC 5929 §4.1) when TLS is on; enables SCRAM-SHA-256-PLUS. */
  readonly channelBinding?: Buffer;
  /** For tests (RFC 7677's vector): the server's part of the nonce. */
  readonly serverNonce?: () => string;
}

type State =
  | { readonly name: 'initial' }
  | { readonly name: 'awaiting-first'; readonly plus: boolean }
  | {
      readonly name: 'salt-sent';
      readonly first: ClientFirstMessage;
      readonly plus: boolean;
      readonly serverFirst: string;
      readonly nonce: string;
    }
  | { readonly name: 'finished' };

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) over PostgreSQL's SASL messages (protocol docs
 * §55.3 "SASL Authentication"), following auth-sasl.c and auth-scram.c:
 * AuthenticationSASL → SASLInitialResponse(client-first) → AuthenticationSASLContinue
 * (server-first) → SASLResponse(client-final) → AuthenticationSASLFinal(server-final)
 * + AuthenticationOk. A missing secret runs the same steps with a mock verifier and
 * fails at the proof check, never earlier, to reveal nothing about the user.
 */
export class ScramExchange implements AuthExchange {
  private state: State = { name: 'initial' };
  private readonly verifier: ScramVerifier;
  private readonly doomed: boolean;

  constructor(private readonly options: ScramExchangeOptions) {
    this.verifier = options.verifier ?? mockScramVerifier(options.user);
    this.doomed = options.verifier === null;
  }

  start(): AuthStep {
    const mechanisms =
      this.options.channelBinding === undefined
        ? [scramMechanism]
        : [scramPlusMechanism, scramMechanism];
    return { kind: 'continue', messages: [authenticationSasl(mechanisms)] };
  }

  step(body: Buffer): AuthStep {
    const state = this.state;
    this.state = { name: 'finished' };
    try {
      switch (state.name) {
        case 'initial':
          return this.onInitialResponse(body);
        case 'awaiting-first':
          return this.onClientFirst(body, state.plus);
        case 'salt-sent':
          return this.onClientFinal(body, state);
        case 'finished':
          return afterFinish();
        default:
          return assertNever(state, 'SCRAM state');
      }
    } catch (err) {
      return { kind: 'fail', error: fatalFrom(err) };
    }
  }

  private onInitialResponse(body: Buffer): AuthStep {
    const { mechanism, next } = readSaslMechanism(body);
    const plus = mechanism === scramPlusMechanism && this.options.channelBinding !== undefined;
    if (!plus && mechanism !== scramMechanism) {
      throw protocolViolation('client selected an invalid SASL authentication mechanism');
    }
    const data = readSaslInitialData(body, next);
    if (data === null) {
      // No initial response: an empty challenge, answered by the client-first-message.
      this.state = { name: 'awaiting-first', plus };
      return { kind: 'continue', messages: [authenticationSaslContinue(Buffer.alloc(0))] };
    }
    return this.onClientFirst(data, plus);
  }

  private onClientFirst(data: Buffer, plus: boolean): AuthStep {
    const first = parseClientFirstMessage(scramText(data), {
      inUse: plus,
      supported: this.options.channelBinding !== undefined,
    });
    const serverNonce =
      this.options.serverNonce?.() ?? randomBytes(rawNonceLength).toString('base64');
    const nonce = first.clientNonce + serverNonce;
    const serverFirst = `r=${nonce},s=${this.verifier.saltBase64},i=${this.verifier.iterations}`;
    this.state = { name: 'salt-sent', first, plus, serverFirst, nonce };
    return {
      kind: 'continue',
      messages: [authenticationSaslContinue(Buffer.from(serverFirst, 'latin1'))],
    };
  }

  private onClientFinal(data: Buffer, state: Extract<State, { name: 'salt-sent' }>): AuthStep {
    const final = parseClientFinalMessage(scramText(data), (c) =>
      this.checkChannelBinding(c, state),
    );
    if (final.nonce !== state.nonce)
      throw protocolViolation('invalid SCRAM response', 'Nonce does not match.');
    const authMessage = Buffer.from(
      `${state.first.bare},${state.serverFirst},${final.withoutProof}`,
      'latin1',
    );
    if (!this.proofMatches(final, authMessage) || this.doomed) {
      return { kind: 'fail', error: passwordAuthFailed(this.options.user) };
    }
    const serverSignature = hmacSha256(this.verifier.serverKey, authMessage);
    const serverFinal = Buffer.from(`v=${serverSignature.toString('base64')}`, 'latin1');
    return { kind: 'ok', messages: [authenticationSaslFinal(serverFinal), authenticationOk()] };
  }

  private proofMatches(final: ClientFinalMessage, authMessage: Buffer): boolean {
    const clientSignature = hmacSha256(this.verifier.storedKey, authMessage);
    return constantTimeEqual(
      recoverStoredKey(final.proof, clientSignature),
      this.verifier.storedKey,
    );
  }

  /** c= must be base64(gs2-header [+ cbind-data]) for the flag the client sent (RFC 5802 §6). */
  private checkChannelBinding(value: string, state: Extract<State, { name: 'salt-sent' }>): void {
    const hash = this.options.channelBinding;
    if (state.plus && hash !== undefined) {
      const expected = Buffer.concat([
        Buffer.from('p=tls-server-end-point,,', 'latin1'),
        hash,
      ]).toString('base64');
      if (value !== expected) throw channelBindingError('SCRAM channel binding check failed');
      return;
    }
    const flag = state.first.cbindFlag;
    if (!((value === 'biws' && flag === 'n') || (value === 'eSws' && flag === 'y'))) {
      throw protocolViolation('unexpected SCRAM channel-binding attribute in client-final-message');
    }
  }
}

/**
 * A SCRAM message as text, one character per byte. PostgreSQL first checks it is a
 * non-empty C string (scram_exchange()).
 */
function scramText(data: Buffer): string {
  if (data.length === 0) throw malformedScram('The message is empty.');
  if (data.includes(0)) throw malformedScram('Message length does not match input length.');
  return data.toString('latin1');
}
