import { type Data, Utf8, makeData } from 'apache-arrow';

const encoder = new TextEncoder();

/**
 * A Utf8 column holding one partition constant on every row (Hive partition values
 * are directory text; typed partition columns come with the planner's casts).
 */
export function constantUtf8(value: string | null, length: number): Data<Utf8> {
  const valueOffsets = new Int32Array(length + 1);
  if (value === null) {
    return makeData({
      type: new Utf8(),
      length,
      nullCount: length,
      nullBitmap: new Uint8Array(Math.ceil(length / 8)),
      valueOffsets,
      data: new Uint8Array(0),
    });
  }
  const bytes = encoder.encode(value);
  const data = new Uint8Array(bytes.length * length);
  for (let i = 0; i < length; i++) {
    data.set(bytes, i * bytes.length);
    valueOffsets[i + 1] = (i + 1) * bytes.length;
  }
  return makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets, data });
}
