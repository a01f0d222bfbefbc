import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snappyUncompress } from './snappy.js';

/**
 * Snappy blocks assembled element by element (format_description.txt), with the
 * expected output built alongside, so each element kind and length form is covered.
 */
class Block {
  private readonly parts: number[] = [];
  readonly expected: number[] = [];

  literal(bytes: readonly number[]): this {
    const n = bytes.length - 1;
    if (n < 60) this.parts.push(n << 2);
    else if (n < 256) this.parts.push(60 << 2, n);
    else this.parts.push(61 << 2, n & 255, n >> 8);
    this.parts.push(...bytes);
    this.expected.push(...bytes);
    return this;
  }

  /** A copy in the 1-, 2- or 4-byte offset form. */
  copy(offset: number, length: number, form: 1 | 2 | 4): this {
    if (form === 1) this.parts.push(((offset >> 8) << 5) | ((length - 4) << 2) | 1, offset & 255);
    else if (form === 2) this.parts.push(((length - 1) << 2) | 2, offset & 255, offset >> 8);
    else
      this.parts.push(((length - 1) << 2) | 3, offset & 255, (offset >> 8) & 255, offset >> 16, 0);
    for (let k = 0; k < length; k++)
      this.expected.push(this.expected[this.expected.length - offset]!);
    return this;
  }

  bytes(): Uint8Array {
    const out = [];
    let n = this.expected.length;
    do {
      out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
      n >>= 7;
    } while (n > 0);
    return Uint8Array.from([...out, ...this.parts]);
  }
}

const seq = (n: number, f: (i: number) => number): number[] =>
  Array.from({ length: n }, (_, i) => f(i) & 255);

describe('snappy', () => {
  it('decodes literals of every length form and copies of every offset form', () => {
    const b = new Block()
      .literal(seq(5, (i) => i + 1))
      .literal(seq(100, (i) => i * 7))
      .literal(seq(300, (i) => i * 13))
      .copy(5, 4, 1)
      .copy(300, 11, 1)
      .copy(400, 64, 2)
      .copy(70, 40, 4)
      .copy(12, 9, 2)
      .literal([42]);
    assert.deepEqual([...snappyUncompress(b.bytes(), b.expected.length)], b.expected);
  });

  it('repeats a pattern when a copy overlaps its own output', () => {
    for (const offset of [1, 2, 3, 7]) {
      const b = new Block()
        .literal(seq(offset, (i) => 200 + i))
        .copy(offset, 60, 2)
        .copy(offset, 5, 1);
      assert.deepEqual(
        [...snappyUncompress(b.bytes(), b.expected.length)],
        b.expected,
        `offset ${offset}`,
      );
    }
  });

  it('keeps the 8-byte steps inside the output at its end', () => {
    const b = new Block().literal(seq(20, (i) => i)).copy(10, 4, 1);
    const out = snappyUncompress(b.bytes(), b.expected.length);
    assert.equal(out.length, 24);
    assert.deepEqual([...out], b.expected);
  });

  it('rejects damaged blocks instead of reading past them', () => {
    const good = new Block()
      .literal(seq(10, (i) => i))
      .copy(10, 10, 2)
      .bytes();
    assert.throws(() => snappyUncompress(good, 21), /holds 20 bytes/);
    assert.throws(() => snappyUncompress(good.subarray(0, good.length - 1), 20), /Snappy/);
    const zeroOffset = Uint8Array.from([4, (3 << 2) | 2, 0, 0]);
    assert.throws(() => snappyUncompress(zeroOffset, 4), /out of range/);
    const beforeStart = Uint8Array.from([8, 0, 65, (3 << 2) | 2, 5, 0]);
    assert.throws(() => snappyUncompress(beforeStart, 8), /out of range/);
    const short = Uint8Array.from([9, 8 << 2, 1, 2, 3]);
    assert.throws(() => snappyUncompress(short, 9), /Snappy/);
  });
});
