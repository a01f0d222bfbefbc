import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Physical } from '../parquet-schema.js';
import type { ChunkLayout } from './chunk-layout.js';
import { Encoding, type PageHeader, PageType, readPageHeader } from './page-header.js';
import {
  type ChunkValues,
  UnsupportedParquet,
  gatherValues,
  readPlain,
  readU32,
  valueCount,
} from './plain-values.js';
import { decodeHybrid } from './rle-hybrid.js';
import { RowValues } from './row-values.js';
import { SNAPPY_SLACK, snappyUncompress } from './snappy.js';

/**
 * One flat column chunk decoded from its pages (parquet-format README "Column chunks",
 * "Data Pages", "Dictionary Page"): values by row, null rows marked in `valid`. A chunk
 * written entirely with dictionary pages stays in dictionary form (indices by row into
 * the decoded dictionary; null rows hold 0); one whose writer fell back to PLAIN partway
 * is expanded.
 */
export type DecodedChunk = {
  readonly rows: number;
  /** 1 per non-null row; null when no row is null. */
  readonly valid: Uint8Array | null;
} & (
  | { readonly form: 'plain'; readonly values: ChunkValues }
  | {
      readonly form: 'dictionary';
      readonly dictionary: ChunkValues;
      readonly indices: Int32Array;
      /**
       * No index exceeds this (from the pages' bit widths and repeated values). Indices
       * are not checked against the dictionary here: a reader that looks them up raw
       * checks them when this bound reaches past the dictionary (a damaged file).
       */
      readonly indexBound: number;
    }
);

/** parquet.thrift `CompressionCodec`. */
const Codec = { UNCOMPRESSED: 0, SNAPPY: 1, GZIP: 2, BROTLI: 4 } as const;

const PLAIN_KIND: Readonly<Record<number, ChunkValues['kind']>> = {
  [Physical.BOOLEAN]: 'boolean',
  [Physical.INT32]: 'int32',
  [Physical.INT64]: 'int64',
  [Physical.FLOAT]: 'float32',
  [Physical.DOUBLE]: 'float64',
  [Physical.BYTE_ARRAY]: 'bytes',
  [Physical.FIXED_LEN_BYTE_ARRAY]: 'bytes',
};

/** Decodes `bytes`, the chunk's pages as laid out from `layout.start`. */
export function decodeChunk(bytes: Uint8Array, layout: ChunkLayout): DecodedChunk {
  return new ChunkDecoder(bytes, layout).run();
}

class ChunkDecoder {
  private readonly rows: number;
  private valid: Uint8Array | null = null;
  private dictionary: ChunkValues | null = null;
  /** Dictionary indices by row, while every data page so far was dictionary-encoded. */
  private indices: Int32Array | null;
  private plain: RowValues | null = null;
  private indexBound = 0;
  private row = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly layout: ChunkLayout,
  ) {
    this.rows = layout.numValues;
    this.indices = new Int32Array(this.rows);
    if (PLAIN_KIND[layout.leaf.physical] === undefined)
      throw new UnsupportedParquet(`physical type ${layout.leaf.physical}`);
  }

  run(): DecodedChunk {
    let pos = 0;
    while (this.row < this.rows) {
      if (pos >= this.bytes.length) throw new Error('column chunk ends before its last page');
      const h = readPageHeader(this.bytes, pos);
      const start = pos + h.headerLength;
      pos = start + h.compressedSize;
      if (pos > this.bytes.length) throw new Error('page runs past its column chunk');
      const raw = this.bytes.subarray(start, pos);
      if (h.type === PageType.DICTIONARY) this.readDictionary(h, raw);
      else if (h.type === PageType.DATA) this.readDataV1(h, raw);
      else if (h.type === PageType.DATA_V2) this.readDataV2(h, raw);
      else if (h.type !== PageType.INDEX) throw new UnsupportedParquet(`page type ${h.type}`);
    }
    const { rows, valid } = this;
    if (this.indices !== null && this.dictionary !== null)
      return {
        rows,
        valid,
        form: 'dictionary',
        dictionary: this.dictionary,
        indices: this.indices,
        indexBound: this.indexBound,
      };
    const kind = PLAIN_KIND[this.layout.leaf.physical]!;
    return { rows, valid, form: 'plain', values: (this.plain ?? new RowValues(rows)).finish(kind) };
  }

  private readDictionary(h: PageHeader, raw: Uint8Array): void {
    if (this.dictionary !== null) throw new Error('a second dictionary page in one column chunk');
    if (h.encoding !== Encoding.PLAIN && h.encoding !== Encoding.PLAIN_DICTIONARY)
      throw new UnsupportedParquet(`dictionary encoding ${h.encoding}`);
    const page = uncompress(this.layout.codec, raw, h.uncompressedSize);
    const { physical } = this.layout.leaf;
    this.dictionary = readPlain(
      page,
      0,
      page.length,
      physical,
      this.layout.typeLength,
      h.numValues,
    );
  }

  private readDataV1(h: PageHeader, raw: Uint8Array): void {
    const page = uncompress(this.layout.codec, raw, h.uncompressedSize, consumedWhole(h));
    let at = 0;
    let levels: Uint8Array | null = null;
    if (this.layout.maxDefinition > 0) {
      if (h.definitionEncoding !== Encoding.RLE)
        throw new UnsupportedParquet(`definition level encoding ${h.definitionEncoding}`);
      if (page.length < 4) throw new Error('data page too short for its definition levels');
      const length = readU32(page, 0);
      if (4 + length > page.length) throw new Error('definition levels run past their page');
      levels = page.subarray(4, 4 + length);
      at = 4 + length;
    }
    this.readValues(h, levels, page.subarray(at));
  }

  private readDataV2(h: PageHeader, raw: Uint8Array): void {
    if (h.repetitionLength !== 0)
      throw new UnsupportedParquet('repetition levels in a flat column');
    const levelsEnd = h.definitionLength;
    if (levelsEnd > raw.length) throw new Error('definition levels run past their page');
    const levels = this.layout.maxDefinition > 0 ? raw.subarray(0, levelsEnd) : null;
    const values = raw.subarray(levelsEnd);
    const size = h.uncompressedSize - levelsEnd;
    this.readValues(
      h,
      levels,
      h.valuesCompressed ? uncompress(this.layout.codec, values, size, consumedWhole(h)) : values,
    );
  }

  /** One data page: its definition levels (null for a REQUIRED column) and values section. */
  private readValues(h: PageHeader, levels: Uint8Array | null, values: Uint8Array): void {
    const n = h.numValues;
    if (this.row + n > this.rows)
      throw new Error('data pages hold more values than their column chunk');
    const pageValid = levels === null ? null : this.readLevels(levels, n);
    let nonNull = n;
    if (pageValid !== null) {
      nonNull = 0;
      for (let k = 0; k < n; k++) nonNull += pageValid[k]!;
    }
    const dictionaryEncoded =
      h.encoding === Encoding.RLE_DICTIONARY || h.encoding === Encoding.PLAIN_DICTIONARY;
    if (dictionaryEncoded) this.readIndices(values, n, nonNull, pageValid);
    else if (h.encoding === Encoding.PLAIN)
      this.putPlain(this.plainPage(values, nonNull), n, pageValid);
    else if (h.encoding === Encoding.RLE && this.layout.leaf.physical === Physical.BOOLEAN)
      this.putPlain(rleBooleans(values, nonNull), n, pageValid);
    else throw new UnsupportedParquet(`value encoding ${h.encoding}`);
    this.row += n;
  }

  /** Definition levels (max level 1) as validity; null when every value is present. */
  private readLevels(levels: Uint8Array, n: number): Uint8Array | null {
    const decoded = new Int32Array(n);
    decodeHybrid(levels, 0, levels.length, 1, decoded, 0, n);
    let all = true;
    for (let k = 0; k < n; k++) if (decoded[k] !== 1) all = false;
    if (all) return null;
    const valid = (this.valid ??= new Uint8Array(this.rows).fill(1, 0, this.row));
    for (let k = 0; k < n; k++) valid[this.row + k] = decoded[k]! & 1;
    return valid.subarray(this.row, this.row + n);
  }

  private readIndices(
    values: Uint8Array,
    n: number,
    nonNull: number,
    valid: Uint8Array | null,
  ): void {
    const dictionary = this.dictionary;
    if (dictionary === null) throw new Error('dictionary-encoded page without a dictionary page');
    if (values.length < 1 && nonNull > 0)
      throw new Error('dictionary-encoded page without its bit width');
    const dense = valid === null && this.indices !== null ? this.indices : new Int32Array(nonNull);
    const at = dense === this.indices ? this.row : 0;
    const bitWidth = values[0] ?? 0;
    const largestRepeated = decodeHybrid(values, 1, values.length, bitWidth, dense, at, nonNull);
    const bound = Math.max(2 ** bitWidth - 1, largestRepeated);
    this.indexBound = Math.max(this.indexBound, bound);
    if (this.indices === null) {
      if (bound >= valueCount(dictionary)) checkIndices(dense, valueCount(dictionary));
      this.putPlain(gatherValues(dictionary, dense), n, valid);
    } else if (dense !== this.indices) {
      const out = this.indices;
      for (let k = 0, j = 0; k < n; k++) out[this.row + k] = valid![k] === 1 ? dense[j++]! : 0;
    }
  }

  private plainPage(values: Uint8Array, count: number): ChunkValues {
    const { physical } = this.layout.leaf;
    return readPlain(values, 0, values.length, physical, this.layout.typeLength, count);
  }

  /** Plain values for this page's rows; earlier dictionary-encoded rows are expanded first. */
  private putPlain(dense: ChunkValues, n: number, valid: Uint8Array | null): void {
    if (this.plain === null) {
      this.plain = new RowValues(this.rows);
      if (this.row > 0 && this.indices !== null && this.dictionary !== null) {
        const before = this.valid?.subarray(0, this.row) ?? null;
        const used =
          before === null
            ? this.indices.subarray(0, this.row)
            : this.indices.filter((_, k) => k < this.row && before[k] === 1);
        checkIndices(used, valueCount(this.dictionary));
        this.plain.put(gatherValues(this.dictionary, used), 0, this.row, before);
      }
      this.indices = null;
    }
    this.plain.put(dense, this.row, n, valid);
  }
}

function checkIndices(indices: Int32Array, size: number): void {
  for (let k = 0; k < indices.length; k++)
    if (indices[k]! >>> 0 >= size) throw new Error(`dictionary index ${indices[k]} out of range`);
}

function rleBooleans(values: Uint8Array, count: number): ChunkValues {
  if (values.length < 4) throw new Error('RLE boolean page too short');
  const length = readU32(values, 0);
  const decoded = new Int32Array(count);
  decodeHybrid(values, 4, Math.min(values.length, 4 + length), 1, decoded, 0, count);
  return { kind: 'boolean', values: Uint8Array.from(decoded) };
}

/**
 * Whether nothing of this page outlives its decoding: dictionary indices and definition
 * levels are decoded into arrays of their own, while PLAIN values may be views of the page.
 */
const consumedWhole = (h: PageHeader): boolean =>
  h.encoding === Encoding.RLE_DICTIONARY || h.encoding === Encoding.PLAIN_DICTIONARY;

/**
 * The buffer pages that are consumed whole are uncompressed into, one per thread: decoding
 * is synchronous and finishes a page before the next, so no page can see another's bytes.
 * Reusing it spares allocating and collecting a page-sized array per page.
 */
let pageBuffer = new Uint8Array(0);

function reusablePage(size: number): Uint8Array {
  if (pageBuffer.length < size + SNAPPY_SLACK) pageBuffer = new Uint8Array(size + SNAPPY_SLACK);
  return pageBuffer;
}

function uncompress(codec: number, raw: Uint8Array, size: number, reuse = false): Uint8Array {
  let out: Uint8Array;
  switch (codec) {
    case Codec.UNCOMPRESSED:
      out = raw;
      break;
    case Codec.SNAPPY:
      return snappyUncompress(raw, size, reuse ? reusablePage(size) : undefined);
    case Codec.GZIP:
      out = gunzipSync(raw);
      break;
    case Codec.BROTLI:
      out = brotliDecompressSync(raw);
      break;
    default:
      throw new UnsupportedParquet(`compression codec ${codec}`);
  }
  if (out.length !== size)
    throw new Error(`page holds ${out.length} bytes, its header says ${size}`);
  return out;
}
