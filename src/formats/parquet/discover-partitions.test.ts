import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TableRef } from '../../../catalog/catalog.js';
import { LocalFileIO } from '../../storage/local-file-io.js';
import {
  discoverPartitions,
  partitionLocation,
  planPartitionRepair,
  showPartitions,
} from './discover-partitions.js';
import { escapePathName } from './hive-partition-path.js';

const FIXTURES = '/work/shared/fixtures/delta-kernel-rs/kernel/tests/golden_data';

const tableAt = (location: string, keys: string[]): TableRef => ({
  ident: { namespace: 'ns', name: 't' },
  catalog: 'local',
  location,
  format: 'parquet',
  parameters: {},
  columns: [{ name: 'x', type: 'int' }],
  partitionKeys: keys.map((name) => ({ name, type: 'string' })),
});

describe('Hive partition discovery', () => {
  const io = new LocalFileIO();
  const data = new Uint8Array([1]);
  let root = '';
  let outside = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'lakegate-discover-'));
    outside = await mkdtemp(join(tmpdir(), 'lakegate-outside-'));
    for (const dir of ['p=a/q=1', 'p=a/q=2/sub', 'P=__HIVE_DEFAULT_PARTITION__/q=1', 'p=c%2Fd/q=3'])
      await io.writeAtomic(join(root, dir, 'f.parquet'), data);
    await io.writeAtomic(join(root, 'p=b', 'shallow.parquet'), data); // one level only
    await io.writeAtomic(join(root, 'other=x', 'q=1', 'f.parquet'), data); // wrong key
    await io.writeAtomic(join(root, 'p=e', 'q=1', '_SUCCESS'), data); // hidden only
    await io.writeAtomic(join(root, '_tmp', 'p=f', 'q=1', 'f.parquet'), data); // hidden dir
    await io.writeAtomic(join(outside, 'f.parquet'), data);
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('finds key=value directories for the partition keys in order, unescaped', async () => {
    const found = await discoverPartitions(tableAt(root, ['p', 'q']), io);
    assert.deepEqual(
      found.map((p) => [p.values, p.location.slice(root.length + 1)]),
      [
        [[null, '1'], 'P=__HIVE_DEFAULT_PARTITION__/q=1'],
        [['a', '1'], 'p=a/q=1'],
        [['a', '2'], 'p=a/q=2'],
        [['c/d', '3'], 'p=c%2Fd/q=3'],
      ],
    );
    assert.deepEqual(await discoverPartitions(tableAt(root, []), io), []);
  });

  it('plans MSCK REPAIR: ADD new directories, DROP registered ones that are gone, SYNC both', async () => {
    const table = tableAt(root, ['p', 'q']);
    const registered = [
      { values: ['a', '1'], location: join(root, 'p=a/q=1') },
      { values: ['gone', '1'], location: join(root, 'p=gone/q=1') },
      { values: ['far', '1'], location: outside },
    ];
    const add = await planPartitionRepair(table, io, registered, 'add');
    assert.deepEqual(
      add.add.map((p) => p.values),
      [
        [null, '1'],
        ['a', '2'],
        ['c/d', '3'],
      ],
    );
    assert.deepEqual(add.drop, []);
    const drop = await planPartitionRepair(table, io, registered, 'drop');
    assert.deepEqual(drop.add, []);
    assert.deepEqual(
      drop.drop.map((p) => p.values),
      [['gone', '1']],
    );
    const sync = await planPartitionRepair(table, io, registered, 'sync');
    assert.equal(sync.add.length, 3);
    assert.equal(sync.drop.length, 1);
  });

  it('prints SHOW PARTITIONS lines as Spark does, escaped and filtered by a partial spec', () => {
    const table = tableAt(root, ['p', 'q']);
    const parts = [
      { values: ['a', '2'], location: '' },
      { values: ['c/d', null], location: '' },
      { values: ['a', '1'], location: '' },
    ];
    assert.deepEqual(showPartitions(table, parts), [
      'p=a/q=1',
      'p=a/q=2',
      'p=c%2Fd/q=__HIVE_DEFAULT_PARTITION__',
    ]);
    assert.deepEqual(showPartitions(table, parts, { P: 'a' }), ['p=a/q=1', 'p=a/q=2']);
    assert.deepEqual(showPartitions(table, parts, { q: null }), [
      'p=c%2Fd/q=__HIVE_DEFAULT_PARTITION__',
    ]);
    assert.equal(
      partitionLocation(table, ['x=y', '']),
      `${root}/p=x%3Dy/q=__HIVE_DEFAULT_PARTITION__`,
    );
  });

  it('reads the partition directories Spark wrote, special characters included', async (t) => {
    const archive = join(FIXTURES, 'hive.tar.zst');
    if (!existsSync(archive)) return t.skip('reference fixture not present');
    const out = await mkdtemp(join(tmpdir(), 'lakegate-fixture-'));
    try {
      execFileSync('sh', ['-c', `zstd -dc '${archive}' | tar x -C '${out}'`]);
      for (const name of [
        'deltatbl-special-chars-in-partition-column',
        'deltatbl-partition-prune',
      ]) {
        const location = join(out, 'hive', 'delta', name);
        // Delta's log records each file's partition values as Spark saw them.
        const log = readFileSync(join(location, '_delta_log', '00000000000000000000.json'), 'utf8');
        const adds = log
          .split('\n')
          .filter((l) => l.includes('"add"'))
          .map((l) => (JSON.parse(l) as { add: { partitionValues: Record<string, string> } }).add);
        const keys = Object.keys(adds[0]?.partitionValues ?? {});
        const expected = [
          ...new Set(adds.map((a) => JSON.stringify(keys.map((k) => a.partitionValues[k])))),
        ];
        const found = await discoverPartitions(tableAt(location, keys), io);
        assert.deepEqual(found.map((p) => JSON.stringify(p.values)).sort(), expected.sort(), name);
        // Our escaping writes the directory names Spark wrote.
        for (const p of found)
          assert.equal(
            `${location}/${showPartitions(tableAt(location, keys), [p])[0]}`,
            p.location,
          );
      }
      assert.equal(escapePathName('+ =%0'), '+ %3D%250');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
