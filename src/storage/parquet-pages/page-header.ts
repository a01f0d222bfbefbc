import { ThriftCompactReader, field } from '../thrift-compact.js';

/** parquet.thrift `PageType`. */
export const PageType = { DATA: 0, INDEX: 1, DICTIONARY: 2, DATA_V2: 3 } as const;

/** parquet.thrift `Encoding`: the ones this reader decodes. */
export const Encoding = {
  PLAIN: 0,
  PLAIN_DICTIONARY: 2,
  RLE: 3,
  RLE_DICTIONARY: 8,
} as const;

/** The parts of a parquet.thrift `PageHeader` that decoding a flat column needs. */
export interface PageHeader {
  readonly type: number;
  /** Bytes of the header itself; the page's data follows it. */
  readonly headerLength: number;
  readonly uncompressedSize: number;
  readonly compressedSize: number;
  /** Values in the page, nulls included (rows, for a flat column). */
  readonly numValues: number;
  readonly encoding: number;
  /** Data page v1: how definition levels are encoded (RLE in every current writer). */
  readonly definitionEncoding: number;
  /** Data page v2: the levels precede the values uncompressed, with these lengths. */
  readonly definitionLength: number;
  readonly repetitionLength: number;
  /** Data page v2: whether the values section is compressed (default true). */
  readonly valuesCompressed: boolean;
}

export function readPageHeader(bytes: Uint8Array, at: number): PageHeader {
  const reader = new ThriftCompactReader(bytes.subarray(at));
  const h = reader.readStruct();
  const type = field.int(h, 1) ?? -1;
  const base = {
    type,
    headerLength: reader.offset,
    uncompressedSize: field.int(h, 2) ?? 0,
    compressedSize: field.int(h, 3) ?? 0,
    definitionEncoding: Encoding.RLE as number,
    definitionLength: 0,
    repetitionLength: 0,
    valuesCompressed: true,
  };
  if (base.compressedSize < 0 || base.uncompressedSize < 0)
    throw new Error('negative page size in a page header');
  const v1 = field.struct(h, 5);
  const dictionary = field.struct(h, 7);
  const v2 = field.struct(h, 8);
  if (type === PageType.DATA && v1 !== undefined)
    return {
      ...base,
      numValues: field.int(v1, 1) ?? 0,
      encoding: field.int(v1, 2) ?? -1,
      definitionEncoding: field.int(v1, 3) ?? -1,
    };
  if (type === PageType.DICTIONARY && dictionary !== undefined)
    return {
      ...base,
      numValues: field.int(dictionary, 1) ?? 0,
      encoding: field.int(dictionary, 2) ?? -1,
    };
  if (type === PageType.DATA_V2 && v2 !== undefined)
    return {
      ...base,
      numValues: field.int(v2, 1) ?? 0,
      encoding: field.int(v2, 4) ?? -1,
      definitionLength: field.int(v2, 5) ?? 0,
      repetitionLength: field.int(v2, 6) ?? 0,
      valuesCompressed: field.bool(v2, 7) ?? true,
    };
  return { ...base, numValues: 0, encoding: -1 };
}
