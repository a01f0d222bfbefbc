import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Decimal, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { TableRef } from '../../../catalog/catalog.js';
import { type BoundExpr, call, constant, ref } from '../../../planner/plan/bound-expr.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { writeDecimal128 } from '../../common/values/decimal128.js';
import { LocalFileIO } from '../../storage/local-file-io.js';
import { readParquetMetadata } from '../../storage/parquet-reader.js';
import { writeParquetBytes } from '../../storage/parquet-writer.js';
import type { FooterReader } from '../scan-task.js';
import { footerExtreme, footerRowCount } from './footer-aggregates.js';
import { type PlannedParquetFile, planParquetFiles } from './plan-parquet-scan.js';
import { pruneParquet } from './prune-parquet.js';

interface Row {
  id: number;
  name: string;
  amount: string | null;
  p: number | null;
}

const ROWS_PER_GROUP = 10;
const table = (location: string): TableRef => ({
  ident: { namespace: 'ns', name: 't' },
  catalog: 'local',
  location,
  format: 'parquet',
  parameters: {},
  columns: [
    { name: 'id', type: 'int' },
    { name: 'name', type: 'string' },
    { name: 'amount', type: 'decimal(9,2)' },
  ],
  partitionKeys: [{ name: 'p', type: 'int' }],
});

// Scan column ids as a binder would hand them out.
const ID = 1;
const NAME = 2;
const AMOUNT = 3;
const P = 4;
const names = new Map([
  [ID, 'id'],
  [NAME, 'name'],
  [AMOUNT, 'amount'],
  [P, 'p'],
]);
const id = ref(ID, Types.int4);
const name = ref(NAME, Types.text);
const amount = ref(AMOUNT, Types.numeric(9, 2));
const p = ref(P, Types.int4);
const int = (v: number) => constant(Types.int4, v);
const num = (v: string) => constant(Types.numeric(), v);
const text = (v: string) => constant(Types.text, v);
const bool = Types.bool;
const cmp = (op: string, a: BoundExpr, b: BoundExpr) => call(op, bool, [a, b]);
const and = (...args: BoundExpr[]): BoundExpr => ({ kind: 'and', type: bool, args });
const or = (...args: BoundExpr[]): BoundExpr => ({ kind: 'or', type: bool, args });

/** Rows of partition p: ids `base..base+39`, amounts null in the whole third row group of p=2. */
function rowsOf(pv: number | null, base: number): Row[] {
  return Array.from({ length: 40 }, (_, i) => ({
    id: base + i,
    name: `n${String(base + i).padStart(3, '0')}`,
    amount: pv === 2 && i >= 20 && i < 30 ? null : ((base + i) * 1.5).toFixed(2),
    p: pv,
  }));
}

function parquetOf(rows: Row[]): Uint8Array {
  const words = new Uint32Array(rows.length * 4);
  rows.forEach((r, i) => {
    if (r.amount !== null) writeDecimal128(words, i, r.amount, 2);
  });
  return writeParquetBytes(
    new Table({
      id: vectorFromArray(
        rows.map((r) => r.id),
        new Int32(),
      ),
      name: vectorFromArray(
        rows.map((r) => r.name),
        new Utf8(),
      ),
      amount: vectorFromArray(
        rows.map((r, i) => (r.amount === null ? null : words.subarray(i * 4, i * 4 + 4))),
        new Decimal(2, 9, 128),
      ),
    }),
    { rowGroupSize: ROWS_PER_GROUP },
  );
}

describe('pruneParquet and footer aggregates', () => {
  const io = new LocalFileIO();
  const readFooters: FooterReader = (files) =>
    Promise.all(files.map((f) => readParquetMetadata(io, f.path, f.size)));
  let root = '';
  let files: PlannedParquetFile[] = [];
  const data = new Map<string, Row[]>();
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'lakegate-prune-'));
    const parts: [string, number | null, number][] = [
      ['p=1', 1, 0],
      ['p=2', 2, 100],
      ['p=__HIVE_DEFAULT_PARTITION__', null, 200],
    ];
    for (const [dir, pv, base] of parts) {
      const path = join(root, dir, 'part-0.parquet');
      const rows = rowsOf(pv, base);
      data.set(path, rows);
      await io.writeAtomic(path, parquetOf(rows));
    }
    files = await planParquetFiles(table(root), io, readFooters);
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const prune = (filters: BoundExpr[]) =>
    pruneParquet({ files, table: table(root), filters, columnNames: names, columns: ['id'] });

  /** Row groups holding a row that matches `pred`: pruning must keep every one of them. */
  function mustKeep(pred: (r: Row) => boolean): string[] {
    const out: string[] = [];
    for (const [path, rows] of data) {
      for (let g = 0; g * ROWS_PER_GROUP < rows.length; g++) {
        const group = rows.slice(g * ROWS_PER_GROUP, (g + 1) * ROWS_PER_GROUP);
        if (group.some(pred)) out.push(`${path}#${g}`);
      }
    }
    return out;
  }
  const keptKeys = (r: ReturnType<typeof prune>) =>
    r.kept.flatMap((k) => k.rowGroups.map((g) => `${k.file.path}#${g}`));

  const cases: [string, BoundExpr[], (r: Row) => boolean, number][] = [
    ['partition equality', [cmp('=', p, int(2))], (r) => r.p === 2, 4],
    ['partition IS NULL', [call('is null', bool, [p])], (r) => r.p === null, 4],
    [
      'id range',
      [cmp('>=', id, int(115)), cmp('<', int(125), id)],
      (r) => r.id >= 115 && r.id > 125,
      6,
    ],
    [
      'BETWEEN on id',
      [call('between', bool, [id, int(5), int(12)])],
      (r) => r.id >= 5 && r.id <= 12,
      2,
    ],
    [
      'IN list',
      [call('in', bool, [id, int(3), int(205), int(999)])],
      (r) => [3, 205, 999].includes(r.id),
      2,
    ],
    ['string range', [cmp('<', name, text('n010'))], (r) => r.name < 'n010', 1],
    [
      'decimal',
      [cmp('>', amount, num('300.5'))],
      (r) => r.amount !== null && Number(r.amount) > 300.5,
      4,
    ],
    ['IS NULL on stats', [call('is null', bool, [amount])], (r) => r.amount === null, 1],
    [
      'NOT and OR',
      [or(cmp('=', p, int(1)), call('not', bool, [cmp('<>', id, int(215))]))],
      (r) => r.p === 1 || r.id === 215,
      5,
    ],
    [
      '<> keeps everything but constant groups',
      [cmp('<>', p, int(1))],
      (r) => r.p !== null && r.p !== 1,
      4,
    ],
    [
      'mixed AND',
      [and(cmp('=', p, int(2)), cmp('<=', id, int(101)))],
      (r) => r.p === 2 && r.id <= 101,
      1,
    ],
  ];
  for (const [title, filters, pred, expectedKept] of cases) {
    it(`prunes soundly and usefully: ${title}`, () => {
      const r = prune(filters);
      const kept = new Set(keptKeys(r));
      for (const k of mustKeep(pred)) assert.ok(kept.has(k), `${k} holds matches but was pruned`);
      assert.equal(kept.size, expectedKept);
      assert.equal(r.rowGroups.total, 12);
      assert.equal(r.rowGroups.pruned, 12 - expectedKept);
      assert.equal(r.tasks.flatMap((t) => t.rowGroups ?? []).length, expectedKept);
    });
  }

  it('keeps everything it does not understand, and counts bytes and files', () => {
    const unknown = call('like', bool, [name, text('n1%')]);
    const floatConst = cmp('=', id, constant(Types.float8, 3));
    for (const f of [unknown, floatConst]) {
      const r = prune([f]);
      assert.equal(r.rowGroups.pruned, 0);
      assert.deepEqual(r.exactFilters, []);
    }
    const r = prune([cmp('=', p, int(1))]);
    assert.deepEqual(r.files, { total: 3, pruned: 2 });
    assert.ok(r.bytes.pruned > 0 && r.bytes.pruned < r.bytes.total);
    assert.deepEqual(r.exactFilters, [0]);
    assert.deepEqual(prune([cmp('=', id, int(1))]).exactFilters, []);
  });

  it('counts the bytes of the scanned columns only', () => {
    const scan = (columns: string[]) =>
      pruneParquet({ files, table: table(root), filters: [], columnNames: names, columns }).bytes;
    const chunkBytes = (column: number) =>
      files.reduce(
        (n, f) => n + f.footer.rowGroups.reduce((m, rg) => m + (rg.columnSizes[column] ?? 0), 0),
        0,
      );
    const at = (name: string) => files[0]!.footer.columns.findIndex((c) => c.name === name);
    assert.equal(scan(['id']).total, chunkBytes(at('id')));
    assert.equal(scan(['id', 'name']).total, chunkBytes(at('id')) + chunkBytes(at('name')));
    // The partition column is not in the files: reading it costs nothing.
    assert.equal(scan(['id', 'p']).total, scan(['id']).total);
    const all = files.reduce(
      (n, f) => n + f.footer.rowGroups.reduce((m, rg) => m + rg.compressedSize, 0),
      0,
    );
    assert.equal(scan(['id', 'name', 'amount']).total, all);
  });

  it('answers count(*) from footers only when every filter is exact', () => {
    assert.equal(footerRowCount(prune([]), 0), 120n);
    assert.equal(footerRowCount(prune([cmp('>=', p, int(1))]), 1), 80n);
    assert.equal(footerRowCount(prune([cmp('>=', id, int(1))]), 1), null);
  });

  it('answers min/max from statistics and partition values, or declines', () => {
    const all = Array.from(data.values()).flat();
    const extreme = (
      col: string,
      type: string,
      fn: 'min' | 'max',
      filters: BoundExpr[] = [],
      partition = false,
    ) =>
      footerExtreme({
        pruned: prune(filters),
        filterCount: filters.length,
        column: { name: col, type },
        partition,
        fn,
      });
    const ids = all.map((r) => r.id);
    assert.deepEqual(extreme('id', 'int', 'max'), { value: Math.max(...ids) });
    assert.deepEqual(extreme('id', 'int', 'min'), { value: Math.min(...ids) });
    const p2 = all.filter((r) => r.p === 2).map((r) => r.id);
    assert.deepEqual(extreme('id', 'int', 'min', [cmp('=', p, int(2))]), {
      value: Math.min(...p2),
    });
    const amounts = all.flatMap((r) => (r.amount === null ? [] : [Number(r.amount)]));
    assert.deepEqual(extreme('amount', 'decimal(9,2)', 'max'), {
      value: Math.max(...amounts).toFixed(2),
    });
    assert.deepEqual(extreme('name', 'string', 'max'), {
      value: all
        .map((r) => r.name)
        .sort()
        .at(-1) as SqlValue,
    });
    assert.deepEqual(extreme('p', 'int', 'max', [], true), { value: 2 });
    assert.deepEqual(extreme('id', 'int', 'min', [cmp('=', p, int(7))]), { value: null });
    assert.equal(extreme('id', 'int', 'max', [cmp('>', id, int(3))]), null);
    assert.equal(extreme('id', 'double', 'max'), null);
  });
});
