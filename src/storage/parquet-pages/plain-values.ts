import { Physical } from '../parquet-schema.js';

/**
 * A run of decoded values of one physical type (parquet-format Encodings.md, PLAIN):
 * integers and floats little-endian, booleans one per byte (0/1), BYTE_ARRAY and
 * FIXED_LEN_BYTE_ARRAY as one byte buffer with offsets.
 */
export type ChunkValues =
  | { readonly kind: 'int32'; readonly values: Int32Array }
  | { readonly kind: 'int64'; readonly values: BigInt64Array }
  | { readonly kind: 'float32'; readonly values: Float32Array }
  | { readonly kind: 'float64'; readonly values: Float64Array }
  | { readonly kind: 'boolean'; readonly values: Uint8Array }
  | { readonly kind: 'bytes'; readonly offsets: Int32Array; readonly data: Uint8Array };

/** A feature this reader leaves to the wasm reader (an encoding, codec or type). */
export class UnsupportedParquet extends Error {}

/** A little-endian unsigned 32-bit integer (length prefixes of pages and values). */
export function readU32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  );
}

export function valueCount(v: ChunkValues): number {
  return v.kind === 'bytes' ? v.offsets.length - 1 : v.values.length;
}

/** `count` PLAIN-encoded values from `bytes[start..end)`. */
export function readPlain(
  bytes: Uint8Array,
  start: number,
  end: number,
  physical: number,
  typeLength: number,
  count: number,
): ChunkValues {
  const fixed = (width: number): Uint8Array => {
    if (end - start < width * count) throw new Error('PLAIN values run past their page');
    // Copied into a fresh buffer: typed arrays need their element alignment. (Through
    // Uint8Array's own slice: a Node Buffer's slice would share the bytes instead.)
    return Uint8Array.prototype.slice.call(bytes, start, start + width * count);
  };
  switch (physical) {
    case Physical.INT32:
      return { kind: 'int32', values: new Int32Array(fixed(4).buffer) };
    case Physical.INT64:
      return { kind: 'int64', values: new BigInt64Array(fixed(8).buffer) };
    case Physical.FLOAT:
      return { kind: 'float32', values: new Float32Array(fixed(4).buffer) };
    case Physical.DOUBLE:
      return { kind: 'float64', values: new Float64Array(fixed(8).buffer) };
    case Physical.BOOLEAN:
      return { kind: 'boolean', values: plainBooleans(bytes, start, end, count) };
    case Physical.BYTE_ARRAY:
      return byteArrays(bytes, start, end, count);
    case Physical.FIXED_LEN_BYTE_ARRAY: {
      if (typeLength <= 0) throw new Error('FIXED_LEN_BYTE_ARRAY column without a length');
      const offsets = new Int32Array(count + 1);
      for (let i = 0; i <= count; i++) offsets[i] = i * typeLength;
      return { kind: 'bytes', offsets, data: fixed(typeLength) };
    }
    default:
      throw new UnsupportedParquet(`physical type ${physical}`);
  }
}

function plainBooleans(bytes: Uint8Array, start: number, end: number, count: number): Uint8Array {
  if ((end - start) * 8 < count) throw new Error('PLAIN booleans run past their page');
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = (bytes[start + (i >>> 3)]! >>> (i & 7)) & 1;
  return out;
}

/** Length-prefixed values, compacted into one buffer. */
function byteArrays(bytes: Uint8Array, start: number, end: number, count: number): ChunkValues {
  const offsets = new Int32Array(count + 1);
  let pos = start;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 4 > end) throw new Error('BYTE_ARRAY values run past their page');
    const len = readU32(bytes, pos);
    pos += 4 + len;
    if (pos > end) throw new Error('BYTE_ARRAY values run past their page');
    total += len;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  pos = start;
  for (let i = 0; i < count; i++) {
    const len = offsets[i + 1]! - offsets[i]!;
    data.set(bytes.subarray(pos + 4, pos + 4 + len), offsets[i]);
    pos += 4 + len;
  }
  return { kind: 'bytes', offsets, data };
}

/** `dictionary` at `indices` (a dictionary-encoded page read back as plain values). */
export function gatherValues(dictionary: ChunkValues, indices: Int32Array): ChunkValues {
  if (dictionary.kind !== 'bytes') {
    const src = dictionary.values;
    const out = new (src.constructor as new (n: number) => typeof src)(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = src[indices[i]!]!;
    return { kind: dictionary.kind, values: out } as ChunkValues;
  }
  const { offsets: from, data: src } = dictionary;
  const offsets = new Int32Array(indices.length + 1);
  for (let i = 0; i < indices.length; i++) {
    const d = indices[i]!;
    offsets[i + 1] = offsets[i]! + from[d + 1]! - from[d]!;
  }
  const data = new Uint8Array(offsets[indices.length]!);
  for (let i = 0; i < indices.length; i++) {
    const d = indices[i]!;
    data.set(src.subarray(from[d], from[d + 1]), offsets[i]);
  }
  return { kind: 'bytes', offsets, data };
}
