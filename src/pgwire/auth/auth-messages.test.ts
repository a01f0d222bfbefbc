import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authenticationCleartextPassword,
  authenticationMd5Password,
  authenticationOk,
  authenticationSasl,
  authenticationSaslContinue,
  authenticationSaslFinal,
} from './auth-messages.js';

// Byte layouts from the protocol docs §55.7: 'R', Int32 length (counting itself), Int32 code, payload.
const hex = (b: Buffer) => b.toString('hex');

describe('authentication messages', () => {
  it('AuthenticationOk is R, length 8, code 0', () => {
    assert.equal(hex(authenticationOk()), '52' + '00000008' + '00000000');
  });

  it('AuthenticationCleartextPassword is code 3', () => {
    assert.equal(hex(authenticationCleartextPassword()), '52' + '00000008' + '00000003');
  });

  it('AuthenticationMD5Password carries the 4-byte salt', () => {
    const salt = Buffer.from([1, 2, 3, 4]);
    assert.equal(hex(authenticationMd5Password(salt)), '52' + '0000000c' + '00000005' + '01020304');
    assert.throws(() => authenticationMd5Password(Buffer.alloc(3)), RangeError);
  });

  it('AuthenticationSASL lists C-string mechanisms and ends with a zero byte', () => {
    const m = authenticationSasl(['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256']);
    assert.equal(m.readInt32BE(1), m.length - 1);
    assert.equal(m.readInt32BE(5), 10);
    assert.equal(m.subarray(9).toString('latin1'), 'SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0');
  });

  it('AuthenticationSASLContinue and SASLFinal carry raw data without terminator', () => {
    const c = authenticationSaslContinue(Buffer.from('r=abc'));
    assert.equal(hex(c), '52' + '0000000d' + '0000000b' + hex(Buffer.from('r=abc')));
    const f = authenticationSaslFinal(Buffer.from('v=x'));
    assert.equal(hex(f), '52' + '0000000b' + '0000000c' + hex(Buffer.from('v=x')));
  });
});
