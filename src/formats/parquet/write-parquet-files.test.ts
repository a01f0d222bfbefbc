import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tableFromIPC } from 'apache-arrow';
import type { TableRef } from '../../../catalog/catalog.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { LocalFileIO } from '../../storage/local-file-io.js';
import { ParquetSource, readParquetMetadata } from '../../storage/parquet-reader.js';
import type { FooterReader } from '../scan-task.js';
import { discoverPartitions } from './discover-partitions.js';
import { planParquetScan } from './plan-parquet-scan.js';
import { writeParquetFiles } from './write-parquet-files.js';

describe('writeParquetFiles', () => {
  const io = new LocalFileIO();
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'lakegate-write-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const batch = (ids: number[], regions: (string | null)[], days: number[]) => ({
    names: ['id', 'region', 'day'],
    types: [Types.int8, Types.text, Types.date],
    columns: [ids.map((i) => BigInt(i)), regions, days] as SqlValue[][],
    rowCount: ids.length,
  });

  it('writes one file per partition value set, Hive-escaped, readable back with its values', async () => {
    const location = join(root, 't');
    const result = await writeParquetFiles({
      io,
      location,
      partitionKeys: ['region', 'day'],
      batches: [
        batch([1, 2, 3], ['eu/west', 'us', null], [19000, 19000, 19001]),
        batch([4, 5], ['us', ''], [19000, 19001]),
      ],
    });
    assert.deepEqual(
      result.files.map((f) => [
        f.path.slice(location.length + 1).replace(/part-[0-9a-f-]{36}/, 'part-*'),
        f.rowCount,
        f.partitionValues,
      ]),
      [
        ['region=eu%2Fwest/day=2022-01-08/part-*.parquet', 1, ['eu/west', '2022-01-08']],
        ['region=us/day=2022-01-08/part-*.parquet', 2, ['us', '2022-01-08']],
        [
          'region=__HIVE_DEFAULT_PARTITION__/day=2022-01-09/part-*.parquet',
          2,
          [null, '2022-01-09'],
        ],
      ],
    );
    assert.equal(result.partitions.length, 3);
    // Discovery finds exactly the partitions written; scans read back the rows.
    const table: TableRef = {
      ident: { namespace: 'n', name: 't' },
      catalog: 'local',
      location,
      format: 'parquet',
      parameters: {},
      columns: [{ name: 'id', type: 'bigint' }],
      partitionKeys: [
        { name: 'region', type: 'string' },
        { name: 'day', type: 'date' },
      ],
    };
    assert.deepEqual(
      (await discoverPartitions(table, io)).map((p) => [p.values, p.location]),
      result.partitions
        .map((p) => [p.values, p.location])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const readFooters: FooterReader = (files) =>
      Promise.all(files.map((f) => readParquetMetadata(io, f.path, f.size)));
    const tasks = await planParquetScan(table, io, ['id'], readFooters);
    const seen: [string, unknown][] = [];
    for (const t of tasks) {
      const source = await ParquetSource.open(io, t.file, t.fileSize);
      const rows = tableFromIPC(await source.readIPC({ columns: ['id'] }));
      source.close();
      assert.deepEqual(
        rows.schema.fields.map((f) => f.name),
        ['id'],
        'partition columns are not stored in files',
      );
      for (const v of rows.getChild('id')?.toArray() ?? [])
        seen.push([String(v), t.partitionValues]);
    }
    assert.deepEqual(seen.sort(), [
      ['1', { region: 'eu/west', day: '2022-01-08' }],
      ['2', { region: 'us', day: '2022-01-08' }],
      ['3', { region: null, day: '2022-01-09' }],
      ['4', { region: 'us', day: '2022-01-08' }],
      ['5', { region: null, day: '2022-01-09' }],
    ]);
  });

  it('splits a partition into several files at the target size, names never colliding', async () => {
    const location = join(root, 'u');
    const ids = Array.from({ length: 25 }, (_, i) => i);
    const write = () =>
      writeParquetFiles({
        io,
        location,
        partitionKeys: [],
        batches: [
          batch(
            ids,
            ids.map(() => 'x'),
            ids.map(() => 0),
          ),
        ],
        targetFileRows: 10,
      });
    const [a, b] = await Promise.all([write(), write()]);
    const files = [...(a?.files ?? []), ...(b?.files ?? [])];
    assert.deepEqual(
      files.map((f) => f.rowCount),
      [10, 10, 5, 10, 10, 5],
    );
    assert.equal(new Set(files.map((f) => f.path)).size, 6);
    assert.deepEqual(a?.partitions, [{ values: [], location }]);
    const meta = await readParquetMetadata(io, files[0]?.path ?? '');
    assert.deepEqual(
      meta.columns.map((c) => c.type),
      ['bigint', 'string', 'date'],
    );
  });
});
