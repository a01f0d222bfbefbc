import { Physical } from '../../src/storage/parquet-schema.js';
import type { ChunkLayout } from '../../src/storage/parquet-pages/chunk-layout.js';
import { Encoding, PageType } from '../../src/storage/parquet-pages/page-header.js';

/**
 * Hand-built Parquet column chunks (uncompressed pages with Thrift compact headers), for
 * what real writers never produce: dictionary indices past the dictionary, as a damaged
 * file can hold them.
 */
function varint(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
}

/** A Thrift compact struct of i32 fields and nested structs, in ascending field id order. */
type Field = readonly [id: number, value: number | readonly Field[]];

function struct(fields: readonly Field[]): number[] {
  const out: number[] = [];
  let last = 0;
  for (const [id, value] of fields) {
    out.push(((id - last) << 4) | (typeof value === 'number' ? 5 : 12));
    last = id;
    if (typeof value === 'number') out.push(...varint(value >= 0 ? value * 2 : -value * 2 - 1));
    else out.push(...struct(value));
  }
  out.push(0);
  return out;
}

function page(
  type: number,
  numValues: number,
  encoding: number,
  body: readonly number[],
): number[] {
  const detail: Field =
    type === PageType.DICTIONARY
      ? [
          7,
          [
            [1, numValues],
            [2, encoding],
          ],
        ]
      : [
          5,
          [
            [1, numValues],
            [2, encoding],
            [3, Encoding.RLE],
            [4, Encoding.RLE],
          ],
        ];
  return [...struct([[1, type], [2, body.length], [3, body.length], detail]), ...body];
}

/**
 * A REQUIRED chunk of `rows` rows: a two-entry dictionary (int32 10 and 20, or the strings
 * 'a' and 'b'), then one RLE_DICTIONARY data page whose values section is `indexBytes`
 * (the bit width byte, then RLE / bit-packed runs).
 */
export function twoEntryDictionaryChunk(
  kind: 'int32' | 'text',
  rows: number,
  indexBytes: readonly number[],
): [Uint8Array, ChunkLayout] {
  const entries =
    kind === 'int32' ? [10, 0, 0, 0, 20, 0, 0, 0] : [1, 0, 0, 0, 0x61, 1, 0, 0, 0, 0x62];
  const bytes = Uint8Array.from([
    ...page(PageType.DICTIONARY, 2, Encoding.PLAIN, entries),
    ...page(PageType.DATA, rows, Encoding.RLE_DICTIONARY, indexBytes),
  ]);
  const leaf =
    kind === 'int32'
      ? { physical: Physical.INT32, hive: 'int', scale: 0, timeUnit: 1, unsigned: false }
      : { physical: Physical.BYTE_ARRAY, hive: 'string', scale: 0, timeUnit: 1, unsigned: false };
  const layout = {
    leaf,
    typeLength: 0,
    maxDefinition: 0,
    codec: 0,
    start: 0,
    length: bytes.length,
    numValues: rows,
  };
  return [bytes, layout];
}
