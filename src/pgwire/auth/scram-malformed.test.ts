import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthStep } from './authenticator.js';
import { ScramExchange } from './scram-exchange.js';
import { makeScramVerifier, parseScramVerifier } from './scram-verifier.js';
import { readAuthMessage, saslInitialResponse, ScramTestClient } from './scram-test-client.js';

/*
 * Every expected error below was captured from a real PostgreSQL 15.18 server
 * (scram-sha-256 in pg_hba.conf) by sending the same bytes with a raw protocol
 * client; the server answered each with a FATAL ErrorResponse carrying exactly
 * this SQLSTATE, message and detail.
 */

type Expected = readonly [sqlstate: string, message: string, detail?: string];

const verifier = parseScramVerifier(makeScramVerifier('pencil', 4096, Buffer.alloc(16, 1)));
const malformed = (detail: string): Expected => ['08P01', 'malformed SCRAM message', detail];
const initial = (data: string | null) =>
  saslInitialResponse('SCRAM-SHA-256', data === null ? null : Buffer.from(data, 'latin1'));
const mech = Buffer.from('SCRAM-SHA-256\0', 'latin1');

function assertFails(step: AuthStep, [sqlstate, message, detail]: Expected): void {
  if (step.kind !== 'fail') assert.fail(`expected ${message}, got ${step.kind}`);
  assert.equal(step.error.severity, 'FATAL');
  assert.deepEqual(
    [step.error.sqlstate, step.error.message, step.error.detail],
    [sqlstate, message, detail],
  );
}

const firstMessageCases: readonly (readonly [string, Buffer, Expected])[] = [
  [
    'unknown mechanism',
    saslInitialResponse('FOO', Buffer.from('n,,n=,r=abc')),
    ['08P01', 'client selected an invalid SASL authentication mechanism'],
  ],
  [
    'PLUS without TLS',
    saslInitialResponse('SCRAM-SHA-256-PLUS', Buffer.from('p=tls-server-end-point,,n=,r=abc')),
    ['08P01', 'client selected an invalid SASL authentication mechanism'],
  ],
  ['mechanism without NUL', Buffer.from('SCRAM-SHA-256'), ['08P01', 'invalid string in message']],
  [
    'short length',
    Buffer.concat([mech, Buffer.from([0, 0])]),
    ['08P01', 'insufficient data left in message'],
  ],
  [
    'length past the end',
    Buffer.concat([mech, Buffer.from([0, 0, 0, 50]), Buffer.from('n,,n=,r=abc')]),
    ['08P01', 'insufficient data left in message'],
  ],
  [
    'bytes after the data',
    Buffer.concat([initial('n,,n=,r=abc'), Buffer.from('zz')]),
    ['08P01', 'invalid message format'],
  ],
  ['empty response', initial(''), malformed('The message is empty.')],
  [
    'embedded NUL',
    initial('n,,n=\0,r=abc'),
    malformed('Message length does not match input length.'),
  ],
  ['bad flag', initial('x,,n=,r=abc'), malformed(`Unexpected channel-binding flag "'x'".`)],
  [
    'no comma after flag',
    initial('nx,n=,r=abc'),
    malformed(`Comma expected, but found character "'x'".`),
  ],
  [
    'p without PLUS',
    initial('p=tls-server-end-point,,n=,r=abc'),
    malformed(
      'The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.',
    ),
  ],
  [
    'authzid',
    initial('n,a=bob,n=,r=abc'),
    ['0A000', 'client uses authorization identity, but it is not supported'],
  ],
  [
    'other attribute in the header',
    initial('n,b,n=,r=abc'),
    malformed(`Unexpected attribute "'b'" in client-first-message.`),
  ],
  [
    'mandatory extension',
    initial('n,,m=x,n=,r=abc'),
    ['0A000', 'client requires an unsupported SCRAM extension'],
  ],
  ['no username', initial('n,,r=abc'), malformed(`Expected attribute "n" but found "'r'".`)],
  [
    'username without =',
    initial('n,,nx,r=abc'),
    malformed('Expected character "=" for attribute "n".'),
  ],
  ['no nonce', initial('n,,n='), malformed('Expected attribute "r" but found "0x00".')],
  [
    'non-printable nonce',
    initial('n,,n=,r=a\x01b'),
    ['08P01', 'non-printable characters in SCRAM nonce'],
  ],
  [
    'bad extension name',
    initial('n,,n=,r=abc,1=x'),
    malformed(`Attribute expected, but found invalid character "'1'".`),
  ],
  [
    'extension without =',
    initial('n,,n=,r=abc,x'),
    malformed('Expected character "=" for attribute "x".'),
  ],
];

describe('SCRAM client-first-message errors match PostgreSQL 15', () => {
  for (const [name, body, expected] of firstMessageCases) {
    it(name, () => {
      const ex = new ScramExchange({ user: 'u', verifier });
      ex.start();
      assertFails(ex.step(body), expected);
    });
  }

  it('reports the flag error for a client-first-message sent after an empty challenge', () => {
    const ex = new ScramExchange({ user: 'u', verifier });
    ex.start();
    assert.equal(ex.step(initial(null)).kind, 'continue');
    assertFails(
      ex.step(Buffer.from('x,,n=,r=abc')),
      malformed(`Unexpected channel-binding flag "'x'".`),
    );
  });

  for (const accepted of ['n,,n=,r=abc,', 'n,,n=,r=', 'n,,n=,r=abc,x=1,y=2']) {
    it(`accepts ${JSON.stringify(accepted)} as PostgreSQL does`, () => {
      const ex = new ScramExchange({ user: 'u', verifier });
      ex.start();
      assert.equal(ex.step(initial(accepted)).kind, 'continue');
    });
  }
});

const finalMessageCases: readonly (readonly [string, (f: string) => string, Expected])[] = [
  [
    'nonce with extra characters',
    (f) => f.replace(',r=clientnonce', ',r=clientnonceX'),
    ['08P01', 'invalid SCRAM response', 'Nonce does not match.'],
  ],
  [
    'truncated nonce',
    (f) => f.replace(/,r=[^,]*/, ',r=c'),
    ['08P01', 'invalid SCRAM response', 'Nonce does not match.'],
  ],
  [
    'short proof',
    (f) => f.replace(/p=.*/, 'p=AAAA'),
    malformed('Malformed proof in client-final-message.'),
  ],
  [
    'proof not base64',
    (f) => f.replace(/p=.*/, 'p=!!!!'),
    malformed('Malformed proof in client-final-message.'),
  ],
  [
    'attribute after the proof',
    (f) => `${f},x=1`,
    malformed('Garbage found at the end of client-final-message.'),
  ],
  [
    'no proof',
    (f) => f.replace(/,p=.*/, ''),
    malformed('Attribute expected, but found end of string.'),
  ],
  [
    'no channel binding',
    (f) => f.replace('c=biws,', ''),
    malformed(`Expected attribute "c" but found "'r'".`),
  ],
  [
    '"y" binding for an "n" header',
    (f) => f.replace('c=biws,', 'c=eSws,'),
    ['08P01', 'unexpected SCRAM channel-binding attribute in client-final-message'],
  ],
  ['empty message', () => '', malformed('The message is empty.')],
  ['embedded NUL', (f) => `${f}\0x`, malformed('Message length does not match input length.')],
  [
    'unsigned extension before the proof',
    (f) => f.replace(',p=', ',x=1,p='),
    ['28P01', 'password authentication failed for user "u"'],
  ],
];

describe('SCRAM client-final-message errors match PostgreSQL 15', () => {
  const run = (mutate: (f: string) => string): AuthStep => {
    const client = new ScramTestClient('pencil', { clientNonce: 'clientnonce' });
    const ex = new ScramExchange({ user: 'u', verifier });
    ex.start();
    const first = ex.step(client.initialResponse());
    if (first.kind !== 'continue') assert.fail('client-first-message refused');
    const serverFirst = readAuthMessage(first.messages[0]).payload.toString('latin1');
    return ex.step(Buffer.from(mutate(client.finalMessage(serverFirst)), 'latin1'));
  };

  for (const [name, mutate, expected] of finalMessageCases) {
    it(name, () => assertFails(run(mutate), expected));
  }

  it('accepts a trailing comma after the proof, as PostgreSQL does', () => {
    assert.equal(run((f) => `${f},`).kind, 'ok');
  });
});
