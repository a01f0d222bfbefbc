import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Client bytes as text in the server encoding (UTF8); an invalid sequence is 22021
 * `invalid byte sequence for encoding "UTF8": 0x..`, as pg_verify_mbstr reports it.
 */
export function decodeUtf8(buf: Uint8Array): string {
  try {
    return decoder.decode(buf);
  } catch {
    const at = firstInvalidOffset(buf);
    const shown = [...buf.subarray(at, at + 2)]
      .map((b) => `0x${b.toString(16).padStart(2, '0')}`)
      .join(' ');
    throw new LakeError(
      SqlState.characterNotInRepertoire,
      `invalid byte sequence for encoding "UTF8": ${shown}`,
    );
  }
}

function firstInvalidOffset(buf: Uint8Array): number {
  for (let end = 1; end <= buf.length; end++) {
    try {
      decoder.decode(buf.subarray(0, end));
    } catch {
      // A prefix that fails ends inside or at the bad sequence; back up to its lead byte.
      let at = end - 1;
      while (at > 0 && ((buf[at] ?? 0) & 0xc0) === 0x80) at--;
      return at;
    }
  }
  return Math.max(0, buf.length - 1);
}
