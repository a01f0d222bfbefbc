import { LakeError } from '../common/errors.js';
import { sqlTypeFromOid, type SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import { SqlState } from '../common/sqlstate.js';
import type { FrontendMessage } from './frontend-messages.js';
import type { EncodeOptions } from './row-encoder.js';
import { decodeParam } from './types/param-decoder.js';

/**
 * The typed values of Bind and Parse (protocol docs §55.7): parameter type OIDs, parameter
 * values in text or binary, and result format codes, with PostgreSQL's 08P01 messages.
 */

type Bind = Extract<FrontendMessage, { kind: 'bind' }>;

export function typeOfOid(oid: number): SqlType | undefined {
  if (oid === 0) return undefined;
  const t = sqlTypeFromOid(oid);
  if (!t) throw new LakeError(SqlState.undefinedObject, `type with OID ${oid} does not exist`);
  return t;
}

export function decodeParams(
  m: Bind,
  types: readonly SqlType[],
  statement: string,
  options: EncodeOptions,
): SqlValue[] {
  const n = m.params.length;
  if (m.paramFormats.length > 1 && m.paramFormats.length !== n) {
    throw new LakeError(
      SqlState.protocolViolation,
      `bind message has ${m.paramFormats.length} parameter formats but ${n} parameters`,
    );
  }
  if (n !== types.length) {
    throw new LakeError(
      SqlState.protocolViolation,
      `bind message supplies ${n} parameters, but prepared statement "${statement}" requires ${types.length}`,
    );
  }
  return m.params.map((bytes, i) => {
    const format =
      m.paramFormats.length === 1 ? (m.paramFormats[0] as number) : (m.paramFormats[i] ?? 0);
    return decodeParam(types[i] as SqlType, bytes, checkFormat(format), i, options);
  });
}

export function resultFormats(requested: readonly number[], columns: number): number[] {
  if (requested.length > 1 && requested.length !== columns) {
    throw new LakeError(
      SqlState.protocolViolation,
      `bind message has ${requested.length} result formats but query has ${columns} columns`,
    );
  }
  return Array.from({ length: columns }, (_, i) =>
    checkFormat(requested.length === 1 ? (requested[0] as number) : (requested[i] ?? 0)),
  );
}

function checkFormat(code: number): 0 | 1 {
  if (code === 0 || code === 1) return code;
  throw new LakeError(SqlState.invalidParameterValue, `unsupported format code: ${code}`);
}
