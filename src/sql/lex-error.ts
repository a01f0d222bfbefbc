import { syntaxError } from '../common/errors.js';
import type { LakeError } from '../common/errors.js';
import { errorPosition } from './position.js';

/**
 * A lexical error in PostgreSQL's wording: `<what> at or near "<text from start>"`
 * (scan.l's scanner_yyerror), positioned at the start of the offending token.
 */
export function lexError(text: string, what: string, start: number, end = text.length): LakeError {
  return syntaxError(`${what} at or near "${text.slice(start, end)}"`, errorPosition(text, start));
}
