/**
 * Binary parameters and results over the extended protocol (PostgreSQL docs §55.2.3 "Formats
 * and Format Codes"; the byte layouts are each type's send/recv functions: int4send, int8send,
 * textsend, boolsend, float8send).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serialize } from 'pg-protocol';
import { dataRowValues, names, rowDescription } from '../support/backend-message.js';
import type { Frame } from '../support/backend-message.js';
import { forEachTarget } from '../support/for-each-target.js';
import { bindMessage } from '../support/frontend-message.js';
import type { BindParameter } from '../support/frontend-message.js';
import { sessionPerTest } from '../support/session.js';

const S = serialize;

function int4(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function int8(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE(value);
  return buffer;
}

function float8(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleBE(value);
  return buffer;
}

const sql = 'SELECT $1::int4, $2::int8, $3::text, $4::bool, $5::float8';

/** One value per type, as its binary encoding (the same bytes go in and must come back). */
const binaryValues: Buffer[] = [
  int4(-7),
  int8(9_007_199_254_740_993n),
  Buffer.from('héllo ☃', 'utf8'),
  Buffer.from([1]),
  float8(-1.5e-300),
];
const textValues = ['-7', '9007199254740993', 'héllo ☃', 't', '-1.5e-300'];

/** name, type OID, typlen of each result column. */
const expectedColumns = [
  ['int4', 23, 4],
  ['int8', 20, 8],
  ['text', 25, -1],
  ['bool', 16, 1],
  ['float8', 701, 8],
];

forEachTarget('binary format', ({ target }) => {
  const live = sessionPerTest(target);

  async function run(params: BindParameter[], resultFormats: number[]): Promise<Frame[]> {
    live.session.conn.send(
      S.parse({ text: sql }),
      bindMessage({ params, resultFormats }),
      S.describe({ type: 'P' }),
      S.execute({}),
      S.sync(),
    );
    const frames = await live.session.conn.readyForQuery();
    assert.deepEqual(names(frames), [
      'parseComplete',
      'bindComplete',
      'rowDescription',
      'dataRow',
      'commandComplete',
      'readyForQuery',
    ]);
    return frames;
  }

  function assertColumns(frame: Frame, formats: string[]): void {
    const fields = rowDescription(frame).fields;
    assert.deepEqual(
      fields.map((f) => [f.name, f.dataTypeID, f.dataTypeSize]),
      expectedColumns,
    );
    assert.deepEqual(
      fields.map((f) => f.dataTypeModifier),
      [-1, -1, -1, -1, -1],
    );
    assert.deepEqual(
      fields.map((f) => f.format),
      formats,
    );
  }

  it('binary parameters in, binary results out, byte for byte', async () => {
    const frames = await run(
      binaryValues.map((value) => ({ format: 1, value })),
      [1],
    );
    assertColumns(frames[2]!, ['binary', 'binary', 'binary', 'binary', 'binary']);
    assert.deepEqual(dataRowValues(frames[3]!), binaryValues);
  });

  it('text parameters in, binary results out', async () => {
    const frames = await run(
      textValues.map((value) => ({ format: 0, value })),
      [1],
    );
    assert.deepEqual(dataRowValues(frames[3]!), binaryValues);
  });

  it('binary parameters in, text results out', async () => {
    const frames = await run(
      binaryValues.map((value) => ({ format: 1, value })),
      [],
    );
    assertColumns(frames[2]!, ['text', 'text', 'text', 'text', 'text']);
    assert.deepEqual(
      dataRowValues(frames[3]!).map((v) => v?.toString('utf8')),
      textValues,
    );
  });

  it('mixed per-column result formats and per-parameter formats', async () => {
    const params = binaryValues.map((value, i): BindParameter =>
      i % 2 === 0 ? { format: 1, value } : { format: 0, value: textValues[i]! },
    );
    const frames = await run(params, [0, 1, 0, 1, 0]);
    assertColumns(frames[2]!, ['text', 'binary', 'text', 'binary', 'text']);
    const expected = binaryValues.map((value, i) =>
      i % 2 === 0 ? Buffer.from(textValues[i]!) : value,
    );
    assert.deepEqual(dataRowValues(frames[3]!), expected);
  });

  it('NULL parameters come back as NULL in either format', async () => {
    const nulls: BindParameter[] = binaryValues.map(() => ({ format: 1, value: null }));
    const frames = await run(nulls, [1]);
    assert.deepEqual(dataRowValues(frames[3]!), [null, null, null, null, null]);
  });
});
