import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type RecordBatch, Table, type Vector } from 'apache-arrow';
import type { TableRef } from '../catalog/catalog.js';
import { demoOrders } from '../src/cli/demo-data.js';
import { LakeError } from '../src/common/errors.js';
import { planParquetScan } from '../src/formats/parquet/plan-parquet-scan.js';
import type { ScanTask } from '../src/formats/scan-task.js';
import { LocalFileIO } from '../src/storage/local-file-io.js';
import { writeParquetBytes } from '../src/storage/parquet-writer.js';
import { type ScanPool, createScanPool } from './scan-pool.js';

/** Every value of a column as exact text: raw words for decimals, raw integers for dates/timestamps. */
function exactValues(v: Vector | null | undefined): (string | null)[] {
  assert.ok(v, 'column missing');
  const out: (string | null)[] = [];
  for (const data of v.data) {
    const stride = data.stride;
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) out.push(null);
      else if (data.valueOffsets) out.push(String(v.get(out.length)));
      else
        out.push(
          Array.from(
            data.values.subarray((data.offset + i) * stride, (data.offset + i + 1) * stride),
            String,
          ).join(','),
        );
    }
  }
  return out;
}

const live = (): AbortSignal => new AbortController().signal;

async function collect(iter: AsyncIterable<RecordBatch>): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const b of iter) batches.push(b);
  return new Table(batches);
}

describe('scan pool', () => {
  const io = new LocalFileIO();
  const source = demoOrders();
  let dir = '';
  let pool: ScanPool;
  let table: TableRef;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-pool-'));
    await io.writeAtomic(
      join(dir, 'a.parquet'),
      writeParquetBytes(source.slice(0, 300), { rowGroupSize: 100 }),
    );
    await io.writeAtomic(
      join(dir, 'b.parquet'),
      writeParquetBytes(source.slice(300), { compression: 'snappy', rowGroupSize: 100 }),
    );
    await writeFile(join(dir, 'corrupt.bin'), 'definitely not a parquet file');
    table = {
      ident: { namespace: 'ns', name: 'orders' },
      catalog: 'local',
      location: dir,
      format: 'parquet',
      parameters: {},
      columns: [],
      partitionKeys: [],
    };
    pool = createScanPool({ threads: 2 });
  });
  after(async () => {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips every type exactly, in task order, through worker threads', async () => {
    const names = source.schema.fields.map((f) => f.name);
    const tasks = await planParquetScan(table, io, names, pool.readFooters);
    assert.equal(tasks.length, 2);
    const got = await collect(pool.scan(tasks, live()));
    assert.equal(got.numRows, source.numRows);
    for (const field of source.schema.fields) {
      const gotField = got.schema.fields.find((f) => f.name === field.name);
      assert.equal(String(gotField?.type), String(field.type), field.name);
      assert.deepEqual(
        exactValues(got.getChild(field.name)),
        exactValues(source.getChild(field.name)),
        field.name,
      );
    }
  });

  it('returns columns in the asked order and appends partition constants as text', async () => {
    const tasks: ScanTask[] = [
      {
        file: join(dir, 'a.parquet'),
        fileSize: 0,
        rowGroups: [2],
        columns: ['region', 'p', 'order_id'],
        partitionValues: { p: 'x' },
      },
      {
        file: join(dir, 'b.parquet'),
        fileSize: 0,
        rowGroups: [0],
        columns: ['region', 'p', 'order_id'],
        partitionValues: { p: null },
      },
      {
        file: join(dir, 'b.parquet'),
        fileSize: 0,
        rowGroups: [1],
        columns: ['p'],
        partitionValues: { p: 'only' },
      },
    ];
    const real = await Promise.all(
      tasks.map(async (t) => ({ ...t, fileSize: (await io.stat(t.file))!.size })),
    );
    const batches: RecordBatch[] = [];
    for await (const b of pool.scan(real, live())) batches.push(b);
    const first = new Table(batches.filter((b) => b.numCols === 3));
    assert.deepEqual(
      first.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
      ['region:Utf8', 'p:Utf8', 'order_id:Int64'],
    );
    assert.deepEqual(
      exactValues(first.getChild('order_id')),
      exactValues(source.getChild('order_id'))
        .slice(200, 300)
        .concat(exactValues(source.getChild('order_id')).slice(300, 400)),
    );
    assert.deepEqual(exactValues(first.getChild('p')), [
      ...Array<string>(100).fill('x'),
      ...Array<null>(100).fill(null),
    ]);
    const only = batches.filter((b) => b.numCols === 1);
    assert.equal(
      only.reduce((n, b) => n + b.numRows, 0),
      100,
    );
    assert.deepEqual(exactValues(new Table(only).getChild('p')), Array<string>(100).fill('only'));
  });

  it('fails a corrupt file with XX001 as a LakeError, after the batches before it, and keeps working', async () => {
    const good = (await planParquetScan(table, io, ['order_id'], pool.readFooters))[0]!;
    const corrupt: ScanTask = {
      file: join(dir, 'corrupt.bin'),
      fileSize: 29,
      columns: ['order_id'],
      partitionValues: {},
    };
    let rows = 0;
    await assert.rejects(
      (async () => {
        for await (const b of pool.scan([good, corrupt, good], live())) rows += b.numRows;
      })(),
      (err: unknown) => {
        assert.ok(err instanceof LakeError);
        assert.equal(err.sqlstate, 'XX001');
        assert.ok(
          err.message.startsWith(`could not read Parquet file "${corrupt.file}": `),
          err.message,
        );
        return true;
      },
    );
    assert.equal(rows, 300);
    const again = await collect(pool.scan([good], live()));
    assert.equal(again.numRows, 300);
  });

  it('reports a missing file as 58030 and leaves out columns the file lacks', async () => {
    const missing: ScanTask = {
      file: join(dir, 'gone.parquet'),
      fileSize: 100,
      columns: [],
      partitionValues: {},
    };
    await assert.rejects(collect(pool.scan([missing], live())), { sqlstate: '58030' });
    const task = (
      await planParquetScan(table, io, ['added_later', 'order_id'], pool.readFooters)
    )[0]!;
    const got = await collect(pool.scan([task], live()));
    assert.deepEqual(
      got.schema.fields.map((f) => f.name),
      ['order_id'],
    );
    assert.equal(got.numRows, 300);
  });

  it('stops when aborted mid-scan with 57014, and the pool stays usable', async () => {
    const one = (await planParquetScan(table, io, ['order_id', 'status'], pool.readFooters))[0]!;
    const tasks = Array.from({ length: 400 }, () => one);
    const controller = new AbortController();
    let batches = 0;
    const started = Date.now();
    await assert.rejects(
      (async () => {
        for await (const _ of pool.scan(tasks, controller.signal)) {
          if (++batches === 3) controller.abort();
        }
      })(),
      (err: unknown) => {
        assert.ok(err instanceof LakeError);
        assert.equal(err.sqlstate, '57014');
        assert.equal(err.message, 'canceling statement due to user request');
        return true;
      },
    );
    assert.equal(batches, 3);
    assert.ok(Date.now() - started < 5000);
    await assert.rejects(collect(pool.scan(tasks, AbortSignal.abort())), { sqlstate: '57014' });
    const reason = new LakeError('57014', 'canceling statement due to statement timeout');
    await assert.rejects(collect(pool.scan(tasks, AbortSignal.abort(reason))), {
      message: reason.message,
    });
    assert.equal((await collect(pool.scan([one], live()))).numRows, 300);
  });

  it('stops early when the consumer breaks', async () => {
    const one = (await planParquetScan(table, io, ['order_id'], pool.readFooters))[0]!;
    let n = 0;
    for await (const _ of pool.scan(
      Array.from({ length: 100 }, () => one),
      live(),
    )) {
      if (++n === 2) break;
    }
    assert.equal(n, 2);
    assert.equal(pool.size, 2);
  });
});
