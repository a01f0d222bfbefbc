import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordBatch, Schema, Field, makeData, Struct } from 'apache-arrow';
import { arrowTypeOf } from '../../common/arrow-types.js';
import { Types } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { buildData } from '../../common/values/build-vector.js';
import { DEFAULT_TEXT_OPTIONS } from '../../common/values/format-value.js';
import type { CopyOutOptions, ResultColumn } from '../../engine/query-engine.js';
import { copyRowFormatter } from './copy-row-formatter.js';

function batchOf(columns: readonly ResultColumn[], rows: SqlValue[][]): RecordBatch {
  const fields = columns.map((c) => new Field(c.name, arrowTypeOf(c.type), true));
  const children = columns.map((c, j) =>
    buildData(
      c.type,
      rows.map((r) => r[j] ?? null),
    ),
  );
  const data = makeData({ type: new Struct(fields), length: rows.length, children });
  return new RecordBatch(new Schema(fields), data);
}

const text: CopyOutOptions = {
  format: 'text',
  header: true,
  delimiter: '\t',
  nullString: '\\N',
  quote: '"',
  escape: '"',
};
const csv: CopyOutOptions = {
  format: 'csv',
  header: true,
  delimiter: ',',
  nullString: '',
  quote: '"',
  escape: '"',
};

const columns: ResultColumn[] = [
  { name: 'a', type: Types.int4 },
  { name: 'b c', type: Types.text },
  { name: 'c', type: Types.text },
  { name: 'd', type: Types.text },
  { name: 'e', type: Types.text },
];
const row: SqlValue[] = [1, 'x\ty\\z\nw', null, '', 'q"r,s'];

// Expected output is PostgreSQL 15.18's for
// COPY (select 1 as a, E'x\ty\\z\nw' as "b c", null::text as c, '' as d, 'q"r,s' as e) TO STDOUT ...
const render = (options: CopyOutOptions, cols: ResultColumn[], rows: SqlValue[][]): string => {
  const f = copyRowFormatter(cols, options, DEFAULT_TEXT_OPTIONS);
  return [f.header(), ...f.rows(batchOf(cols, rows))]
    .map((b) => b?.toString('utf8') ?? '')
    .join('');
};

describe('copyRowFormatter', () => {
  it('writes text format with escapes and \\N', () => {
    assert.equal(
      render(text, columns, [row]),
      'a\tb c\tc\td\te\n1\tx\\ty\\\\z\\nw\t\\N\t\tq"r,s\n',
    );
  });

  it('writes CSV with quoting only where needed', () => {
    assert.equal(render(csv, columns, [row]), 'a,b c,c,d,e\n1,"x\ty\\z\nw",,"","q""r,s"\n');
  });

  it('quotes \\. alone in a one-column CSV row', () => {
    const one = [{ name: 'x', type: Types.text }];
    assert.equal(render({ ...csv, header: false }, one, [['\\.']]), '"\\."\n');
  });

  it('uses the delimiter and null string given, with typed output', () => {
    const cols: ResultColumn[] = [
      { name: 'a,b', type: Types.array(Types.int4) },
      { name: 'float8', type: Types.float8 },
      { name: 'timestamptz', type: Types.timestamptz },
    ];
    const options = { ...csv, delimiter: ';', nullString: 'NUL' };
    assert.equal(
      render(options, cols, [[[1, null], 1.5, 1_704_067_200_000_000n]]),
      'a,b;float8;timestamptz\n{1,NULL};1.5;2024-01-01 00:00:00+00\n',
    );
  });
});
