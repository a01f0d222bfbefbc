import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthStep } from './authenticator.js';
import { ScramExchange } from './scram-exchange.js';
import { makeScramVerifier, parseScramVerifier } from './scram-verifier.js';
import { readAuthMessage, saslInitialResponse, ScramTestClient } from './scram-test-client.js';

// RFC 7677 §3: user "user", password "pencil".
const rfc = {
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  salt: 'W22ZaJ0SNY7soEsUEjb6gQ==',
  serverFirst:
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal:
    'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

const rfcVerifier = () =>
  parseScramVerifier(makeScramVerifier('pencil', 4096, Buffer.from(rfc.salt, 'base64')));

const latin1 = (s: string) => Buffer.from(s, 'latin1');

function messages(step: AuthStep): readonly Buffer[] {
  if (step.kind === 'fail') assert.fail(`unexpected failure: ${step.error.message}`);
  return step.messages;
}

function failure(step: AuthStep): { sqlstate: string; message: string; detail?: string } {
  if (step.kind !== 'fail') assert.fail(`expected failure, got ${step.kind}`);
  assert.equal(step.error.severity, 'FATAL');
  const { sqlstate, message, detail } = step.error;
  return detail === undefined ? { sqlstate, message } : { sqlstate, message, detail };
}

/** Runs start + client-first; returns the server-first-message. */
function begin(ex: ScramExchange, initial: Buffer): string {
  ex.start();
  const step = ex.step(initial);
  assert.equal(step.kind, 'continue');
  const { code, payload } = readAuthMessage(messages(step)[0]);
  assert.equal(code, 11);
  return payload.toString('latin1');
}

describe('ScramExchange', () => {
  it('reproduces the RFC 7677 exchange byte for byte', () => {
    const ex = new ScramExchange({
      user: 'user',
      verifier: rfcVerifier(),
      serverNonce: () => rfc.serverNonce,
    });
    const serverFirst = begin(ex, saslInitialResponse('SCRAM-SHA-256', latin1(rfc.clientFirst)));
    assert.equal(serverFirst, rfc.serverFirst);
    const final = ex.step(latin1(rfc.clientFinal));
    assert.equal(final.kind, 'ok');
    const [saslFinal, authOk] = messages(final);
    assert.deepEqual(readAuthMessage(saslFinal), { code: 12, payload: latin1(rfc.serverFinal) });
    assert.deepEqual(readAuthMessage(authOk), { code: 0, payload: Buffer.alloc(0) });
  });

  it('test client computes the RFC 7677 proof', () => {
    const client = new ScramTestClient('pencil', {
      user: 'user',
      clientNonce: 'rOprNGfwEbeRWgbNEkqO',
    });
    assert.equal(client.clientFirstMessage, rfc.clientFirst);
    assert.equal(client.finalMessage(rfc.serverFirst), rfc.clientFinal);
    assert.equal(client.expectedServerFinal(), rfc.serverFinal);
  });

  it('advertises SCRAM-SHA-256 only, without channel binding', () => {
    const ex = new ScramExchange({ user: 'u', verifier: rfcVerifier() });
    const { code, payload } = readAuthMessage(messages(ex.start())[0]);
    assert.equal(code, 10);
    assert.equal(payload.toString('latin1'), 'SCRAM-SHA-256\0\0');
  });

  it('authenticates with a random nonce: 24 base64 characters appended to the client nonce', () => {
    const client = new ScramTestClient('pencil');
    const ex = new ScramExchange({ user: 'u', verifier: rfcVerifier() });
    const serverFirst = begin(ex, client.initialResponse());
    assert.match(
      serverFirst,
      /^r=clientnonce123[A-Za-z0-9+/]{24},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096$/,
    );
    const step = ex.step(latin1(client.finalMessage(serverFirst)));
    const { payload } = readAuthMessage(messages(step)[0]);
    assert.equal(step.kind, 'ok');
    assert.equal(payload.toString('latin1'), client.expectedServerFinal());
  });

  it('accepts the "y" flag (c=eSws) when it does not offer channel binding, and ignores n=', () => {
    const client = new ScramTestClient('pencil', { gs2Header: 'y,,', user: 'someone-else' });
    const ex = new ScramExchange({ user: 'u', verifier: rfcVerifier() });
    const serverFirst = begin(ex, client.initialResponse());
    assert.equal(ex.step(latin1(client.finalMessage(serverFirst))).kind, 'ok');
  });

  it('fails a wrong password with 28P01', () => {
    const client = new ScramTestClient('pencil2');
    const ex = new ScramExchange({ user: 'alice', verifier: rfcVerifier() });
    const serverFirst = begin(ex, client.initialResponse());
    assert.deepEqual(failure(ex.step(latin1(client.finalMessage(serverFirst)))), {
      sqlstate: '28P01',
      message: 'password authentication failed for user "alice"',
    });
  });

  it('runs a mock exchange without a verifier, with a stable per-user salt, then fails', () => {
    const salts = ['ghost', 'ghost', 'other'].map((user) => {
      const ex = new ScramExchange({ user, verifier: null });
      const serverFirst = begin(ex, new ScramTestClient('x').initialResponse());
      const step = ex.step(latin1(new ScramTestClient('x').finalMessage(serverFirst)));
      assert.equal(failure(step).message, `password authentication failed for user "${user}"`);
      return /,s=([^,]+),i=4096$/.exec(serverFirst)?.[1];
    });
    assert.equal(salts[0], salts[1]);
    assert.notEqual(salts[0], salts[2]);
    assert.equal(Buffer.from(salts[0] ?? '', 'base64').length, 16);
  });

  it('sends an empty challenge when the initial response is absent (length -1)', () => {
    const client = new ScramTestClient('pencil');
    const ex = new ScramExchange({ user: 'u', verifier: rfcVerifier() });
    ex.start();
    const empty = ex.step(saslInitialResponse('SCRAM-SHA-256', null));
    assert.deepEqual(readAuthMessage(messages(empty)[0]), { code: 11, payload: Buffer.alloc(0) });
    const serverFirst = readAuthMessage(messages(ex.step(latin1(client.clientFirstMessage)))[0]);
    const final = ex.step(latin1(client.finalMessage(serverFirst.payload.toString('latin1'))));
    assert.equal(final.kind, 'ok');
  });

  it('refuses messages after the exchange has finished', () => {
    const ex = new ScramExchange({ user: 'u', verifier: rfcVerifier() });
    ex.start();
    ex.step(saslInitialResponse('FOO', null));
    assert.equal(failure(ex.step(Buffer.from('x'))).sqlstate, '08P01');
  });
});

describe('ScramExchange with channel binding (SCRAM-SHA-256-PLUS)', () => {
  const certHash = Buffer.alloc(32, 7);
  const plus = () =>
    new ScramExchange({ user: 'u', verifier: rfcVerifier(), channelBinding: certHash });

  it('advertises the PLUS variant first', () => {
    const { payload } = readAuthMessage(messages(plus().start())[0]);
    assert.equal(payload.toString('latin1'), 'SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0');
  });

  it('authenticates with p=tls-server-end-point and the certificate hash', () => {
    const gs2Header = 'p=tls-server-end-point,,';
    const client = new ScramTestClient('pencil', { gs2Header, channelBindingData: certHash });
    const ex = plus();
    const serverFirst = begin(ex, client.initialResponse('SCRAM-SHA-256-PLUS'));
    assert.equal(ex.step(latin1(client.finalMessage(serverFirst))).kind, 'ok');
  });

  it('fails when the binding data differs (28000)', () => {
    const gs2Header = 'p=tls-server-end-point,,';
    const client = new ScramTestClient('pencil', {
      gs2Header,
      channelBindingData: Buffer.alloc(32, 8),
    });
    const ex = plus();
    const serverFirst = begin(ex, client.initialResponse('SCRAM-SHA-256-PLUS'));
    assert.deepEqual(failure(ex.step(latin1(client.finalMessage(serverFirst)))), {
      sqlstate: '28000',
      message: 'SCRAM channel binding check failed',
    });
  });

  it('fails "y" when the server supports binding (RFC 5802 §6)', () => {
    const ex = plus();
    ex.start();
    const step = ex.step(new ScramTestClient('pencil', { gs2Header: 'y,,' }).initialResponse());
    assert.deepEqual(failure(step), {
      sqlstate: '28000',
      message: 'SCRAM channel binding negotiation error',
      detail:
        'The client supports SCRAM channel binding but thinks the server does not.  However, this server does support channel binding.',
    });
  });

  it('still allows plain SCRAM-SHA-256 with "n" over TLS', () => {
    const client = new ScramTestClient('pencil');
    const ex = plus();
    const serverFirst = begin(ex, client.initialResponse());
    assert.equal(ex.step(latin1(client.finalMessage(serverFirst))).kind, 'ok');
  });

  it('rejects PLUS with "n" and an unknown binding type', () => {
    for (const [header, expected] of [
      [
        'n,,',
        {
          sqlstate: '08P01',
          message: 'malformed SCRAM message',
          detail:
            'The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data.',
        },
      ],
      [
        'p=tls-unique,,',
        { sqlstate: '08P01', message: 'unsupported SCRAM channel-binding type "tls-unique"' },
      ],
    ] as const) {
      const ex = plus();
      ex.start();
      const step = ex.step(
        new ScramTestClient('p', { gs2Header: header }).initialResponse('SCRAM-SHA-256-PLUS'),
      );
      assert.deepEqual(failure(step), expected);
    }
  });
});
