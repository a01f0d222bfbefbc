import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough, Readable } from 'node:stream';
import { cleartextMatchesVerifier, parseScramVerifier } from '../pgwire/auth/scram-verifier.js';
import { hashPasswordCommand } from './hash-password.js';

async function run(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await hashPasswordCommand(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

const verifies = (line: string, password: string): boolean => {
  const v = parseScramVerifier(line.trimEnd());
  return v !== null && cleartextMatchesVerifier(Buffer.from(password), v);
};

describe('lakegate hash-password', () => {
  it('prints a verifier for a password argument', async () => {
    const { code, out } = await run(['s3cret']);
    assert.equal(code, 0);
    assert.match(out, /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+\n$/);
    assert.ok(verifies(out, 's3cret'));
    assert.ok(!verifies(out, 's3cret2'));
  });

  it('reads the password from stdin, dropping one trailing newline', async () => {
    const { code, out } = await run([], 'from stdin\r\n');
    assert.equal(code, 0);
    assert.ok(verifies(out, 'from stdin'));
    assert.ok(verifies((await run(['-'], 'pw\n\n')).out, 'pw\n'));
  });

  it('honours --iterations', async () => {
    const { out } = await run(['--iterations', '10000', 'pw']);
    assert.equal(parseScramVerifier(out.trimEnd())?.iterations, 10000);
    assert.equal(
      parseScramVerifier((await run(['--iterations=5', 'pw'])).out.trimEnd())?.iterations,
      5,
    );
  });

  it('fails on bad usage and empty passwords without printing a verifier', async () => {
    for (const args of [
      ['--iterations', 'x', 'pw'],
      ['--iterations=0', 'pw'],
      ['--bogus'],
      ['a', 'b'],
    ]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /usage:/);
    }
    const empty = await run([], '\n');
    assert.equal(empty.code, 1);
    assert.equal(empty.out, '');
  });
});
