import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { LakeError } from '../../src/common/errors.js';
import { LocalFileIO } from '../../src/storage/local-file-io.js';
import type { TableRef } from '../catalog.js';
import { LocalCatalog } from './local-catalog.js';

const def = (
  namespace: string,
  name: string,
  metadataLocation?: string,
): Omit<TableRef, 'catalog'> => ({
  ident: { namespace, name },
  location: '',
  format: 'iceberg',
  ...(metadataLocation === undefined ? {} : { metadataLocation }),
  parameters: { owner: 'test' },
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'amount', type: 'decimal(10,2)' },
  ],
  partitionKeys: [{ name: 'day', type: 'date' }],
});

function rejectsWith(sqlstate: string, message: string) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof LakeError, String(err));
    assert.equal(err.sqlstate, sqlstate);
    assert.equal(err.message, message);
    return true;
  };
}

describe('LocalCatalog', () => {
  const dirs: string[] = [];
  let warehouse = '';
  beforeEach(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'lakegate-catalog-'));
    dirs.push(warehouse);
  });
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('creates, lists, loads and drops namespaces and tables', async () => {
    const cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    assert.deepEqual(await cat.listNamespaces(), []);
    await cat.createNamespace('sales');
    await cat.createNamespace('hr');
    await cat.createNamespace('hr', { ifNotExists: true });
    assert.deepEqual(await cat.listNamespaces(), ['hr', 'sales']);
    assert.equal(await cat.namespaceExists('sales'), true);
    assert.equal(await cat.namespaceExists('nope'), false);

    const created = await cat.createTable(def('sales', 'orders', 'm0.json'));
    assert.equal(created.catalog, 'local');
    assert.equal(created.location, join(warehouse, 'sales.db', 'orders'));
    assert.deepEqual(await cat.loadTable({ namespace: 'sales', name: 'orders' }), created);
    assert.equal(await cat.loadTable({ namespace: 'sales', name: 'nope' }), null);
    assert.equal(await cat.loadTable({ namespace: 'nope', name: 'orders' }), null);
    await cat.createTable({
      ...def('sales', 'archive'),
      location: '/data/elsewhere',
      format: 'parquet',
    });
    assert.deepEqual(await cat.listTables('sales'), [
      { namespace: 'sales', name: 'archive' },
      { namespace: 'sales', name: 'orders' },
    ]);
    assert.equal(
      (await cat.loadTable({ namespace: 'sales', name: 'archive' }))?.location,
      '/data/elsewhere',
    );

    await cat.dropTable({ namespace: 'sales', name: 'archive' });
    await cat.dropTable({ namespace: 'sales', name: 'archive' }, { ifExists: true });
    assert.deepEqual(await cat.listTables('sales'), [{ namespace: 'sales', name: 'orders' }]);
    await cat.dropNamespace('hr');
    await cat.dropNamespace('sales', { cascade: true });
    await cat.dropNamespace('sales', { ifExists: true });
    assert.deepEqual(await cat.listNamespaces(), []);
  });

  it('raises PostgreSQL errors with their SQLSTATEs', async () => {
    const cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await cat.createNamespace('s');
    await cat.createTable(def('s', 't'));
    await assert.rejects(
      cat.createNamespace('s'),
      rejectsWith('42P06', 'schema "s" already exists'),
    );
    await assert.rejects(cat.dropNamespace('x'), rejectsWith('3F000', 'schema "x" does not exist'));
    await assert.rejects(cat.listTables('x'), rejectsWith('3F000', 'schema "x" does not exist'));
    await assert.rejects(
      cat.createTable(def('x', 't')),
      rejectsWith('3F000', 'schema "x" does not exist'),
    );
    await assert.rejects(
      cat.createTable(def('s', 't')),
      rejectsWith('42P07', 'relation "t" already exists'),
    );
    await assert.rejects(
      cat.dropTable({ namespace: 's', name: 'nope' }),
      rejectsWith('42P01', 'table "nope" does not exist'),
    );
    await assert.rejects(cat.dropNamespace('s'), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.sqlstate, '2BP01');
      assert.equal(err.message, 'cannot drop schema s because other objects depend on it');
      assert.equal(err.detail, 'table s.t depends on schema s');
      assert.equal(err.hint, 'Use DROP ... CASCADE to drop the dependent objects too.');
      return true;
    });
    await assert.rejects(cat.createNamespace('../etc'), { sqlstate: '42602' });
    await assert.rejects(cat.createTable(def('s', 'a/b')), { sqlstate: '42602' });
  });

  it('swaps the metadata pointer only from the expected location', async () => {
    const cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await cat.createNamespace('s');
    await cat.createTable(def('s', 't', 'm0.json'));
    const ident = { namespace: 's', name: 't' };
    const next = await cat.commitTable(ident, 'm0.json', 'm1.json', {
      previous_metadata_location: 'm0.json',
    });
    assert.equal(next.metadataLocation, 'm1.json');
    assert.deepEqual(next.parameters, { owner: 'test', previous_metadata_location: 'm0.json' });
    await assert.rejects(cat.commitTable(ident, 'm0.json', 'm2.json'), (err: unknown) => {
      assert.ok(err instanceof LakeError);
      assert.equal(err.sqlstate, '40001');
      assert.equal(err.retryable, true);
      return true;
    });
    await assert.rejects(cat.commitTable({ namespace: 's', name: 'nope' }, undefined, 'x'), {
      sqlstate: '42P01',
    });
    assert.equal((await cat.loadTable(ident))?.metadataLocation, 'm1.json');
  });

  it('lets exactly one of two catalogs on one warehouse win a concurrent commit', async () => {
    const a = new LocalCatalog({ name: 'a', warehouse, io: new LocalFileIO() });
    const b = new LocalCatalog({ name: 'b', warehouse, io: new LocalFileIO() });
    await a.createNamespace('s');
    await a.createTable(def('s', 't', 'm0.json'));
    const ident = { namespace: 's', name: 't' };
    for (let round = 0; round < 10; round++) {
      const expected = (await a.loadTable(ident))?.metadataLocation;
      const results = await Promise.allSettled([
        a.commitTable(ident, expected, `a${round}.json`),
        b.commitTable(ident, expected, `b${round}.json`),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.equal((lost[0]?.reason as LakeError).sqlstate, '40001');
      const winner = (won[0] as PromiseFulfilledResult<TableRef>).value.metadataLocation;
      assert.equal((await b.loadTable(ident))?.metadataLocation, winner);
    }
  });

  it('keeps its state across re-opening, and sees changes made by another instance', async () => {
    const a = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await a.createNamespace('s');
    await a.createTable(def('s', 't', 'm0.json'));
    const b = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    assert.deepEqual(
      await b.loadTable({ namespace: 's', name: 't' }),
      await a.loadTable({ namespace: 's', name: 't' }),
    );
    await b.createTable(def('s', 'u'));
    assert.equal((await a.listTables('s')).length, 2);
    const state = JSON.parse(await readFile(join(warehouse, '_lakegate', 'catalog.json'), 'utf8'));
    assert.equal(state.version, 3);
  });

  it('reports a corrupt catalog file as XX001', async () => {
    const cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await cat.createNamespace('s');
    await writeFile(join(warehouse, '_lakegate', 'catalog.json'), '{ not json');
    await assert.rejects(cat.listNamespaces(), { sqlstate: 'XX001' });
  });

  it('purges a managed table’s files on DROP ... PURGE, never an external location', async () => {
    const io = new LocalFileIO();
    const outside = await mkdtemp(join(tmpdir(), 'lakegate-external-'));
    dirs.push(outside);
    const cat = new LocalCatalog({ name: 'local', warehouse, io });
    await cat.createNamespace('s');
    const managed = await cat.createTable(def('s', 'm'));
    await cat.createTable({ ...def('s', 'e'), location: outside });
    await io.writeAtomic(join(managed.location, 'data', 'f.parquet'), new Uint8Array([1]));
    await io.writeAtomic(join(outside, 'f.parquet'), new Uint8Array([1]));
    await cat.dropTable({ namespace: 's', name: 'm' }, { purge: true });
    await cat.dropTable({ namespace: 's', name: 'e' }, { purge: true });
    assert.deepEqual(await io.list(managed.location, { recursive: true }), []);
    assert.equal((await io.list(outside)).length, 1);
  });

  it('serialises commits from several processes sharing the warehouse', async () => {
    const cat = new LocalCatalog({ name: 'local', warehouse, io: new LocalFileIO() });
    await cat.createNamespace('s');
    await cat.createTable(def('s', 'counter', '0'));
    const moduleUrl = new URL('./local-catalog.js', import.meta.url).href;
    const ioUrl = new URL('../../src/storage/local-file-io.js', import.meta.url).href;
    // Each process increments the pointer 15 times with CAS-and-retry; lost updates would show.
    const script = `
      const { LocalCatalog } = await import(${JSON.stringify(moduleUrl)});
      const { LocalFileIO } = await import(${JSON.stringify(ioUrl)});
      const cat = new LocalCatalog({ name: 'local', warehouse: process.argv[1], io: new LocalFileIO() });
      const ident = { namespace: 's', name: 'counter' };
      for (let done = 0; done < 15; ) {
        const cur = (await cat.loadTable(ident)).metadataLocation;
        try { await cat.commitTable(ident, cur, String(Number(cur) + 1)); done++; }
        catch (e) { if (e.sqlstate !== '40001') throw e; }
      }`;
    const runs = Array.from({ length: 4 }, () => runNode(script, warehouse));
    assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0]);
    assert.equal(
      (await cat.loadTable({ namespace: 's', name: 'counter' }))?.metadataLocation,
      '60',
    );
  });
});

function runNode(script: string, arg: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, arg], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}
