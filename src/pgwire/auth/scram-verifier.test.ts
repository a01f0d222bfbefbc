import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleartextMatchesVerifier,
  makeScramVerifier,
  parseScramVerifier,
} from './scram-verifier.js';

/*
 * Verifiers below were produced by PostgreSQL 15.18 itself (ALTER ROLE … PASSWORD
 * with password_encryption = scram-sha-256, read back from pg_authid). Checked by
 * hand against that server: verifiers from makeScramVerifier() for "pencil",
 * "ｐａｓｓ\u00a0wörd\u00ad", "e\u0301t\u00e9", "ab\x07c" and "\u05d0\u05d1a", set
 * with ALTER ROLE … PASSWORD 'SCRAM-SHA-256$…', let psql log in with that password.
 */
const fromPostgres = [
  {
    password: 'pencil',
    verifier:
      'SCRAM-SHA-256$4096:zp2p0Mh80+f7OSY9TrnQpg==$9CHOZOI3Zl2eIPL954K3xY3zyadq0Mp6mitscEkvMFg=:Luic6njUdoLmwtaJw5Fg0z78UEY0OUOPR3hvBJgZtqY=',
  },
  {
    password: '\uff50\uff41\uff53\uff53\u00a0w\u00f6rd\u00ad',
    verifier:
      'SCRAM-SHA-256$4096:0epGgHKTZL4nBEY0Co8Vug==$PFr0toPKJF2HgknbFGKQ/5cGWe5wuBLP2Q6w2v7VfRk=:6EHHiuxV7HW4jsaDbZAik0btW4w7t/UZyo+7BfTIEJE=',
  },
  {
    // SASLprep prohibits this (bidi), so PostgreSQL hashes the raw bytes.
    password: '\u05d0\u05d1a',
    verifier:
      'SCRAM-SHA-256$4096:3EdUCK+miUU2oV+Yhh9SKg==$mVYYbwQBxM0dYUXx4ev/gnpVq7ZUTnvSFRZcQrV2EbU=:ggoNErCXz5u+vsG62prn47pcSRG8RLiAMMHD+nYmg5o=',
  },
];

describe('makeScramVerifier', () => {
  for (const { password, verifier } of fromPostgres) {
    it(`matches PostgreSQL's verifier for ${JSON.stringify(password)} given the same salt`, () => {
      const parsed = parseScramVerifier(verifier);
      assert.ok(parsed);
      assert.equal(makeScramVerifier(password, parsed.iterations, parsed.salt), verifier);
    });
  }

  it('uses 4096 iterations and a fresh 16-byte salt by default', () => {
    const a = parseScramVerifier(makeScramVerifier('pw'));
    const b = parseScramVerifier(makeScramVerifier('pw'));
    assert.ok(a && b);
    assert.equal(a.iterations, 4096);
    assert.equal(a.salt.length, 16);
    assert.notDeepEqual(a.salt, b.salt);
  });

  it('rejects a bad iteration count', () => {
    assert.throws(() => makeScramVerifier('pw', 0), RangeError);
    assert.throws(() => makeScramVerifier('pw', 1.5), RangeError);
  });
});

describe('parseScramVerifier', () => {
  const good = fromPostgres[0]?.verifier ?? '';

  it('parses the fields', () => {
    const v = parseScramVerifier(good);
    assert.ok(v);
    assert.equal(v.saltBase64, 'zp2p0Mh80+f7OSY9TrnQpg==');
    assert.equal(v.storedKey.length, 32);
    assert.equal(v.serverKey.length, 32);
  });

  it('rejects malformed secrets', () => {
    for (const bad of [
      'md5c77ff9f586554da4582662d205e1931b',
      good.replace('SCRAM-SHA-256', 'SCRAM-SHA-1'),
      good.replace('4096', '40x6'),
      good.replace('zp2p0Mh80+f7OSY9TrnQpg==', 'zp2p!'),
      good.replace('9CHOZOI3Zl2eIPL954K3xY3zyadq0Mp6mitscEkvMFg=', 'AAAA'),
      good.slice(0, good.lastIndexOf(':')),
      'plain text password',
    ]) {
      assert.equal(parseScramVerifier(bad), null, bad);
    }
  });
});

describe('cleartextMatchesVerifier', () => {
  for (const { password, verifier } of fromPostgres) {
    it(`checks ${JSON.stringify(password)} against PostgreSQL's verifier`, () => {
      const v = parseScramVerifier(verifier);
      assert.ok(v);
      assert.equal(cleartextMatchesVerifier(Buffer.from(password, 'utf8'), v), true);
      assert.equal(cleartextMatchesVerifier(Buffer.from(`${password}x`, 'utf8'), v), false);
    });
  }
});
