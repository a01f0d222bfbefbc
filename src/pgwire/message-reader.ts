import type { Duplex } from 'node:stream';
import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';

/** A regular (typed) frontend message: its type byte and the body after the length word. */
export interface RawMessage {
  readonly type: number;
  readonly body: Buffer;
}

/**
 * PostgreSQL caps the startup packet at 10000 bytes (MAX_STARTUP_PACKET_LENGTH in
 * pqcomm.h) and every other message at 1 GB - 1 (PQ_LARGE_MESSAGE_LIMIT).
 */
export const MAX_STARTUP_PACKET_LENGTH = 10_000;
const PAUSE_ABOVE_BYTES = 1 << 20;

/**
 * Frames the byte stream from a client into messages (protocol docs §55.2, "Message
 * Formats"). It pulls from the socket only as fast as the connection consumes, so a
 * client that pipelines without reading cannot make the server buffer unboundedly.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;
  private waiter: (() => void) | null = null;
  private stream: Duplex | null = null;
  private readonly onData = (chunk: Buffer): void => {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length > PAUSE_ABOVE_BYTES) this.stream?.pause();
    this.wake();
  };
  private readonly onEnd = (): void => {
    this.ended = true;
    this.wake();
  };

  constructor(private readonly maxMessageLength: number) {}

  /** Starts reading from `stream` (a socket, or the TLS socket that wraps it after SSLRequest). */
  attach(stream: Duplex): void {
    this.detach();
    this.stream = stream;
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('close', this.onEnd);
    stream.on('error', this.onEnd);
  }

  /** Stops reading; bytes already buffered stay available. */
  detach(): void {
    const s = this.stream;
    if (!s) return;
    s.off('data', this.onData);
    s.off('end', this.onEnd);
    s.off('close', this.onEnd);
    s.off('error', this.onEnd);
    this.stream = null;
  }

  /** Bytes received and not yet consumed. */
  get buffered(): number {
    return this.length;
  }

  /** The body of a startup-phase packet (length word first, no type byte); null at end of stream. */
  async readStartupPacket(): Promise<Buffer | null> {
    const header = await this.peek(4);
    if (!header) return null;
    const len = header.readInt32BE(0);
    if (len < 8 || len > MAX_STARTUP_PACKET_LENGTH) {
      throw new LakeError(SqlState.protocolViolation, 'invalid length of startup packet', {
        severity: 'FATAL',
      });
    }
    const packet = await this.take(len);
    return packet ? packet.subarray(4) : null;
  }

  /** The next typed message; null at a clean end of stream between messages. */
  async readMessage(): Promise<RawMessage | null> {
    const header = await this.peek(5);
    if (!header) {
      if (this.length > 0) throw truncated();
      return null;
    }
    const type = header[0] as number;
    const len = header.readInt32BE(1);
    if (len < 4 || len > this.maxMessageLength) {
      throw new LakeError(SqlState.protocolViolation, 'invalid message length', {
        severity: 'FATAL',
      });
    }
    const whole = await this.take(len + 1);
    if (!whole) throw truncated();
    return { type, body: whole.subarray(5) };
  }

  /**
   * The next message if it is already buffered whole, else undefined. Pipelining clients
   * (Bind/Execute/Sync in one write) are then served without a promise per message.
   */
  bufferedMessage(): RawMessage | undefined {
    if (this.length < 5) return undefined;
    if ((this.chunks[0] as Buffer).length < 5) this.compact();
    const first = this.chunks[0] as Buffer;
    const len = first.readInt32BE(1);
    if (len < 4 || len > this.maxMessageLength || this.length < len + 1) return undefined;
    if (first.length < len + 1) this.compact();
    const whole = this.takeBuffered(len + 1);
    return { type: whole[0] as number, body: whole.subarray(5) };
  }

  private async peek(n: number): Promise<Buffer | null> {
    while (this.length < n) {
      if (this.ended) return null;
      this.stream?.resume();
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    const first = this.chunks[0] as Buffer;
    if (first.length >= n) return first.subarray(0, n);
    this.compact();
    return (this.chunks[0] as Buffer).subarray(0, n);
  }

  private async take(n: number): Promise<Buffer | null> {
    if (!(await this.peek(n))) return null;
    return this.takeBuffered(n);
  }

  /** Removes `n` bytes that `peek` has made contiguous in the first chunk. */
  private takeBuffered(n: number): Buffer {
    const first = this.chunks[0] as Buffer;
    const out = first.subarray(0, n);
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.length -= n;
    if (this.length <= PAUSE_ABOVE_BYTES) this.stream?.resume();
    return out;
  }

  private compact(): void {
    this.chunks = [Buffer.concat(this.chunks, this.length)];
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }
}

function truncated(): LakeError {
  return new LakeError(SqlState.protocolViolation, 'unexpected EOF within message length word', {
    severity: 'FATAL',
  });
}
