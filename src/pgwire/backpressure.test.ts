import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Field, makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { serialize } from 'pg-protocol';
import { silentLogger } from '../common/logger.js';
import { Types } from '../common/sql-types.js';
import { buildData } from '../common/values/build-vector.js';
import type { Execution, QueryEngine, ResultColumn, Session } from '../engine/query-engine.js';
import { PgServer } from './pg-server.js';

const ROWS_PER_BATCH = 1000;
const columns: readonly ResultColumn[] = [{ name: 'payload', type: Types.text }];

function textBatch(): RecordBatch {
  const data = buildData(
    Types.text,
    Array.from({ length: ROWS_PER_BATCH }, (_, i) => `row ${i} `.padEnd(200, 'x')),
  );
  const fields = [new Field('payload', data.type, true)];
  return new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length: ROWS_PER_BATCH, nullCount: 0, children: [data] }),
  );
}

/** An engine whose only query is endless: it counts how many batches the server pulls. */
class EndlessEngine implements QueryEngine {
  /** Batches pulled by the most recently opened session. */
  pulled = 0;
  sessions = 0;
  private readonly batch = textBatch();
  openSession(): Promise<Session> {
    this.pulled = 0;
    const mine = ++this.sessions;
    const pull = (): IteratorResult<RecordBatch> => {
      if (mine !== this.sessions) return { done: true, value: undefined };
      this.pulled++;
      return { done: false, value: this.batch };
    };
    const execute = (): Promise<Execution> =>
      Promise.resolve({
        columns,
        batches: {
          [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(pull()) }),
        },
        commandTag: (n: number) => `SELECT ${n}`,
      });
    return Promise.resolve({
      backendPid: 1,
      reportedParameters: () => [],
      setting: () => undefined,
      transactionStatus: () => 'idle',
      parse: (sql: string) => [{ sql, offset: 0 }],
      prepare: (parsed) => Promise.resolve({ parsed, paramTypes: [], columns }),
      execute,
      cursorColumns: () => undefined,
      statementFailed: () => undefined,
      beginImplicitTransaction: () => undefined,
      endImplicitTransaction: () => Promise.resolve(),
      close: () => Promise.resolve(),
    });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('backpressure', () => {
  const engine = new EndlessEngine();
  const server = new PgServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    users: null,
    logger: silentLogger,
  });
  let port = 0;
  before(async () => ({ port } = await server.listen()));
  after(() => server.close(0));

  async function open(): Promise<Socket> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(serialize.startup({ user: 'u', database: 'local' }));
    await new Promise((r) => socket.once('data', r)); // AuthenticationOk .. ReadyForQuery
    return socket;
  }

  it('a client that stops reading stops the producer: memory stays bounded', async () => {
    const socket = await open();
    socket.pause();
    socket.write(serialize.query('SELECT payload FROM endless'));
    await sleep(1000);
    const stalled = engine.pulled;
    await sleep(1000);
    // Socket buffers on both sides hold a few MB at most; 200 KB per batch.
    assert.ok(stalled < 100, `server pulled ${stalled} batches for a client that reads nothing`);
    assert.equal(engine.pulled, stalled, 'the producer kept running while the client was stalled');
    // Reading again lets it continue.
    socket.resume();
    socket.on('data', () => undefined);
    await sleep(300);
    assert.ok(engine.pulled > stalled, 'production resumed when the client read again');
    socket.destroy();
  });

  it('Execute with a row limit pulls only the batches it sends', async () => {
    const socket = await open();
    socket.on('data', () => undefined);
    socket.write(
      Buffer.concat([
        serialize.parse({ text: 'SELECT payload FROM endless' }),
        serialize.bind({}),
        serialize.execute({ rows: 10 }),
        serialize.sync(),
      ]),
    );
    await sleep(300);
    assert.equal(engine.pulled, 1);
    socket.destroy();
  });
});
