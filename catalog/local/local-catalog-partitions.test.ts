import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { LocalFileIO } from '../../src/storage/local-file-io.js';
import type { TableRef } from '../catalog.js';
import { LocalCatalog } from './local-catalog.js';

const def = (name: string, keys: string[]): Omit<TableRef, 'catalog'> => ({
  ident: { namespace: 's', name },
  location: '/data/t',
  format: 'parquet',
  parameters: {},
  columns: [{ name: 'id', type: 'bigint' }],
  partitionKeys: keys.map((k) => ({ name: k, type: 'string' })),
});

describe('LocalCatalog partitions', () => {
  const dirs: string[] = [];
  let cat: LocalCatalog;
  let warehouse = '';
  const t = { namespace: 's', name: 't' };
  beforeEach(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'lakegate-parts-'));
    dirs.push(warehouse);
    cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await cat.createNamespace('s');
  });
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('tracks partitions of partitioned tables only, starting empty', async () => {
    await cat.createTable(def('t', ['y', 'm']));
    await cat.createTable(def('flat', []));
    assert.deepEqual(await cat.listPartitions(t), []);
    assert.equal(await cat.listPartitions({ namespace: 's', name: 'flat' }), null);
    await assert.rejects(cat.listPartitions({ namespace: 's', name: 'nope' }), {
      sqlstate: '42P01',
    });
    // Partitions stay out of the TableRef.
    assert.equal('partitions' in ((await cat.loadTable(t)) ?? {}), false);
  });

  it('adds, lists (Hive order) and drops partitions atomically, persisting them', async () => {
    await cat.createTable(def('t', ['y', 'm']));
    const added = await cat.addPartitions(t, [
      { values: ['2024', '9'], location: '/data/t/y=2024/m=9' },
      { values: ['2024', '10'], location: '/data/t/y=2024/m=10' },
      { values: [null, '1'], location: '/elsewhere' },
    ]);
    assert.equal(added.length, 3);
    const other = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    assert.deepEqual(
      (await other.listPartitions(t))?.map((p) => p.values),
      [
        ['2024', '10'],
        ['2024', '9'],
        [null, '1'],
      ],
    );
    await assert.rejects(cat.addPartitions(t, [{ values: ['2024', '9'], location: '/x' }]), {
      sqlstate: '42710',
      message: 'partition y=2024/m=9 of table "t" already exists',
    });
    // IF NOT EXISTS skips existing ones (keeping their location) and adds the rest.
    const more = await cat.addPartitions(
      t,
      [
        { values: ['2024', '9'], location: '/x' },
        { values: ['2025', '1'], location: '/data/t/y=2025/m=1' },
      ],
      { ifNotExists: true },
    );
    assert.deepEqual(
      more.map((p) => p.values),
      [['2025', '1']],
    );
    assert.equal(
      (await cat.listPartitions(t))?.find((p) => p.values[1] === '9')?.location,
      '/data/t/y=2024/m=9',
    );
    await assert.rejects(cat.addPartitions(t, [{ values: ['1'], location: '/x' }]), {
      sqlstate: '22023',
    });

    const dropped = await cat.dropPartitions(t, [[null, '1']]);
    assert.deepEqual(dropped, [{ values: [null, '1'], location: '/elsewhere' }]);
    await assert.rejects(cat.dropPartitions(t, [[null, '1']]), { sqlstate: '42704' });
    assert.deepEqual(await cat.dropPartitions(t, [[null, '1']], { ifExists: true }), []);
    // A failed change leaves the state untouched: the first partition was not dropped.
    await assert.rejects(
      cat.dropPartitions(t, [
        ['2024', '9'],
        ['no', 'pe'],
      ]),
      { sqlstate: '42704' },
    );
    assert.equal((await cat.listPartitions(t))?.length, 3);
    const file = JSON.parse(
      await readFile(join(warehouse, '_lakegate', 'catalog.json'), 'utf8'),
    ) as {
      namespaces: { tables: { partitions?: unknown[] }[] }[];
    };
    assert.equal(file.namespaces[0]?.tables[0]?.partitions?.length, 3);
  });

  it('starts tracking a legacy partitioned table on its first registration', async () => {
    await cat.createTable(def('t', ['y', 'm']));
    // Simulate an entry written before partitions were tracked.
    const path = join(warehouse, '_lakegate', 'catalog.json');
    const raw = JSON.parse(await readFile(path, 'utf8')) as {
      namespaces: { tables: { partitions?: unknown }[] }[];
    };
    delete raw.namespaces[0]?.tables[0]?.partitions;
    await new LocalFileIO().writeAtomic(path, new TextEncoder().encode(JSON.stringify(raw)));
    assert.equal(await cat.listPartitions(t), null);
    await cat.addPartitions(t, [], { ifNotExists: true });
    assert.deepEqual(await cat.listPartitions(t), []);
  });
});
