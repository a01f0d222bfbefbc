/**
 * Strict base64 (RFC 4648 §4, with padding), as PostgreSQL's pg_b64_decode accepts
 * for SCRAM secrets and proofs. Node's Buffer.from(s, 'base64') silently skips
 * invalid characters, which would let malformed input through.
 */
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes, or null when `text` is not valid base64. */
export function decodeBase64Strict(text: string): Buffer | null {
  return base64Pattern.test(text) ? Buffer.from(text, 'base64') : null;
}
