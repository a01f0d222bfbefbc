import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Int32, Table, vectorFromArray } from 'apache-arrow';
import type { TableRef } from '../../../catalog/catalog.js';
import { LocalFileIO } from '../../storage/local-file-io.js';
import { writeParquetBytes } from '../../storage/parquet-writer.js';
import { readParquetMetadata } from '../../storage/parquet-reader.js';
import type { FooterReader } from '../scan-task.js';
import { groupRowGroups, planParquetScan } from './plan-parquet-scan.js';

const ints = (from: number, n: number): Table =>
  new Table({
    x: vectorFromArray(
      Array.from({ length: n }, (_, i) => from + i),
      new Int32(),
    ),
  });

function tableAt(location: string): TableRef {
  return {
    ident: { namespace: 'ns', name: 't' },
    catalog: 'local',
    location,
    format: 'parquet',
    parameters: {},
    columns: [{ name: 'x', type: 'int' }],
    partitionKeys: [{ name: 'p', type: 'string' }],
  };
}

describe('planParquetScan', () => {
  const io = new LocalFileIO();
  /** Footers read on this thread: planning's own logic is under test, not the worker pool. */
  const readFooters: FooterReader = (files) =>
    Promise.all(files.map((f) => readParquetMetadata(io, f.path, f.size)));
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'lakegate-plan-'));
    await io.writeAtomic(join(root, 'p=a', 'f1.parquet'), writeParquetBytes(ints(0, 10)));
    await io.writeAtomic(join(root, 'p=b%20c', 'f2.parquet'), writeParquetBytes(ints(10, 5)));
    await io.writeAtomic(
      join(root, 'p=__HIVE_DEFAULT_PARTITION__', 'f3.parquet'),
      writeParquetBytes(ints(15, 3)),
    );
    // A big file of many row groups is split into several tasks.
    await io.writeAtomic(
      join(root, 'p=big', 'f4.parquet'),
      writeParquetBytes(ints(0, 300_000), { rowGroupSize: 50_000 }),
    );
    // Not data: hidden files and directories, other extensions.
    await writeFile(join(root, '_SUCCESS'), '');
    await io.writeAtomic(join(root, '_tmp', 'x.parquet'), new Uint8Array([1, 2, 3]));
    await io.writeAtomic(join(root, '.hidden.parquet'), new Uint8Array([1, 2, 3]));
    await io.writeAtomic(join(root, 'p=a', 'notes.txt'), new Uint8Array([1]));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('plans visible Parquet files with their partition values and row groups', async () => {
    const tasks = await planParquetScan(tableAt(root), io, ['x', 'p'], readFooters);
    const small = tasks.filter((t) => !t.file.includes('p=big'));
    assert.deepEqual(
      small.map((t) => [t.file.slice(root.length + 1), t.rowGroups, t.partitionValues, t.columns]),
      [
        ['p=__HIVE_DEFAULT_PARTITION__/f3.parquet', [0], { p: null }, ['x', 'p']],
        ['p=a/f1.parquet', [0], { p: 'a' }, ['x', 'p']],
        ['p=b%20c/f2.parquet', [0], { p: 'b c' }, ['x', 'p']],
      ],
    );
    for (const t of tasks) assert.ok(t.fileSize > 0);
  });

  it('splits a file of many row groups into runs of consecutive row groups', async () => {
    const big = (await planParquetScan(tableAt(root), io, ['x'], readFooters)).filter((t) =>
      t.file.includes('p=big'),
    );
    assert.deepEqual(
      big.map((t) => t.rowGroups),
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    );
  });

  it('accepts a file:// location and plans nothing for an absent one', async () => {
    const viaUri = await planParquetScan(tableAt(pathToFileURL(root).href), io, ['x'], readFooters);
    assert.equal(viaUri.length, 5);
    assert.deepEqual(
      await planParquetScan(tableAt(join(root, 'nope')), io, ['x'], readFooters),
      [],
    );
  });

  it('reads only registered partitions when the catalog tracks them, with their values', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'lakegate-plan-out-'));
    try {
      await io.writeAtomic(join(outside, 'g.parquet'), writeParquetBytes(ints(0, 2)));
      const partitions = [
        { values: ['a'], location: join(root, 'p=a') },
        { values: ['far'], location: outside },
      ];
      const tasks = await planParquetScan(tableAt(root), io, ['x'], readFooters, { partitions });
      assert.deepEqual(
        tasks.map((t) => [t.file, t.partitionValues]),
        [
          [join(root, 'p=a', 'f1.parquet'), { p: 'a' }],
          [join(outside, 'g.parquet'), { p: 'far' }],
        ],
      );
      assert.deepEqual(
        await planParquetScan(tableAt(root), io, ['x'], readFooters, { partitions: [] }),
        [],
      );
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('skips pruned row groups, splitting runs around them', () => {
    const rg = { numRows: 10, compressedSize: 1, columnSizes: [], statistics: [] };
    const footer = { rowGroups: [rg, rg, rg, { ...rg, numRows: 0 }, rg] };
    assert.deepEqual(
      groupRowGroups(footer, (i) => i !== 1),
      [[0], [2, 4]],
    );
  });

  it('fails with XX001 when a data file is not Parquet', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'lakegate-plan-bad-'));
    try {
      await writeFile(join(bad, 'broken.parquet'), 'not parquet');
      await assert.rejects(planParquetScan(tableAt(bad), io, ['x'], readFooters), {
        sqlstate: 'XX001',
      });
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
