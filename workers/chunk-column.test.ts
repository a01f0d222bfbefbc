import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Vector, tableFromIPC } from 'apache-arrow';
import { type SqlType, Types } from '../src/common/sql-types.js';
import type { SqlValue } from '../src/common/sql-value.js';
import { readBatchColumn } from '../src/exec/read-batch-column.js';
import { LocalFileIO } from '../src/storage/local-file-io.js';
import { ParquetSource } from '../src/storage/parquet-reader.js';
import { decodeChunk } from '../src/storage/parquet-pages/decode-chunk.js';
import { twoEntryDictionaryChunk } from '../test/support/parquet-pages.js';
import { chunkColumn, pageReading } from './chunk-column.js';

/**
 * The page reader's scan columns against the Arrow path's, value for value, over every
 * flat column of the real files in /work/shared/fixtures (written by Spark/parquet-mr,
 * delta-rs/arrow-rs, Impala and Hudi): the SqlValues the scan hands the engine must not
 * depend on which reader decoded the file.
 */
const FIXTURES = '/work/shared/fixtures';

const SQL_OF_HIVE: Readonly<Record<string, SqlType>> = {
  tinyint: Types.int2,
  smallint: Types.int2,
  int: Types.int4,
  bigint: Types.int8,
  float: Types.float4,
  double: Types.float8,
  boolean: Types.bool,
  string: Types.text,
  date: Types.date,
  timestamp: Types.timestamptz,
  timestamp_ntz: Types.timestamp,
};

function sqlTypeOf(hive: string): SqlType | undefined {
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(hive);
  if (decimal) return Types.numeric(Number(decimal[1]), Number(decimal[2]));
  return SQL_OF_HIVE[hive];
}

async function parquetFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function arrowValues(vectors: readonly Vector[], type: SqlType): SqlValue[] {
  return vectors.flatMap((v) => readBatchColumn(v, type));
}

describe('page reader scan columns', () => {
  it('read every fixture column as the Arrow path does', async () => {
    const io = new LocalFileIO();
    const compared = new Map<string, number>();
    for (const path of await parquetFiles(FIXTURES)) {
      const source = await ParquetSource.open(io, path);
      try {
        const { footer, rowGroups } = {
          footer: await source.footer(),
          rowGroups: source.metadata.rowGroups,
        };
        for (let rg = 0; rg < rowGroups.length; rg++) {
          for (const column of footer.columns) {
            const type = sqlTypeOf(column.type);
            if (type === undefined) continue;
            const decoded = await source.readColumns(
              rg,
              [column.name],
              (leaf) => pageReading(leaf, type) !== null,
            );
            if (decoded === null) continue;
            const ipc = await source.readIPC({ rowGroups: [rg], columns: [column.name] });
            const where = `${path} row group ${rg} column ${column.name} (${column.type})`;
            let expected: SqlValue[];
            try {
              expected = arrowValues(
                tableFromIPC(ipc).batches.map((b) => b.getChild(column.name) as Vector),
                type,
              );
            } catch (e) {
              throw new Error(`${where}: ${String(e)}`, { cause: e });
            }
            const lazy = chunkColumn(decoded[0]!, type);
            assert.deepEqual(lazy.values(), expected, where);
            const every3rd = Int32Array.from(
              { length: Math.ceil(expected.length / 3) },
              (_, k) => k * 3,
            );
            const taken = chunkColumn(decoded[0]!, type).take(every3rd);
            assert.deepEqual(
              taken.values(),
              [...every3rd].map((r) => expected[r]),
              `${where}, taken`,
            );
            compared.set(column.type, (compared.get(column.type) ?? 0) + 1);
          }
        }
      } finally {
        source.close();
      }
    }
    // The fixtures hold a few hundred flat chunks of these types; a reader that silently
    // declined them all would pass the comparisons above without testing anything.
    for (const hive of ['int', 'bigint', 'string', 'double', 'boolean', 'date', 'timestamp'])
      assert.ok(
        (compared.get(hive) ?? 0) >= 5,
        `${hive} chunks compared: ${compared.get(hive) ?? 0}`,
      );
    assert.ok(
      [...compared.keys()].some((t) => t.startsWith('decimal(')),
      'decimal chunks compared',
    );
  });
});

describe('damaged dictionary indices', () => {
  // Bit width 2 over a two-entry dictionary: 0, 1, 3, 0 (index 3 lies past it).
  const damaged = (kind: 'int32' | 'text') => {
    const [bytes, layout] = twoEntryDictionaryChunk(kind, 4, [2, 0x03, 0b00_11_01_00, 0]);
    return { chunk: decodeChunk(bytes, layout), leaf: layout.leaf };
  };
  const outOfRange = { sqlstate: 'XX001', message: /dictionary index 3 out of range/ };

  it('fail the statement wherever they are read', () => {
    assert.throws(() => chunkColumn(damaged('int32'), Types.int4).dictionary?.(), outOfRange);
    assert.throws(() => chunkColumn(damaged('int32'), Types.int4).vec(), outOfRange);
    assert.throws(() => chunkColumn(damaged('text'), Types.text).vec(), outOfRange);
    assert.throws(() => chunkColumn(damaged('text'), Types.text).values(), outOfRange);
  });

  it('read as usual when the bit width cannot reach past the dictionary', () => {
    // Bit width 1: 0,1,1,0,1,0,0,1.
    const [bytes, layout] = twoEntryDictionaryChunk('text', 8, [1, 0x03, 0b10010110]);
    const column = chunkColumn(
      { chunk: decodeChunk(bytes, layout), leaf: layout.leaf },
      Types.text,
    );
    assert.deepEqual(column.values(), ['a', 'b', 'b', 'a', 'b', 'a', 'a', 'b']);
  });
});
