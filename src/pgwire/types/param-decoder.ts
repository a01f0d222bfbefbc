import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { TextOptions } from '../../common/values/format-value.js';
import { parseValue } from '../../common/values/parse-value.js';
import { BinaryFormatError, binaryReceiver, InsufficientDataError } from './binary-receive.js';
import type { FormatCode } from './column-encoder.js';
import { decodeUtf8 } from './utf8-text.js';

/**
 * Decodes one Bind parameter (PostgreSQL docs §55.7, Bind message): null stays SQL NULL,
 * text format goes through the type's input function, binary through its receive function.
 * `index` is 0-based; errors name the parameter 1-based as PostgreSQL does.
 */
export function decodeParam(
  type: SqlType,
  data: Buffer | null,
  format: FormatCode,
  index: number,
  options: Pick<TextOptions, 'timeZone'>,
): SqlValue {
  if (data === null) return null;
  if (format === 0) return parseValue(type, decodeUtf8(data), options);
  try {
    return binaryReceiver(type)(data);
  } catch (err) {
    if (err instanceof InsufficientDataError) {
      throw new LakeError(SqlState.protocolViolation, 'insufficient data left in message');
    }
    if (!(err instanceof BinaryFormatError)) throw err;
    throw new LakeError(
      SqlState.invalidBinaryRepresentation,
      `incorrect binary data format in bind parameter ${index + 1}`,
    );
  }
}
