import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { silentLogger } from '../common/logger.js';
import { constantEngine as engine } from '../../test/support/constant-engine.js';
import { PgServer } from './pg-server.js';

/** A PgServer over the constant engine, and a node-postgres client factory for it. */
function testServer(options: { maxConnections?: number; maxMessageLength?: number }) {
  const server = new PgServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    users: null,
    logger: silentLogger,
    ...options,
  });
  let port = 0;
  before(async () => ({ port } = await server.listen()));
  after(() => server.close(0));
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'u', database: 'local' });
    client.on('error', () => undefined); // failures are asserted where they are expected
    await client.connect();
    return client;
  };
  return { server, connect };
}

describe('PgServer', () => {
  const { server, connect } = testServer({ maxConnections: 2 });

  it('refuses connections beyond max_connections with FATAL 53300, as PostgreSQL', async () => {
    const a = await connect();
    const b = await connect();
    await assert.rejects(connect(), { code: '53300', message: 'sorry, too many clients already' });
    assert.deepEqual((await a.query('SELECT 1')).rows, [{ '?column?': 1 }]);
    await a.end();
    // A slot freed by a client that left is available again.
    await new Promise((r) => setTimeout(r, 100));
    const c = await connect();
    await Promise.all([b.end(), c.end()]);
  });

  it('ends idle sessions with FATAL 57P01 on close', async () => {
    const client = await connect();
    const ended = new Promise<Error>((resolve) => client.on('error', resolve));
    await server.close(0);
    const error = (await ended) as Error & { code?: string };
    assert.equal(error.code, '57P01');
    await assert.rejects(connect());
  });
});

describe('PgServer message size limit', () => {
  const { connect } = testServer({ maxMessageLength: 4096 });

  it('a message over max_message_size ends that connection only, with FATAL 08P01', async () => {
    const other = await connect();
    const big = await connect();
    await assert.rejects(big.query(`SELECT '${'x'.repeat(10_000)}'`), {
      code: '08P01',
      message: 'invalid message length',
    });
    assert.deepEqual((await other.query('SELECT 1')).rows, [{ '?column?': 1 }]);
    await other.end();
  });
});
