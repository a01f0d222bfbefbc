import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  Binary,
  Bool,
  type Data,
  DateDay,
  Decimal,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  Type,
  Utf8,
  type Vector,
  tableFromIPC,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  WriterVersion,
  writeParquet,
} from 'parquet-wasm';
import { LocalFileIO } from '../local-file-io.js';
import { ParquetSource } from '../parquet-reader.js';
import type { DecodedChunk } from './decode-chunk.js';
import type { ChunkValues } from './plain-values.js';

/**
 * The page reader against parquet-wasm (arrow-rs) decoding the same files: every value
 * of every column, as each writer option combination lays the pages out (codecs, data
 * page v1 and v2, dictionary on and off, small pages that make the dictionary fall
 * back to PLAIN partway through a chunk).
 */
const n = 3000;
const pick = <T>(i: number, every: number, v: T): T | null => (i % every === 0 ? null : v);
const table = new Table({
  i32: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 7, ((i * 7919) % 100) - 50)),
    new Int32(),
  ),
  i64: vectorFromArray(
    Array.from({ length: n }, (_, i) => BigInt(i) * 1_000_000_007n - 99n),
    new Int64(),
  ),
  f32: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 5, i / 8)),
    new Float32(),
  ),
  f64: vectorFromArray(
    Array.from({ length: n }, (_, i) => (i % 10) * 0.1),
    new Float64(),
  ),
  flag: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 11, i % 3 === 0)),
    new Bool(),
  ),
  few: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 13, ['AIR', 'RAIL', 'SHIP'][i % 3]!)),
    new Utf8(),
  ),
  many: vectorFromArray(
    Array.from({ length: n }, (_, i) => `value ${i} ${'é'.repeat(i % 4)}`),
    new Utf8(),
  ),
  day: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 17, new Date(Date.UTC(2020, 0, 1 + (i % 400))))),
    new DateDay(),
  ),
  ts: vectorFromArray(
    Array.from({ length: n }, (_, i) => 1_600_000_000_000 + i * 1000),
    new TimestampMicrosecond('UTC'),
  ),
  bin: vectorFromArray(
    Array.from({ length: n }, (_, i) => pick(i, 3, Uint8Array.of(i & 255, 7))),
    new Binary(),
  ),
});

/** Decimals (precision 12: INT64 in Parquet) built from their words: vectorFromArray takes none. */
function withDecimals(t: Table): Table {
  const words = new Uint32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const u = BigInt.asUintN(128, BigInt(i * 37 - 1000));
    for (let w = 0; w < 4; w++) words[i * 4 + w] = Number((u >> BigInt(32 * w)) & 0xffffffffn);
  }
  const type = new Decimal(2, 12, 128);
  return t.assign(
    new Table({ dec: makeVector(makeData({ type, length: n, nullCount: 0, data: words })) }),
  );
}

const full = withDecimals(table);

interface Layout {
  readonly name: string;
  readonly compression: Compression;
  readonly version: WriterVersion;
  readonly dictionary: boolean;
  readonly pageLimit?: number;
}

const layouts: Layout[] = [
  {
    name: 'snappy, v1, dictionary',
    compression: Compression.SNAPPY,
    version: WriterVersion.V1,
    dictionary: true,
  },
  {
    name: 'snappy, v2, dictionary',
    compression: Compression.SNAPPY,
    version: WriterVersion.V2,
    dictionary: true,
  },
  {
    name: 'uncompressed, v1, plain',
    compression: Compression.UNCOMPRESSED,
    version: WriterVersion.V1,
    dictionary: false,
  },
  {
    name: 'gzip, v1, plain',
    compression: Compression.GZIP,
    version: WriterVersion.V1,
    dictionary: false,
  },
  {
    name: 'brotli, v1, dictionary',
    compression: Compression.BROTLI,
    version: WriterVersion.V1,
    dictionary: true,
  },
  {
    name: 'snappy, v1, dictionary falling back to plain',
    compression: Compression.SNAPPY,
    version: WriterVersion.V1,
    dictionary: true,
    pageLimit: 512,
  },
];

describe('parquet page reader', () => {
  const io = new LocalFileIO();
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-pages-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function written(layout: Layout): Promise<string> {
    let b = new WriterPropertiesBuilder()
      .setCompression(layout.compression)
      .setWriterVersion(layout.version)
      .setDictionaryEnabled(layout.dictionary)
      .setMaxRowGroupSize(1200);
    if (layout.pageLimit !== undefined)
      b = b.setDictionaryPageSizeLimit(layout.pageLimit).setDataPageSizeLimit(layout.pageLimit);
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(full, 'stream')), b.build());
    const path = join(dir, `${layout.name.replace(/\W+/g, '-')}.parquet`);
    await io.writeAtomic(path, bytes);
    return path;
  }

  for (const layout of layouts) {
    it(`reads every value as arrow-rs does: ${layout.name}`, async () => {
      const source = await ParquetSource.open(io, await written(layout));
      try {
        const names = full.schema.fields.map((f) => f.name);
        let forms = new Set<string>();
        for (let rg = 0; rg < source.metadata.rowGroups.length; rg++) {
          const decoded = await source.readColumns(rg, names);
          assert.ok(decoded !== null, 'every column of this file has a page reading');
          const arrowTable = tableFromIPC(
            await source.readIPC({ rowGroups: [rg], columns: names, batchSize: 1 << 20 }),
          );
          names.forEach((name, c) => {
            const chunk = decoded[c]!.chunk;
            forms = forms.add(chunk.form);
            const vector = arrowTable.getChild(name) as Vector;
            assert.deepEqual(chunkTexts(chunk), arrowTexts(vector), `${name}, row group ${rg}`);
          });
        }
        if (layout.dictionary && layout.pageLimit === undefined) assert.ok(forms.has('dictionary'));
        if (!layout.dictionary || layout.pageLimit !== undefined) assert.ok(forms.has('plain'));
      } finally {
        source.close();
      }
    });
  }

  // arrow-rs's v2 writer encodes non-dictionary integers and strings with DELTA_* encodings.
  const wasmOnly: Layout[] = [
    { name: 'zstd', compression: Compression.ZSTD, version: WriterVersion.V1, dictionary: true },
    {
      name: 'delta',
      compression: Compression.SNAPPY,
      version: WriterVersion.V2,
      dictionary: false,
    },
  ];
  for (const layout of wasmOnly) {
    it(`leaves what it does not decode to the wasm reader: ${layout.name}`, async () => {
      const source = await ParquetSource.open(io, await written(layout));
      try {
        assert.equal(await source.readColumns(0, ['i32']), null);
        // The verdict sticks for the file: later row groups go to the wasm reader at once.
        assert.equal(await source.readColumns(1, ['f64']), null);
      } finally {
        source.close();
      }
    });
  }

  it('lets the caller turn a column type down before reading', async () => {
    const source = await ParquetSource.open(io, await written(layouts[0]!));
    try {
      assert.equal(
        await source.readColumns(0, ['i32', 'few'], (leaf) => leaf.hive !== 'string'),
        null,
      );
      assert.ok((await source.readColumns(0, ['i32'], (leaf) => leaf.hive !== 'string')) !== null);
    } finally {
      source.close();
    }
  });
});

/** Each row as text: null, numbers and bigints by String, bytes as hex, decimals unscaled. */
function chunkTexts(chunk: DecodedChunk): (string | null)[] {
  const values = chunk.form === 'plain' ? chunk.values : chunk.dictionary;
  const at = (i: number): number => (chunk.form === 'plain' ? i : chunk.indices[i]!);
  return Array.from({ length: chunk.rows }, (_, i) =>
    chunk.valid !== null && chunk.valid[i] !== 1 ? null : valueText(values, at(i)),
  );
}

function valueText(v: ChunkValues, i: number): string {
  if (v.kind === 'bytes')
    return Buffer.from(v.data.subarray(v.offsets[i], v.offsets[i + 1])).toString('hex');
  if (v.kind === 'boolean') return v.values[i] === 1 ? 'true' : 'false';
  return String(v.values[i]);
}

function arrowTexts(vector: Vector): (string | null)[] {
  const d = vector.data[0] as Data;
  const out: (string | null)[] = [];
  for (let i = 0; i < vector.length; i++) {
    if (!vector.isValid(i)) {
      out.push(null);
      continue;
    }
    switch (d.typeId) {
      case Type.Utf8:
      case Type.Binary: {
        const o = d.valueOffsets as Int32Array;
        out.push(Buffer.from((d.values as Uint8Array).subarray(o[i], o[i + 1])).toString('hex'));
        break;
      }
      case Type.Bool:
        out.push(String(vector.get(i)));
        break;
      case Type.Decimal: {
        const w = d.values as Uint32Array;
        let u = 0n;
        for (let k = 3; k >= 0; k--) u = (u << 32n) | BigInt(w[i * 4 + k]!);
        out.push(String(BigInt.asIntN(128, u)));
        break;
      }
      default:
        out.push(String((d.values as ArrayLike<unknown>)[i]));
    }
  }
  return out;
}
