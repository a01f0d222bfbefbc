import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalCatalog } from '../../catalog/local/local-catalog.js';
import { readParquetMetadata } from '../storage/parquet-reader.js';
import { planParquetScan } from '../formats/parquet/plan-parquet-scan.js';
import { LocalFileIO } from '../storage/local-file-io.js';
import { ParquetSource } from '../storage/parquet-reader.js';
import { DEMO_COLUMNS, DEMO_ROWS, DEMO_TABLE, demoOrders, ensureDemoData } from './demo-data.js';

describe('ensureDemoData', () => {
  const io = new LocalFileIO();
  let warehouse = '';
  before(async () => {
    warehouse = await mkdtemp(join(tmpdir(), 'lakegate-demo-'));
  });
  after(async () => {
    await rm(warehouse, { recursive: true, force: true });
  });

  it('creates sample.orders once, as two Parquet files recorded with Spark types', async () => {
    const catalog = new LocalCatalog({ name: 'local', warehouse, io });
    assert.deepEqual(await ensureDemoData(catalog, io, warehouse), { created: true });
    assert.deepEqual(await ensureDemoData(catalog, io, warehouse), { created: false });
    const ref = await catalog.loadTable(DEMO_TABLE);
    assert.ok(ref);
    assert.equal(ref.format, 'parquet');
    assert.equal(ref.location, join(warehouse, 'sample.db', 'orders'));
    assert.deepEqual(ref.columns, DEMO_COLUMNS);
    const tasks = await planParquetScan(
      ref,
      io,
      DEMO_COLUMNS.map((c) => c.name),
      (files) => Promise.all(files.map((f) => readParquetMetadata(io, f.path, f.size))),
    );
    assert.equal(tasks.length, 2);
    let rows = 0;
    for (const t of tasks) {
      const source = await ParquetSource.open(io, t.file, t.fileSize);
      rows += source.metadata.numRows;
      assert.deepEqual(
        source.metadata.schema.fields.map((f) => f.name),
        DEMO_COLUMNS.map((c) => c.name),
      );
      source.close();
    }
    assert.equal(rows, DEMO_ROWS);
  });

  it('generates the same plausible rows every time', () => {
    const a = demoOrders();
    const b = demoOrders();
    assert.equal(a.numRows, DEMO_ROWS);
    for (const f of a.schema.fields) {
      assert.deepEqual(
        a.getChild(f.name)?.data[0]?.values,
        b.getChild(f.name)?.data[0]?.values,
        f.name,
      );
    }
    const ids = a.getChild('order_id')!.toArray() as BigInt64Array;
    assert.equal(new Set(ids).size, DEMO_ROWS);
    const qty = [...(a.getChild('quantity')!.toArray() as Int32Array)];
    assert.ok(qty.every((q) => q >= 1 && q <= 10));
    const statuses = new Set(a.getChild('status')!.toArray() as string[]);
    assert.ok(statuses.size >= 4);
    const regions = [...a.getChild('region')!];
    assert.ok(regions.some((r) => r === null) && regions.some((r) => r === 'north'));
  });
});
