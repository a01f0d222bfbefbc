import { LakeError } from '../errors.js';
import { SqlState } from '../sqlstate.js';

/**
 * The errors PostgreSQL's input functions raise, with their exact wording
 * (src/backend/utils/adt/*.c) and SQLSTATEs (Appendix A).
 */

/** Date/time input reports bad syntax as 22007 (datetime.c DTERR_BAD_FORMAT), the rest 22P02. */
const DATETIME_TYPES = new Set([
  'date',
  'time',
  'time with time zone',
  'timestamp',
  'timestamp with time zone',
  'interval',
]);

/** 22P02 `invalid input syntax for type integer: "x"` (22007 for date/time types). */
export function invalidSyntax(typeName: string, text: string): LakeError {
  return new LakeError(
    DATETIME_TYPES.has(typeName)
      ? SqlState.invalidDatetimeFormat
      : SqlState.invalidTextRepresentation,
    `invalid input syntax for type ${typeName}: "${text}"`,
  );
}

/** 22003 `value "x" is out of range for type integer` (integer types and oid). */
export function valueOutOfRange(typeName: string, text: string): LakeError {
  return new LakeError(
    SqlState.numericValueOutOfRange,
    `value "${text}" is out of range for type ${typeName}`,
  );
}

/** 22003 `"x" is out of range for type real` (float types word it without "value"). */
export function floatOutOfRange(typeName: string, text: string): LakeError {
  return new LakeError(
    SqlState.numericValueOutOfRange,
    `"${text}" is out of range for type ${typeName}`,
  );
}

/** 22008 `date/time field value out of range: "x"`. */
export function datetimeOutOfRange(text: string): LakeError {
  return new LakeError(
    SqlState.datetimeFieldOverflow,
    `date/time field value out of range: "${text}"`,
  );
}

/** 22P02 `malformed array literal: "x"` with PostgreSQL's detail line. */
export function malformedArray(text: string, detail: string): LakeError {
  return new LakeError(SqlState.invalidTextRepresentation, `malformed array literal: "${text}"`, {
    detail,
  });
}
