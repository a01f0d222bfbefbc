import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serialize } from 'pg-protocol';
import { LakeError } from '../common/errors.js';
import { decodeFrontendMessage } from './frontend-messages.js';
import type { RawMessage } from './message-reader.js';
import { decodeStartupPacket } from './startup-packet.js';

/** Splits one serialized frontend message into type + body, as MessageReader does. */
function raw(bytes: Buffer): RawMessage {
  assert.equal(bytes.readInt32BE(1), bytes.length - 1, 'length word covers the body');
  return { type: bytes[0] as number, body: bytes.subarray(5) };
}

function rejects(fn: () => unknown, sqlstate: string, message: RegExp | string): LakeError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof LakeError, `expected LakeError, got ${String(err)}`);
    assert.equal(err.sqlstate, sqlstate);
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return err;
  }
  assert.fail('expected an error');
}

describe('decodeFrontendMessage', () => {
  it('decodes the messages pg-protocol (node-postgres) sends', () => {
    assert.deepEqual(decodeFrontendMessage(raw(serialize.query('SELECT 1'))), {
      kind: 'query',
      sql: 'SELECT 1',
    });
    assert.deepEqual(
      decodeFrontendMessage(raw(serialize.parse({ name: 's1', text: 'SELECT $1', types: [23] }))),
      { kind: 'parse', name: 's1', sql: 'SELECT $1', paramTypeOids: [23] },
    );
    assert.deepEqual(
      decodeFrontendMessage(
        raw(serialize.bind({ portal: 'p', statement: 's1', values: ['7', null] })),
      ),
      {
        kind: 'bind',
        portal: 'p',
        statement: 's1',
        paramFormats: [0, 0],
        params: [Buffer.from('7'), null],
        resultFormats: [0],
      },
    );
    assert.deepEqual(decodeFrontendMessage(raw(serialize.execute({ portal: 'p', rows: 10 }))), {
      kind: 'execute',
      portal: 'p',
      maxRows: 10,
    });
    assert.deepEqual(decodeFrontendMessage(raw(serialize.describe({ type: 'S', name: 's1' }))), {
      kind: 'describe',
      target: 'statement',
      name: 's1',
    });
    assert.deepEqual(decodeFrontendMessage(raw(serialize.close({ type: 'P', name: '' }))), {
      kind: 'close',
      target: 'portal',
      name: '',
    });
    assert.deepEqual(decodeFrontendMessage(raw(serialize.sync())), { kind: 'sync' });
    assert.deepEqual(decodeFrontendMessage(raw(serialize.flush())), { kind: 'flush' });
    assert.deepEqual(decodeFrontendMessage(raw(serialize.end())), { kind: 'terminate' });
  });

  it('rejects an unknown message type as FATAL 08P01', () => {
    const e = rejects(
      () => decodeFrontendMessage({ type: 0x7a, body: Buffer.alloc(0) }),
      '08P01',
      'invalid frontend message type 122',
    );
    assert.equal(e.severity, 'FATAL');
  });

  it('rejects truncated and over-long bodies as ERROR 08P01', () => {
    const bind = raw(serialize.bind({ statement: 's', values: ['1'] }));
    const e = rejects(
      () => decodeFrontendMessage({ type: bind.type, body: bind.body.subarray(0, 9) }),
      '08P01',
      'invalid message format',
    );
    assert.equal(e.severity, 'ERROR');
    rejects(
      () => decodeFrontendMessage({ type: 0x53, body: Buffer.from([1]) }),
      '08P01',
      'invalid message format',
    );
    rejects(
      () => decodeFrontendMessage({ type: 0x51, body: Buffer.from('SELECT 1') }),
      '08P01',
      'invalid string in message',
    );
    rejects(
      () => decodeFrontendMessage({ type: 0x44, body: Buffer.from('X\0') }),
      '08P01',
      'invalid DESCRIBE message subtype 88',
    );
  });

  it('reports invalid UTF-8 like PostgreSQL (22021)', () => {
    const body = Buffer.concat([
      Buffer.from('SELECT '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from([0]),
    ]);
    rejects(
      () => decodeFrontendMessage({ type: 0x51, body }),
      '22021',
      'invalid byte sequence for encoding "UTF8": 0xc3 0x28',
    );
  });
});

describe('decodeStartupPacket', () => {
  const body = (b: Buffer): Buffer => b.subarray(4);

  it('decodes StartupMessage parameters and _pq_ options', () => {
    const packet = decodeStartupPacket(
      body(serialize.startup({ user: 'ann', database: 'local', _pq_x: '1' })),
    );
    assert.equal(packet.kind, 'startup');
    if (packet.kind !== 'startup') return;
    assert.equal(packet.major, 3);
    assert.equal(packet.minor, 0);
    assert.equal(packet.parameters.get('user'), 'ann');
    assert.equal(packet.parameters.get('database'), 'local');
  });

  it('recognises SSLRequest and CancelRequest', () => {
    assert.deepEqual(decodeStartupPacket(body(serialize.requestSsl())), { kind: 'ssl-request' });
    assert.deepEqual(decodeStartupPacket(body(serialize.cancel(1234, 5678))), {
      kind: 'cancel',
      pid: 1234,
      secret: 5678,
    });
  });

  it('refuses protocol 2 and malformed parameter lists', () => {
    const v2 = Buffer.alloc(8);
    v2.writeInt32BE(2 << 16, 0);
    rejects(
      () => decodeStartupPacket(v2.subarray(0, 4)),
      '0A000',
      'unsupported frontend protocol 2.0: server supports 3.0 to 3.0',
    );
    const noTerminator = Buffer.concat([Buffer.from([0, 3, 0, 0]), Buffer.from('user\0ann\0')]);
    rejects(() => decodeStartupPacket(noTerminator), '08P01', /expected terminator/);
  });
});
