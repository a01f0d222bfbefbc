/**
 * A raw TCP peer for protocol tests: writes whatever bytes a test gives it and reads backend
 * frames one at a time. Every read has a deadline, so a server that hangs fails the test with
 * a timeout message instead of hanging the suite.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { decodeFrame, describeFrame } from './backend-message.js';
import type { Frame } from './backend-message.js';

/** Default deadline for one read; `LAKEGATE_TEST_READ_TIMEOUT_MS` overrides. */
export const readTimeoutMs = Number(process.env['LAKEGATE_TEST_READ_TIMEOUT_MS'] ?? 5000);

export class ServerClosedError extends Error {
  override readonly name = 'ServerClosedError';
}

export class ReadTimeoutError extends Error {
  override readonly name = 'ReadTimeoutError';
}

export class WireConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.notify();
    });
    socket.on('end', () => {
      this.ended = true;
      this.notify();
    });
    socket.on('close', () => {
      this.ended = true;
      this.notify();
    });
    socket.on('error', (error) => {
      // ECONNRESET after the server drops us counts as a close, not a test failure.
      this.failure = error;
      this.ended = true;
      this.notify();
    });
  }

  /** Connects over TCP (`host`, `port`) or, with a `path`, over a unix-domain socket. */
  static open(
    address: { readonly host: string; readonly port: number } | { readonly path: string },
    timeoutMs = readTimeoutMs,
  ): Promise<WireConnection> {
    const where = 'path' in address ? address.path : `${address.host}:${address.port}`;
    return new Promise((resolve, reject) => {
      const socket = connect(address);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${where} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new WireConnection(socket));
      });
    });
  }

  send(...messages: Buffer[]): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(Buffer.concat(messages));
  }

  /** Half-close: tell the server we will send nothing more. */
  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits until new bytes or a close arrive, or the deadline passes (then throws `what`). */
  private async waitForInput(deadline: number, what: string): Promise<void> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new ReadTimeoutError(`timed out waiting for ${what}`);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        reject(new ReadTimeoutError(`timed out waiting for ${what}`));
      }, remaining);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Takes one complete frame off the buffer, if there is one. */
  private takeFrame(): Frame | undefined {
    if (this.buffer.length < 5) return undefined;
    const length = this.buffer.readInt32BE(1);
    if (length < 4) throw new Error(`server sent a frame with invalid length ${length}`);
    if (this.buffer.length < 1 + length) return undefined;
    const code = String.fromCharCode(this.buffer[0]!);
    const body = Buffer.from(this.buffer.subarray(5, 1 + length));
    this.buffer = this.buffer.subarray(1 + length);
    return decodeFrame(code, body);
  }

  /** The next backend frame; throws ServerClosedError if the server closed first. */
  async next(timeoutMs = readTimeoutMs): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = this.takeFrame();
      if (frame !== undefined) return frame;
      if (this.ended) {
        const detail = this.failure ? ` (${this.failure.message})` : '';
        throw new ServerClosedError(`server closed the connection${detail}`);
      }
      await this.waitForInput(deadline, 'a backend message');
    }
  }

  /** The single-byte answer to SSLRequest / GSSENCRequest ('S', 'N' or 'G'). */
  async nextByte(timeoutMs = readTimeoutMs): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length === 0) {
      if (this.ended) throw new ServerClosedError('server closed before answering');
      await this.waitForInput(deadline, 'a one-byte answer');
    }
    const byte = String.fromCharCode(this.buffer[0]!);
    this.buffer = this.buffer.subarray(1);
    return byte;
  }

  /** Frames up to and including the first one named `name`. */
  async until(name: string, timeoutMs = readTimeoutMs): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    const frames: Frame[] = [];
    for (;;) {
      const frame = await this.next(Math.max(1, deadline - Date.now()));
      frames.push(frame);
      if (frame.name === name) return frames;
    }
  }

  /** Frames up to and including the next ReadyForQuery. */
  readyForQuery(timeoutMs = readTimeoutMs): Promise<Frame[]> {
    return this.until('readyForQuery', timeoutMs);
  }

  /** All frames the server sends before it closes the connection; throws if it never does. */
  async untilClosed(timeoutMs = readTimeoutMs): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    const frames: Frame[] = [];
    for (;;) {
      try {
        frames.push(await this.next(Math.max(1, deadline - Date.now())));
      } catch (error) {
        if (error instanceof ServerClosedError) return this.withoutLeftovers(frames);
        if (!(error instanceof ReadTimeoutError)) throw error;
        const seen = frames.map(describeFrame).join('; ');
        throw new Error(`server did not close the connection (received: ${seen || 'nothing'})`, {
          cause: error,
        });
      }
    }
  }

  /** A server that closes mid-frame sent bytes that are not protocol 3 messages: fail. */
  private withoutLeftovers(frames: Frame[]): Frame[] {
    if (this.buffer.length === 0) return frames;
    const hex = this.buffer.subarray(0, 40).toString('hex');
    throw new Error(`server closed after ${this.buffer.length} unframed bytes (${hex})`);
  }

  /**
   * Every byte the server sends until it closes, unframed: for answers that are not protocol 3
   * messages (a protocol 2.0 error) or not worth decoding.
   */
  async rawUntilClosed(timeoutMs = readTimeoutMs): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) await this.waitForInput(deadline, 'the server to close the connection');
    const bytes = this.buffer;
    this.buffer = Buffer.alloc(0);
    return bytes;
  }
}
