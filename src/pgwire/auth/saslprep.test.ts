import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saslprep, saslprepString } from './saslprep.js';

const prep = (s: string) => saslprepString(Buffer.from(s, 'utf8'));

describe('saslprep', () => {
  it('returns ASCII unchanged, control characters included (PostgreSQL skips ASCII)', () => {
    assert.equal(prep('pencil'), 'pencil');
    assert.equal(prep('ab\x07c'), 'ab\x07c');
  });

  it('maps non-ASCII spaces to U+0020 and removes B.1 characters (RFC 4013 §2.1)', () => {
    assert.equal(prep('a\u00a0b\u2003c'), 'a b c');
    assert.equal(prep('I\u00adX'), 'IX');
    assert.equal(prep('a\u200bb'), 'a b'); // C.1.2 wins over B.1, as in PostgreSQL
  });

  it('normalises with NFKC (RFC 4013 §2.2)', () => {
    assert.equal(prep('\uff50\uff41\uff53\uff53'), 'pass');
    assert.equal(prep('\u2168'), 'IX');
    assert.equal(prep('e\u0301'), '\u00e9');
  });

  it('falls back to the raw bytes for prohibited input (RFC 4013 §2.3, §2.5)', () => {
    assert.equal(prep('a\u0080b\u00e9'), null); // C.2.2 control character
    assert.equal(prep('\ue000\u00e9'), null); // C.3 private use
    assert.equal(prep('\u00e9\ufdd0'), null); // C.4 non-character
    assert.equal(prep('\u00e9\u{e0001}'), null); // C.9 tagging
    assert.equal(prep('\u00ad'), null); // empty after mapping
    const raw = Buffer.from('a\u0080b\u00e9', 'utf8');
    assert.deepEqual(saslprep(raw), raw);
  });

  it('applies the bidi rule (RFC 3454 §6)', () => {
    assert.equal(prep('\u05d0\u05d1'), '\u05d0\u05d1');
    assert.equal(prep('\u05d0 1 \u05d1'), '\u05d0 1 \u05d1');
    assert.equal(prep('\u05d0\u05d1a'), null); // RandALCat with LCat
    assert.equal(prep('1\u05d0'), null); // must start with RandALCat
  });

  it('falls back to the raw bytes for invalid UTF-8', () => {
    const raw = Buffer.from([0x61, 0xff, 0x62]);
    assert.equal(saslprepString(raw), null);
    assert.deepEqual(saslprep(raw), raw);
  });
});
