import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Float32, Float64, Int16, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { LocalFileIO } from '../../storage/local-file-io.js';
import { readParquetMetadata } from '../../storage/parquet-reader.js';
import { writeParquetBytes } from '../../storage/parquet-writer.js';
import type { FooterReader } from '../scan-task.js';
import { formatHiveType, parseHiveType } from './hive-type.js';
import { inferSchema, inferTableSchema, widen } from './infer-schema.js';

const file = (path: string, columns: [string, string][]) => ({
  path,
  footer: { columns: columns.map(([name, type]) => ({ name, type })) },
});

describe('inferSchema', () => {
  it('unions columns by name in first-seen order and widens integers, floats and decimals', () => {
    const columns = inferSchema([
      file('a', [
        ['id', 'int'],
        ['x', 'float'],
        ['d', 'decimal(10,2)'],
      ]),
      file('b', [
        ['id', 'bigint'],
        ['extra', 'string'],
        ['d', 'decimal(12,4)'],
        ['x', 'double'],
      ]),
    ]);
    assert.deepEqual(columns, [
      { name: 'id', type: 'bigint' },
      { name: 'x', type: 'double' },
      { name: 'd', type: 'decimal(12,4)' },
      { name: 'extra', type: 'string' },
    ]);
  });

  it('merges nested types field by field and leaves partition keys out', () => {
    const columns = inferSchema(
      [
        file('a', [
          ['s', 'struct<a:int,b:array<smallint>>'],
          ['p', 'string'],
        ]),
        file('b', [['s', 'struct<a:bigint,c:string>']]),
      ],
      ['p'],
    );
    assert.deepEqual(columns, [{ name: 's', type: 'struct<a:bigint,b:array<smallint>,c:string>' }]);
  });

  it('rejects incompatible types with 42804 naming both files', () => {
    assert.throws(
      () =>
        inferSchema([
          file('/t/a.parquet', [['id', 'int']]),
          file('/t/b.parquet', [['id', 'string']]),
        ]),
      (err: unknown) => {
        const e = err as { sqlstate: string; message: string };
        assert.equal(e.sqlstate, '42804');
        assert.match(
          e.message,
          /"id" has type int in file "\/t\/a.parquet" but string in file "\/t\/b.parquet"/,
        );
        return true;
      },
    );
    assert.equal(widen(parseHiveType('decimal(38,0)'), parseHiveType('decimal(38,10)')), null);
    assert.equal(widen(parseHiveType('int'), parseHiveType('double')), null);
  });

  it('round-trips Hive type text', () => {
    for (const t of ['map<string,array<struct<a:int,b:decimal(5,1)>>>', 'varchar(10)', 'struct<>'])
      assert.equal(formatHiveType(parseHiveType(t)), t);
    assert.throws(() => parseHiveType('array<int'));
  });

  it('reads a table directory: visible files only, widening across real footers', async () => {
    const io = new LocalFileIO();
    const root = await mkdtemp(join(tmpdir(), 'lakegate-infer-'));
    try {
      await io.writeAtomic(
        join(root, 'p=1', 'a.parquet'),
        writeParquetBytes(
          new Table({
            n: vectorFromArray([1], new Int16()),
            f: vectorFromArray([1], new Float32()),
          }),
        ),
      );
      await io.writeAtomic(
        join(root, 'p=2', 'b.parquet'),
        writeParquetBytes(
          new Table({
            n: vectorFromArray([1n], new Int64()),
            f: vectorFromArray([1], new Float64()),
            s: vectorFromArray(['x'], new Utf8()),
          }),
        ),
      );
      // A hidden file with a conflicting type is not part of the table.
      await io.writeAtomic(
        join(root, '_tmp', 'c.parquet'),
        writeParquetBytes(new Table({ n: vectorFromArray(['x'], new Utf8()) })),
      );
      const readFooters: FooterReader = (files) =>
        Promise.all(files.map((f) => readParquetMetadata(io, f.path, f.size)));
      assert.deepEqual(await inferTableSchema(root, io, readFooters, ['p']), [
        { name: 'n', type: 'bigint' },
        { name: 'f', type: 'double' },
        { name: 's', type: 'string' },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
