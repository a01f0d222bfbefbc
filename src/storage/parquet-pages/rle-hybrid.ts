/**
 * Parquet's RLE / bit-packing hybrid (parquet-format Encodings.md, "Run Length Encoding /
 * Bit-Packing Hybrid"), which carries definition levels, dictionary indices and RLE
 * booleans. Runs follow each other until `count` values are read: a varint header whose
 * low bit picks the run kind; an RLE run repeats one value (bit width rounded up to
 * whole bytes, little-endian); a bit-packed run holds groups of 8 values packed LSB first.
 */
export function decodeHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  bitWidth: number,
  out: Int32Array,
  outStart: number,
  count: number,
): void {
  if (bitWidth < 0 || bitWidth > 32) throw new Error(`bit width ${bitWidth} out of range`);
  let pos = start;
  let o = outStart;
  const stop = outStart + count;
  const valueBytes = (bitWidth + 7) >>> 3;
  while (o < stop) {
    let header = 0;
    for (let shift = 0; ; shift += 7) {
      if (pos >= end || shift > 28) throw new Error('truncated RLE run header');
      const b = bytes[pos++]!;
      header += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if ((header & 1) === 0) {
      const n = Math.min(Math.floor(header / 2), stop - o);
      if (pos + valueBytes > end) throw new Error('truncated RLE run');
      let v = 0;
      for (let k = 0; k < valueBytes; k++) v += bytes[pos + k]! * 2 ** (8 * k);
      pos += valueBytes;
      if (n < 16) for (let k = 0; k < n; k++) out[o + k] = v | 0;
      else out.fill(v | 0, o, o + n);
      o += n;
    } else {
      const groups = Math.floor(header / 2);
      const n = Math.min(groups * 8, stop - o);
      const size = groups * bitWidth;
      // The last run may be cut short of its padded size at the end of the page.
      unpack(bytes, pos, Math.min(end, pos + size), bitWidth, out, o, n);
      pos += size;
      o += n;
    }
  }
}

/** `n` values of `bitWidth` bits packed LSB first from `bytes[pos..end)`. */
function unpack(
  bytes: Uint8Array,
  pos: number,
  end: number,
  bitWidth: number,
  out: Int32Array,
  o: number,
  n: number,
): void {
  if (Math.ceil((n * bitWidth) / 8) > end - pos) throw new Error('truncated bit-packed run');
  if (bitWidth === 0) {
    out.fill(0, o, o + n);
    return;
  }
  let i = 0;
  if (bitWidth <= 25) {
    // Eight values fill exactly `bitWidth` bytes, and a value starts at most 7 bits into
    // a byte, so one unaligned 32-bit load holds it: no branch per value. Groups too
    // close to the buffer's end for a 4-byte load take the loop below.
    const mask = 2 ** bitWidth - 1;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const reach = ((7 * bitWidth) >>> 3) + 4;
    for (let at = pos; i + 8 <= n && at + reach <= bytes.length; i += 8, at += bitWidth) {
      for (let k = 0, bit = 0; k < 8; k++, bit += bitWidth)
        out[o + i + k] = (view.getUint32(at + (bit >>> 3), true) >>> (bit & 7)) & mask;
    }
  }
  for (let bit = i * bitWidth; i < n; i++) {
    let v = 0;
    for (let k = 0; k < bitWidth; k++, bit++) {
      const at = pos + (bit >>> 3);
      if ((bytes[at]! >>> (bit & 7)) & 1) v += 2 ** k;
    }
    out[o + i] = v | 0;
  }
}
