import { malformedScram } from './auth-errors.js';
import { decodeBase64Strict } from './base64-strict.js';
import { ScramAttributeReader } from './scram-attribute-reader.js';
import { scramKeyLength } from './scram-verifier.js';

/**
 * client-final-message (RFC 5802 §7):
 *
 *   client-final-message-without-proof = channel-binding "," nonce ["," extensions]
 *   client-final-message = client-final-message-without-proof "," proof
 *
 * parsed as PostgreSQL's read_client_final_message(): extensions before the proof
 * are skipped (but stay part of the signed text), the proof must be 32 bytes of
 * valid base64, and nothing may follow it.
 */
export interface ClientFinalMessage {
  /** The c= value: base64 of the GS2 header (plus channel binding data for "p"). */
  readonly channelBinding: string;
  readonly nonce: string;
  readonly proof: Buffer;
  readonly withoutProof: string;
}

/** `checkChannelBinding` runs right after c= is read, so its errors come first, as in PostgreSQL. */
export function parseClientFinalMessage(
  text: string,
  checkChannelBinding: (value: string) => void,
): ClientFinalMessage {
  const r = new ScramAttributeReader(text);
  const channelBinding = r.readValue('c');
  checkChannelBinding(channelBinding);
  const nonce = r.readValue('r');
  let proofStart: number;
  let attr: { readonly attr: string; readonly value: string };
  do {
    // The comma before "p=" ends the signed part.
    proofStart = r.offset - 1;
    attr = r.readAny();
  } while (attr.attr !== 'p');
  const proof = decodeBase64Strict(attr.value);
  if (proof?.length !== scramKeyLength) {
    throw malformedScram('Malformed proof in client-final-message.');
  }
  if (!r.atEnd()) throw malformedScram('Garbage found at the end of client-final-message.');
  return { channelBinding, nonce, proof, withoutProof: text.slice(0, proofStart) };
}
