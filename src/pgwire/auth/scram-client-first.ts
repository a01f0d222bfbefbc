import {
  channelBindingError,
  malformedScram,
  protocolViolation,
  scramNotSupported,
} from './auth-errors.js';
import {
  isScramPrintable,
  sanitizeChar,
  sanitizeStr,
  ScramAttributeReader,
} from './scram-attribute-reader.js';

/**
 * client-first-message (RFC 5802 §7):
 *
 *   gs2-header = gs2-cbind-flag "," [ authzid ] ","     ; flag: "n" | "y" | "p=" cb-name
 *   client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions]
 *
 * parsed with PostgreSQL's rules and messages (auth-scram.c read_client_first_message):
 * the username is read but ignored (the startup packet's user name counts; libpq sends
 * "n=" empty), authzid and mandatory extensions are refused, the only channel binding
 * type is tls-server-end-point (RFC 5929 §4), and the nonce must be printable.
 */
export interface ClientFirstMessage {
  /** 'n', 'y' or 'p': repeated, base64'd, in the client-final-message's c= attribute. */
  readonly cbindFlag: string;
  readonly bare: string;
  readonly clientNonce: string;
}

export interface ChannelBindingState {
  /** The client selected SCRAM-SHA-256-PLUS. */
  readonly inUse: boolean;
  /** We offered SCRAM-SHA-256-PLUS (TLS with a certificate hash). */
  readonly supported: boolean;
}

const withoutBinding =
  'The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data.';

export function parseClientFirstMessage(
  text: string,
  binding: ChannelBindingState,
): ClientFirstMessage {
  const r = new ScramAttributeReader(text);
  const cbindFlag = r.peek();
  readGs2CbindFlag(r, binding);
  if (r.peek() === 'a') {
    throw scramNotSupported('client uses authorization identity, but it is not supported');
  }
  if (r.peek() !== ',') {
    throw malformedScram(
      `Unexpected attribute "${sanitizeChar(r.peek())}" in client-first-message.`,
    );
  }
  r.advance();
  const bare = r.rest();
  if (r.peek() === 'm') throw scramNotSupported('client requires an unsupported SCRAM extension');
  r.readValue('n');
  const clientNonce = r.readValue('r');
  if (!isScramPrintable(clientNonce)) {
    throw protocolViolation('non-printable characters in SCRAM nonce');
  }
  while (!r.atEnd()) r.readAny();
  return { cbindFlag, bare, clientNonce };
}

function readGs2CbindFlag(r: ScramAttributeReader, binding: ChannelBindingState): void {
  const flag = r.peek();
  if (flag === 'p') {
    if (!binding.inUse) {
      throw malformedScram(
        'The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.',
      );
    }
    const type = r.readValue('p');
    if (type !== 'tls-server-end-point') {
      throw protocolViolation(`unsupported SCRAM channel-binding type "${sanitizeStr(type)}"`);
    }
    return;
  }
  if (flag !== 'n' && flag !== 'y') {
    throw malformedScram(`Unexpected channel-binding flag "${sanitizeChar(flag)}".`);
  }
  if (binding.inUse) throw malformedScram(withoutBinding);
  // "y": the client could bind but thinks we cannot; RFC 5802 §6 says fail if we can.
  if (flag === 'y' && binding.supported) {
    throw channelBindingError(
      'SCRAM channel binding negotiation error',
      'The client supports SCRAM channel binding but thinks the server does not.  However, this server does support channel binding.',
    );
  }
  r.advance();
  if (r.peek() !== ',') {
    throw malformedScram(`Comma expected, but found character "${sanitizeChar(r.peek())}".`);
  }
  r.advance();
}
