import type { SqlType, SqlTypeKind } from '../../common/sql-types.js';
import { formatType, sameType } from '../../common/sql-types.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';

const NUMBERS = new Set<SqlTypeKind>(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const STRINGS = new Set<SqlTypeKind>(['text', 'varchar', 'bpchar', 'name']);
const TIMES = new Set<SqlTypeKind>(['date', 'timestamp', 'timestamptz']);

/**
 * Whether PostgreSQL converts a value of type `from` into a column of type `to` on
 * INSERT (an implicit or assignment cast, pg_cast castcontext 'i'/'a'): within the
 * numbers, within dates and timestamps, anything to a string type (I/O conversion),
 * and untyped literals to anything (their input function). `literalRows` allows
 * strings too: INSERT ... VALUES types its quoted literals by the target column.
 */
export function assignable(from: SqlType, to: SqlType, literalRows: boolean): boolean {
  if (sameType(from, to) || from.kind === 'unknown') return true;
  if (from.kind === 'array' || to.kind === 'array') {
    return from.kind === 'array' && to.kind === 'array' && assignable(from.element, to.element, literalRows);
  }
  if (NUMBERS.has(from.kind) && NUMBERS.has(to.kind)) return true;
  if (TIMES.has(from.kind) && TIMES.has(to.kind)) return true;
  if (STRINGS.has(to.kind)) return true;
  return literalRows && STRINGS.has(from.kind);
}

/** 42804, PostgreSQL's wording for an INSERT whose expression does not fit its column. */
export function notAssignable(column: string, from: SqlType, to: SqlType): LakeError {
  return new LakeError(
    SqlState.datatypeMismatch,
    `column "${column}" is of type ${formatType(to)} but expression is of type ${formatType(from)}`,
    { hint: 'You will need to rewrite or cast the expression.' },
  );
}
