import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHybrid } from './rle-hybrid.js';

/** Writes runs as parquet-format's RLE / bit-packing hybrid describes them. */
class HybridWriter {
  readonly bytes: number[] = [];
  readonly values: number[] = [];
  constructor(private readonly width: number) {}

  private varint(v: number): void {
    do {
      this.bytes.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
  }

  repeat(value: number, count: number): this {
    this.varint(count * 2);
    for (let k = 0; k < Math.ceil(this.width / 8); k++)
      this.bytes.push(Math.floor(value / 2 ** (8 * k)) & 255);
    for (let i = 0; i < count; i++) this.values.push(value);
    return this;
  }

  /** Values bit-packed LSB first, padded to whole groups of 8. */
  packed(values: readonly number[]): this {
    const groups = Math.ceil(values.length / 8);
    this.varint(groups * 2 + 1);
    const bits: number[] = [];
    for (let i = 0; i < groups * 8; i++)
      for (let k = 0; k < this.width; k++) bits.push(Math.floor((values[i] ?? 0) / 2 ** k) & 1);
    for (let i = 0; i < bits.length; i += 8) {
      let byte = 0;
      for (let k = 0; k < 8; k++) byte |= (bits[i + k] ?? 0) << k;
      this.bytes.push(byte);
    }
    this.values.push(...values);
    return this;
  }
}

function decode(w: HybridWriter, width: number, count = w.values.length): number[] {
  const out = new Int32Array(count + 2).fill(-7);
  const bytes = Uint8Array.from(w.bytes);
  decodeHybrid(bytes, 0, bytes.length, width, out, 1, count);
  assert.equal(out[0], -7, 'nothing written before the start');
  assert.equal(out[count + 1], -7, 'nothing written past the count');
  return [...out.subarray(1, count + 1)].map((v) => v >>> 0);
}

describe('RLE / bit-packing hybrid', () => {
  for (let width = 1; width <= 32; width++) {
    it(`reads runs of both kinds at bit width ${width}`, () => {
      const top = 2 ** width;
      const values = Array.from({ length: 56 }, (_, i) =>
        Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * top),
      );
      const w = new HybridWriter(width)
        .repeat(top - 1, 20)
        .packed(values)
        .repeat(0, 3)
        .packed(values.slice(0, 16));
      assert.deepEqual(decode(w, width), w.values);
    });
  }

  it('stops at the count inside a run (the last run of a page is padded)', () => {
    const w = new HybridWriter(3).packed([1, 2, 3, 4, 5]).repeat(6, 10);
    assert.deepEqual(decode(w, 3, 7), [1, 2, 3, 4, 5, 0, 0]);
  });

  it('rejects runs cut short', () => {
    const w = new HybridWriter(9).packed(Array.from({ length: 16 }, (_, i) => i));
    const bytes = Uint8Array.from(w.bytes.slice(0, 10));
    assert.throws(
      () => decodeHybrid(bytes, 0, bytes.length, 9, new Int32Array(16), 0, 16),
      /truncated/,
    );
    assert.throws(
      () => decodeHybrid(Uint8Array.of(), 0, 0, 1, new Int32Array(1), 0, 1),
      /truncated/,
    );
  });
});
