import { unsupported } from '../common/errors.js';
import type { LakeError } from '../common/errors.js';
import type { Token } from './token.js';
import type { TokenCursor } from './token-cursor.js';

/** 0A000 `<what> is not supported yet`, pointing at the token that starts the construct. */
export function notSupportedYet(c: TokenCursor, what: string, at: Token = c.peek): LakeError {
  return unsupported(`${what} is not supported yet`, c.positionOf(at));
}
