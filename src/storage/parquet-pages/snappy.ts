/**
 * Snappy's raw block format (google/snappy format_description.txt), the codec most
 * Parquet writers use by default (Spark, pyarrow, tpchgen). A block is the uncompressed
 * length as a varint, then elements: literals copied from the input, and copies of
 * earlier output at an offset back. Malformed input throws; the caller turns that into
 * a data-corruption error for the file.
 *
 * Short literals and copies (most elements: a few bytes each) move 8 bytes at a time
 * through DataViews whatever their length, which avoids a length-dependent loop per
 * element; the output has slack for the overshoot, which later elements overwrite.
 *
 * `into`, when it holds at least `expectedLength + SNAPPY_SLACK` bytes, receives the output
 * instead of a new array: a caller that consumes each page before the next one reuses one
 * buffer, which spares allocating, zeroing and collecting a page-sized array per page.
 */
export function snappyUncompress(
  input: Uint8Array,
  expectedLength: number,
  into?: Uint8Array,
): Uint8Array {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) throw new Error('malformed Snappy length');
    const b = input[pos++]!;
    length += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (length !== expectedLength)
    throw new Error(`Snappy block holds ${length} bytes, the page header says ${expectedLength}`);
  const out =
    into !== undefined && into.length >= length + SNAPPY_SLACK
      ? into
      : new Uint8Array(length + SNAPPY_SLACK);
  const ov = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const iv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const end = input.length;
  let o = 0;
  while (pos < end) {
    const tag = input[pos++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let n = (tag >>> 2) + 1;
      if (n <= 8 && pos + 8 <= end && o + n <= length) {
        ov.setUint32(o, iv.getUint32(pos, true), true);
        ov.setUint32(o + 4, iv.getUint32(pos + 4, true), true);
        pos += n;
        o += n;
        continue;
      }
      if (n > 60) {
        const extra = n - 60;
        if (pos + extra > end) throw new Error('truncated Snappy literal');
        n = 1;
        for (let k = 0; k < extra; k++) n += input[pos + k]! * 2 ** (8 * k);
        pos += extra;
      }
      if (pos + n > end || o + n > length) throw new Error('Snappy literal overruns');
      if (n <= 16) for (let k = 0; k < n; k++) out[o + k] = input[pos + k]!;
      else out.set(input.subarray(pos, pos + n), o);
      pos += n;
      o += n;
      continue;
    }
    let n: number;
    let offset: number;
    if (kind === 1) {
      n = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[pos++]!;
    } else if (kind === 2) {
      n = (tag >>> 2) + 1;
      offset = input[pos]! | (input[pos + 1]! << 8);
      pos += 2;
    } else {
      n = (tag >>> 2) + 1;
      offset =
        (input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16)) +
        input[pos + 3]! * 2 ** 24;
      pos += 4;
    }
    if (pos > end) throw new Error('truncated Snappy copy');
    if (offset === 0 || offset > o || o + n > length) throw new Error('Snappy copy out of range');
    let from = o - offset;
    const stop = o + n;
    if (offset >= 8) {
      // Each 8-byte step reads bytes already written (offset >= 8); the last may overshoot into the slack.
      for (; o < stop; o += 8, from += 8) {
        ov.setUint32(o, ov.getUint32(from, true), true);
        ov.setUint32(o + 4, ov.getUint32(from + 4, true), true);
      }
      o = stop;
    } else {
      // An offset shorter than 8 repeats a short pattern: byte by byte, forwards.
      while (o < stop) out[o++] = out[from++]!;
    }
  }
  if (o !== length) throw new Error(`Snappy block ended after ${o} of ${length} bytes`);
  return out.subarray(0, length);
}

/** Room past the end for the last 8-byte step of a short literal or copy. */
export const SNAPPY_SLACK = 16;
