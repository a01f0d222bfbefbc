import { protocolViolation } from './auth-errors.js';

/**
 * SASLInitialResponse body (protocol docs §55.7): String mechanism, Int32 length of
 * the initial client response (-1 for none), then that many bytes. Read in two
 * parts because PostgreSQL (auth-sasl.c CheckSASLAuth) validates the mechanism
 * before it reads the length, and clients see whichever error comes first; the
 * error wording is that of pq_getmsgrawstring/pq_getmsgint/pq_getmsgbytes/pq_getmsgend.
 */

export interface MechanismPart {
  readonly mechanism: string;
  /** Offset of the Int32 length. */
  readonly next: number;
}

export function readSaslMechanism(body: Buffer): MechanismPart {
  const nul = body.indexOf(0);
  if (nul < 0) throw protocolViolation('invalid string in message');
  return { mechanism: body.toString('utf8', 0, nul), next: nul + 1 };
}

/** The initial client response, or null when the client sent none (length -1). */
export function readSaslInitialData(body: Buffer, offset: number): Buffer | null {
  if (body.length - offset < 4) throw protocolViolation('insufficient data left in message');
  const length = body.readInt32BE(offset);
  const start = offset + 4;
  let data: Buffer | null = null;
  if (length !== -1) {
    if (length < 0 || length > body.length - start) {
      throw protocolViolation('insufficient data left in message');
    }
    data = body.subarray(start, start + length);
  }
  const end = data === null ? start : start + data.length;
  if (end !== body.length) throw protocolViolation('invalid message format');
  return data;
}
