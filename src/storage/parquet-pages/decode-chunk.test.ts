import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoEntryDictionaryChunk } from '../../../test/support/parquet-pages.js';
import { decodeChunk } from './decode-chunk.js';

describe('dictionary indices', () => {
  it('stay indices, with the bound the bit width and repeated values give', () => {
    // Bit width 1, one bit-packed group: 0,1,1,0,1,0,0,1 (LSB first).
    const packed = decodeChunk(...twoEntryDictionaryChunk('int32', 8, [1, 0x03, 0b10010110]));
    assert.equal(packed.form, 'dictionary');
    if (packed.form !== 'dictionary') return;
    assert.deepEqual([...packed.indices], [0, 1, 1, 0, 1, 0, 0, 1]);
    assert.equal(packed.indexBound, 1);
    // Bit width 1, an RLE run of 5 values repeating 2 (past the dictionary: a damaged file).
    const repeated = decodeChunk(...twoEntryDictionaryChunk('int32', 5, [1, 5 << 1, 2]));
    assert.equal(repeated.form === 'dictionary' && repeated.indexBound, 2);
    // Bit width 2: 0,1,3,0.
    const wide = decodeChunk(...twoEntryDictionaryChunk('int32', 4, [2, 0x03, 0b00_11_01_00, 0]));
    assert.equal(wide.form === 'dictionary' && wide.indexBound, 3);
  });
});
