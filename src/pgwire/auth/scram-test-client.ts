import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * A SCRAM-SHA-256 client written from RFC 5802 §3 for the tests, independent of the
 * server's code: it builds SASLInitialResponse/SASLResponse bodies and checks the
 * server's signature. Not used by the server.
 */
export interface ScramTestClientOptions {
  readonly clientNonce?: string;
  /** GS2 header: "n,," (default), "y,," or "p=tls-server-end-point,,". */
  readonly gs2Header?: string;
  /** The n= value; PostgreSQL ignores it and libpq sends it empty. */
  readonly user?: string;
  /** The tls-server-end-point hash, appended to the GS2 header in c= for "p". */
  readonly channelBindingData?: Buffer;
}

const hmac = (key: Buffer, data: string): Buffer =>
  createHmac('sha256', key).update(Buffer.from(data, 'latin1')).digest();

export class ScramTestClient {
  readonly gs2Header: string;
  readonly clientFirstBare: string;
  private authMessage = '';
  private saltedPassword = Buffer.alloc(0);

  constructor(
    private readonly password: string,
    private readonly options: ScramTestClientOptions = {},
  ) {
    this.gs2Header = options.gs2Header ?? 'n,,';
    this.clientFirstBare = `n=${options.user ?? ''},r=${options.clientNonce ?? 'clientnonce123'}`;
  }

  get clientFirstMessage(): string {
    return this.gs2Header + this.clientFirstBare;
  }

  /** SASLInitialResponse body: mechanism, Int32 length, client-first-message. */
  initialResponse(mechanism = 'SCRAM-SHA-256'): Buffer {
    return saslInitialResponse(mechanism, Buffer.from(this.clientFirstMessage, 'latin1'));
  }

  /** client-final-message for the server-first-message received. */
  finalMessage(serverFirst: string): string {
    const attrs = new Map(serverFirst.split(',').map((a) => [a[0], a.slice(2)] as const));
    const salt = Buffer.from(attrs.get('s') ?? '', 'base64');
    this.saltedPassword = pbkdf2Sync(this.password, salt, Number(attrs.get('i')), 32, 'sha256');
    const cbind = Buffer.concat([
      Buffer.from(this.gs2Header, 'latin1'),
      this.options.channelBindingData ?? Buffer.alloc(0),
    ]).toString('base64');
    const withoutProof = `c=${cbind},r=${attrs.get('r') ?? ''}`;
    this.authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const clientKey = hmac(this.saltedPassword, 'Client Key');
    const storedKey = createHash('sha256').update(clientKey).digest();
    const signature = hmac(storedKey, this.authMessage);
    const proof = clientKey.map((b, i) => b ^ (signature[i] ?? 0));
    return `${withoutProof},p=${Buffer.from(proof).toString('base64')}`;
  }

  /** The server-final-message a genuine server must send. */
  expectedServerFinal(): string {
    const serverKey = hmac(this.saltedPassword, 'Server Key');
    return `v=${hmac(serverKey, this.authMessage).toString('base64')}`;
  }
}

export function saslInitialResponse(mechanism: string, data: Buffer | null): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(data === null ? -1 : data.length);
  return Buffer.concat([Buffer.from(`${mechanism}\0`, 'latin1'), length, data ?? Buffer.alloc(0)]);
}

/** Splits one 'R' message into its request code and payload, checking the framing. */
export function readAuthMessage(message: Buffer | undefined): {
  readonly code: number;
  readonly payload: Buffer;
} {
  if (message === undefined) throw new Error('no message');
  if (message.toString('latin1', 0, 1) !== 'R') throw new Error('not an R message');
  if (message.readInt32BE(1) !== message.length - 1) throw new Error('bad length');
  return { code: message.readInt32BE(5), payload: message.subarray(9) };
}
