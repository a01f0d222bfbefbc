import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Int32, Int64, Table, Utf8, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { LakeError } from '../common/errors.js';
import { LocalFileIO } from './local-file-io.js';
import { ParquetSource, readParquetMetadata } from './parquet-reader.js';
import { writeParquetBytes } from './parquet-writer.js';

describe('parquet reader and writer', () => {
  const io = new LocalFileIO();
  let dir = '';
  const n = 1000;
  const table = new Table({
    id: vectorFromArray(
      Array.from({ length: n }, (_, i) => BigInt(i)),
      new Int64(),
    ),
    v: vectorFromArray(
      Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i * 3)),
      new Int32(),
    ),
    s: vectorFromArray(
      Array.from({ length: n }, (_, i) => `row-${i}`),
      new Utf8(),
    ),
  });
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-parquet-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const compression of ['zstd', 'snappy', 'uncompressed'] as const) {
    it(`round-trips with ${compression}, reading only the asked row groups and columns`, async () => {
      const p = join(dir, `t-${compression}.parquet`);
      await io.writeAtomic(p, writeParquetBytes(table, { compression, rowGroupSize: 300 }));
      const meta = await readParquetMetadata(io, p);
      assert.equal(meta.numRows, n);
      assert.deepEqual(
        meta.rowGroups.map((rg) => rg.numRows),
        [300, 300, 300, 100],
      );
      assert.deepEqual(
        meta.schema.fields.map((f) => f.name),
        ['id', 'v', 's'],
      );
      const source = await ParquetSource.open(io, p);
      try {
        const got = tableFromIPC(await source.readIPC({ rowGroups: [1, 3], columns: ['s', 'v'] }));
        assert.deepEqual(
          got.schema.fields.map((f) => f.name),
          ['v', 's'],
        );
        const expected = [...range(300, 600), ...range(900, 1000)];
        assert.deepEqual(
          got.getChild('s')?.toArray(),
          expected.map((i) => `row-${i}`),
        );
        assert.deepEqual(
          [...(got.getChild('v') ?? [])],
          expected.map((i) => (i % 7 === 0 ? null : i * 3)),
        );
      } finally {
        source.close();
      }
    });
  }

  it('reports a corrupt file as XX001 naming the file', async () => {
    const p = join(dir, 'corrupt.parquet');
    await writeFile(p, new TextEncoder().encode('this is not parquet at all, just text bytes'));
    await assert.rejects(readParquetMetadata(io, p), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.sqlstate, 'XX001');
      assert.ok(err.message.startsWith(`could not read Parquet file "${p}": `), err.message);
      return true;
    });
  });

  it('reports a missing file as 58030', async () => {
    const p = join(dir, 'missing.parquet');
    await assert.rejects(readParquetMetadata(io, p), { sqlstate: '58030' });
    // With a stale size (file deleted after planning), the read itself fails as I/O.
    await assert.rejects(readParquetMetadata(io, p, 1234), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.sqlstate, '58030');
      assert.equal(err.message, `could not read file "${p}": No such file or directory`);
      return true;
    });
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
