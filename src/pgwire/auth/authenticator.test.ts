import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createAuthExchange,
  type AuthContext,
  type AuthExchange,
  type AuthStep,
  type UserEntry,
} from './authenticator.js';
import { makeScramVerifier } from './scram-verifier.js';
import { readAuthMessage, ScramTestClient } from './scram-test-client.js';

const local: AuthContext = { remoteAddress: '127.0.0.1', isLoopback: true, tls: false };
const remote: AuthContext = {
  remoteAddress: '1.2.3.4',
  isLoopback: false,
  tls: false,
  database: 'd',
};

const md5hex = (s: Buffer | string) => createHash('md5').update(s).digest('hex');
const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
/** What libpq sends for md5: "md5" + md5hex(md5hex(password + user) + salt). */
const md5Response = (password: string, user: string, salt: Buffer) =>
  cstring(`md5${md5hex(Buffer.concat([Buffer.from(md5hex(password + user)), salt]))}`);

function users(...entries: UserEntry[]): ReadonlyMap<string, UserEntry> {
  return new Map(entries.map((e) => [e.name, e]));
}

function requestCode(step: AuthStep): number {
  assert.equal(step.kind, 'continue');
  return readAuthMessage(step.kind === 'continue' ? step.messages[0] : undefined).code;
}

function assertFail(step: AuthStep, sqlstate: string, message: string): void {
  if (step.kind !== 'fail') assert.fail(`expected "${message}", got ${step.kind}`);
  assert.deepEqual(
    [step.error.sqlstate, step.error.message, step.error.severity],
    [sqlstate, message, 'FATAL'],
  );
}

function assertOk(step: AuthStep): void {
  if (step.kind !== 'ok')
    assert.fail(`expected ok, got ${step.kind === 'fail' ? step.error.message : step.kind}`);
  assert.equal(readAuthMessage(step.messages[step.messages.length - 1]).code, 0);
}

function md5Login(ex: AuthExchange, password: string, user: string): AuthStep {
  const start = ex.start();
  assert.equal(requestCode(start), 5);
  const salt = readAuthMessage(start.kind === 'continue' ? start.messages[0] : undefined).payload;
  return ex.step(md5Response(password, user, salt));
}

function scramLogin(ex: AuthExchange, password: string): AuthStep {
  assert.equal(requestCode(ex.start()), 10);
  const client = new ScramTestClient(password);
  const first = ex.step(client.initialResponse());
  const serverFirst = readAuthMessage(first.kind === 'continue' ? first.messages[0] : undefined);
  return ex.step(Buffer.from(client.finalMessage(serverFirst.payload.toString('latin1'))));
}

describe('createAuthExchange without configured users', () => {
  it('trusts loopback clients', () => {
    const start = createAuthExchange('anyone', null, local).start();
    assertOk(start);
    assert.equal(start.kind === 'ok' && start.messages.length, 1);
  });

  it("rejects other hosts with PostgreSQL's missing pg_hba.conf entry message", () => {
    assertFail(
      createAuthExchange('u', null, remote).start(),
      '28000',
      'no pg_hba.conf entry for host "1.2.3.4", user "u", database "d", no encryption',
    );
    const tls = { remoteAddress: '::ffff:10.0.0.9', isLoopback: false, tls: true };
    assertFail(
      createAuthExchange('u', null, tls).start(),
      '28000',
      'no pg_hba.conf entry for host "10.0.0.9", user "u", database "u", SSL encryption',
    );
  });
});

describe('password (cleartext) authentication', () => {
  const configured = users(
    { name: 'plain', method: 'password', secret: 'pw3' },
    { name: 'hashed', method: 'password', secret: `md5${md5hex('pw4hashed')}` },
    { name: 'scrammed', method: 'password', secret: makeScramVerifier('pw5') },
  );
  const login = (user: string, body: Buffer) => {
    const ex = createAuthExchange(user, configured, remote);
    assert.equal(requestCode(ex.start()), 3);
    return ex.step(body);
  };

  it('accepts the right password against cleartext, MD5 and SCRAM secrets', () => {
    assertOk(login('plain', cstring('pw3')));
    assertOk(login('hashed', cstring('pw4')));
    assertOk(login('scrammed', cstring('pw5')));
  });

  it('refuses a wrong password with 28P01', () => {
    for (const user of ['plain', 'hashed', 'scrammed']) {
      assertFail(
        login(user, cstring('nope')),
        '28P01',
        `password authentication failed for user "${user}"`,
      );
    }
    assertFail(
      login('plain', cstring('pw3 ')),
      '28P01',
      'password authentication failed for user "plain"',
    );
  });

  it('refuses an empty password and malformed packets as PostgreSQL does', () => {
    assertFail(login('plain', Buffer.from([0])), '28P01', 'empty password returned by client');
    assertFail(login('plain', Buffer.from('pw3')), '08P01', 'invalid password packet size');
    assertFail(login('plain', Buffer.from('pw3\0x')), '08P01', 'invalid password packet size');
    assertFail(login('plain', Buffer.alloc(0)), '08P01', 'invalid password packet size');
  });
});

describe('md5 authentication', () => {
  const configured = users(
    { name: 'm', method: 'md5', secret: 'pw2' },
    // PostgreSQL 15's own hash of password "pw" for role "pwu" (pg_authid.rolpassword).
    { name: 'pwu', method: 'md5', secret: 'md5c77ff9f586554da4582662d205e1931b' },
    { name: 's', method: 'md5', secret: makeScramVerifier('pw6') },
  );

  it('accepts the right response for cleartext and stored-hash secrets, with a random salt', () => {
    assertOk(md5Login(createAuthExchange('m', configured, local), 'pw2', 'm'));
    assertOk(md5Login(createAuthExchange('pwu', configured, local), 'pw', 'pwu'));
    const salts = [1, 2, 3].map((): string => {
      const s = createAuthExchange('m', configured, local).start();
      return readAuthMessage(s.kind === 'continue' ? s.messages[0] : undefined).payload.toString(
        'hex',
      );
    });
    assert.equal(new Set(salts).size, 3);
  });

  it('refuses a wrong password and an empty one', () => {
    assertFail(
      md5Login(createAuthExchange('m', configured, local), 'pw', 'm'),
      '28P01',
      'password authentication failed for user "m"',
    );
    const ex = createAuthExchange('m', configured, local);
    ex.start();
    assertFail(ex.step(Buffer.from([0])), '28P01', 'empty password returned by client');
  });

  it('uses SCRAM when the stored secret is a SCRAM verifier (as CheckPWChallengeAuth)', () => {
    assertOk(scramLogin(createAuthExchange('s', configured, local), 'pw6'));
  });
});

describe('scram-sha-256 authentication', () => {
  const configured = users(
    { name: 'v', method: 'scram-sha-256', secret: makeScramVerifier('pw7') },
    { name: 'c', method: 'scram-sha-256', secret: 'pw8' },
    { name: 'h', method: 'scram-sha-256', secret: `md5${md5hex('pw9h')}` },
    { name: 'none', method: 'scram-sha-256' },
  );

  it('accepts a verifier and a cleartext secret', () => {
    assertOk(scramLogin(createAuthExchange('v', configured, remote), 'pw7'));
    assertOk(scramLogin(createAuthExchange('c', configured, remote), 'pw8'));
  });

  it('salts a cleartext secret the same way on every login', () => {
    const salt = (): string => {
      const ex = createAuthExchange('c', configured, remote);
      ex.start();
      const first = ex.step(new ScramTestClient('pw8').initialResponse());
      const text = readAuthMessage(first.kind === 'continue' ? first.messages[0] : undefined);
      return /,s=([^,]+),/.exec(text.payload.toString('latin1'))?.[1] ?? '';
    };
    assert.equal(salt(), salt());
    assert.notEqual(salt(), '');
  });

  it('fails wrong passwords, MD5-only and missing secrets only at the end', () => {
    assertFail(
      scramLogin(createAuthExchange('v', configured, remote), 'pw8'),
      '28P01',
      'password authentication failed for user "v"',
    );
    assertFail(
      scramLogin(createAuthExchange('h', configured, remote), 'pw9'),
      '28P01',
      'password authentication failed for user "h"',
    );
    assertFail(
      scramLogin(createAuthExchange('none', configured, remote), ''),
      '28P01',
      'password authentication failed for user "none"',
    );
  });
});

describe('unknown users', () => {
  it('go through a SCRAM mock exchange and fail like a wrong password', () => {
    const configured = users({
      name: 'v',
      method: 'scram-sha-256',
      secret: makeScramVerifier('pw'),
    });
    assertFail(
      scramLogin(createAuthExchange('ghost', configured, local), 'pw'),
      '28P01',
      'password authentication failed for user "ghost"',
    );
  });

  it('get the method most configured users have, never trust', () => {
    const md5Users = users(
      { name: 'a', method: 'md5', secret: 'x' },
      { name: 'b', method: 'md5', secret: 'y' },
      { name: 't', method: 'trust' },
    );
    assertFail(
      md5Login(createAuthExchange('ghost', md5Users, local), 'x', 'ghost'),
      '28P01',
      'password authentication failed for user "ghost"',
    );
    const trustOnly = users({ name: 't', method: 'trust' });
    assert.equal(requestCode(createAuthExchange('ghost', trustOnly, local).start()), 10);
    const cleartext = users({ name: 'p', method: 'password', secret: 'x' });
    const ex = createAuthExchange('ghost', cleartext, local);
    assert.equal(requestCode(ex.start()), 3);
    assertFail(ex.step(cstring('x')), '28P01', 'password authentication failed for user "ghost"');
  });
});

describe('trust entries', () => {
  it('authenticate at once, from any host', () => {
    assertOk(createAuthExchange('t', users({ name: 't', method: 'trust' }), remote).start());
  });

  it('answer any further message with a protocol violation', () => {
    const ex = createAuthExchange('t', users({ name: 't', method: 'trust' }), local);
    ex.start();
    assert.equal(ex.step(cstring('x')).kind, 'fail');
  });
});

describe('secrets never reach errors', () => {
  it('keeps passwords and verifiers out of messages and details', () => {
    const verifier = makeScramVerifier('topsecret');
    const configured = users({ name: 'p', method: 'password', secret: verifier });
    const ex = createAuthExchange('p', configured, local);
    ex.start();
    const step = ex.step(cstring('topsecret-wrong'));
    assert.equal(step.kind, 'fail');
    const text = JSON.stringify(
      step.kind === 'fail' ? [step.error.message, step.error.detail, step.error.hint] : [],
    );
    assert.ok(!text.includes('topsecret') && !text.includes('SCRAM-SHA-256$'));
  });
});
