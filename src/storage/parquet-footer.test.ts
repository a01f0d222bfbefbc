import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DateDay,
  Decimal,
  Int32,
  Int64,
  List,
  Field,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { writeDecimal128 } from '../common/values/decimal128.js';
import { LocalFileIO } from './local-file-io.js';
import { readParquetMetadata } from './parquet-reader.js';
import { writeParquetBytes } from './parquet-writer.js';

const FIXTURES = '/work/shared/fixtures/delta-kernel-rs/kernel/tests/golden_data';

function decimalVector(values: (string | null)[], scale: number, precision: number) {
  const words = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    if (v !== null) writeDecimal128(words, i, v, scale);
  });
  return vectorFromArray(
    values.map((v, i) => (v === null ? null : words.subarray(i * 4, i * 4 + 4))),
    new Decimal(scale, precision, 128),
  );
}

describe('Parquet footer statistics and schema', () => {
  const io = new LocalFileIO();
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lakegate-footer-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the Hive types and per-row-group min/max/null counts our writer records', async () => {
    const n = 10;
    const ids = Array.from({ length: n }, (_, i) => (i === 3 ? null : (i * 7) % 10));
    const big = Array.from({ length: n }, (_, i) => BigInt(i) * 1_000_000_000_000n - 5n);
    const names = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? null : `name-${9 - i}`));
    const days = Array.from({ length: n }, (_, i) => 19000 + i);
    const ts = Array.from({ length: n }, (_, i) => BigInt(i) * 3_600_000_000n);
    const amounts = Array.from({ length: n }, (_, i) => (i === 0 ? null : `${i * 3 - 10}.25`));
    const table = new Table({
      id: vectorFromArray(ids, new Int32()),
      big: vectorFromArray(big, new Int64()),
      name: vectorFromArray(names, new Utf8()),
      day: vectorFromArray(
        days.map((d) => new Date(d * 86_400_000)),
        new DateDay(),
      ),
      ts: vectorFromArray(
        ts.map((t) => Number(t / 1000n)),
        new TimestampMicrosecond(),
      ),
      amount: decimalVector(amounts, 2, 9),
      tags: vectorFromArray(
        ids.map((i) => [i ?? 0]),
        new List(new Field('item', new Int32(), true)),
      ),
      s: vectorFromArray(
        ids.map((i) => ({ a: i })),
        new Struct([new Field('a', new Int32(), true)]),
      ),
    });
    const path = join(dir, 'stats.parquet');
    await writeFile(path, writeParquetBytes(table, { rowGroupSize: 4 }));
    const meta = await readParquetMetadata(io, path);

    assert.deepEqual(meta.columns, [
      { name: 'id', type: 'int' },
      { name: 'big', type: 'bigint' },
      { name: 'name', type: 'string' },
      { name: 'day', type: 'date' },
      { name: 'ts', type: 'timestamp_ntz' },
      { name: 'amount', type: 'decimal(9,2)' },
      { name: 'tags', type: 'array<int>' },
      { name: 's', type: 'struct<a:int>' },
    ]);
    assert.deepEqual(
      meta.rowGroups.map((rg) => rg.numRows),
      [4, 4, 2],
    );
    meta.rowGroups.forEach((rg, g) => {
      const slice = <T>(xs: T[]): T[] => xs.slice(g * 4, g * 4 + 4);
      const expect = <T>(xs: (T | null)[], cmp: (a: T, b: T) => number) => {
        const present = slice(xs).filter((x): x is T => x !== null);
        const sorted = [...present].sort(cmp);
        return {
          min: sorted[0] ?? null,
          max: sorted[sorted.length - 1] ?? null,
          nullCount: slice(xs).length - present.length,
        };
      };
      const num = (a: number, b: number) => a - b;
      const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
      const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const dec = (a: string, b: string) => Number(a) - Number(b);
      const pick = (i: number) => {
        const s = rg.statistics[i];
        assert.ok(s, `statistics of column ${i}`);
        return { min: s.min, max: s.max, nullCount: s.nullCount };
      };
      assert.deepEqual(pick(0), expect(ids, num));
      assert.deepEqual(pick(1), expect(big, cmpBig));
      assert.deepEqual(pick(2), expect(names, str));
      assert.deepEqual(pick(3), expect(days, num));
      assert.deepEqual(pick(4), expect(ts, cmpBig));
      assert.deepEqual(pick(5), expect(amounts, dec));
      assert.equal(rg.statistics[6], null, 'nested columns carry no statistics');
      assert.equal(rg.statistics[7], null);
      assert.equal(rg.statistics[0]?.numValues, rg.numRows);
    });
  });

  it('agrees with the statistics Delta recorded for a Spark-written file', async (t) => {
    const archive = join(FIXTURES, 'parquet-all-types.tar.zst');
    if (!existsSync(archive)) return t.skip('reference fixture not present');
    const out = await mkdtemp(join(tmpdir(), 'lakegate-fixture-'));
    try {
      execFileSync('sh', ['-c', `zstd -dc '${archive}' | tar x -C '${out}'`]);
      const table = join(out, 'parquet-all-types', 'delta');
      const log = readFileSync(join(table, '_delta_log', '00000000000000000000.json'), 'utf8');
      const add = log
        .split('\n')
        .filter((l) => l.includes('"add"'))
        .map((l) => (JSON.parse(l) as { add: { path: string; stats: string } }).add)[0];
      assert.ok(add);
      const stats = JSON.parse(add.stats) as {
        numRecords: number;
        minValues: Record<string, unknown>;
        maxValues: Record<string, unknown>;
        nullCount: Record<string, number>;
      };
      const file = readdirSync(table).find((f) => f === add.path);
      assert.ok(file);
      const meta = await readParquetMetadata(io, join(table, file));
      assert.equal(meta.numRows, stats.numRecords);
      const col = (name: string) => meta.columns.findIndex((c) => c.name === name);
      const at = (name: string) => meta.rowGroups[0]?.statistics[col(name)];
      // Delta writes JSON numbers and ISO dates; ours are SqlValues of the Hive type.
      const asDays = (iso: unknown) => Date.parse(`${String(iso)}T00:00:00Z`) / 86_400_000;
      for (const name of ['ByteType', 'ShortType', 'IntegerType']) {
        assert.equal(at(name)?.min, stats.minValues[name]);
        assert.equal(at(name)?.max, stats.maxValues[name]);
      }
      assert.equal(at('LongType')?.min, BigInt(stats.minValues.LongType as number));
      assert.equal(at('decimal')?.max, String(stats.maxValues.decimal));
      assert.equal(at('StringType')?.max, stats.maxValues.StringType);
      assert.equal(at('DateType')?.min, asDays(stats.minValues.DateType));
      assert.equal(at('DateType')?.max, asDays(stats.maxValues.DateType));
      for (const [name, nulls] of Object.entries(stats.nullCount)) {
        const s = at(name);
        if (s) assert.equal(s.nullCount, nulls, name);
      }
      // INT96 timestamps have no defined statistics order (PARQUET-1065).
      assert.equal(at('TimestampType')?.min, null);
      assert.equal(meta.columns[col('map_of_rows')]?.type, 'map<int,struct<ab:bigint>>');
      assert.equal(meta.columns[col('array_of_arrays')]?.type, 'array<array<int>>');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('fails with XX001 when the footer is damaged', async () => {
    const good = writeParquetBytes(new Table({ x: vectorFromArray([1, 2], new Int32()) }));
    const bad = good.slice();
    // Keep the magic and length; scramble the Thrift bytes of the footer.
    const len = new DataView(bad.buffer).getUint32(bad.length - 8, true);
    bad.fill(0xff, bad.length - 8 - len, bad.length - 8);
    const path = join(dir, 'bad.parquet');
    await writeFile(path, bad);
    await assert.rejects(readParquetMetadata(io, path), { sqlstate: 'XX001' });
  });
});
