import type { SqlType, SqlTypeKind } from '../../common/sql-types.js';
import { formatType, sameType } from '../../common/sql-types.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Expr, Query } from '../../sql/ast.js';

const NUMBERS = new Set<SqlTypeKind>([
  'int2',
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric',
  'oid',
]);
const STRINGS = new Set<SqlTypeKind>(['text', 'varchar', 'bpchar', 'name']);
const TIMES = new Set<SqlTypeKind>(['date', 'timestamp', 'timestamptz']);

/**
 * Whether PostgreSQL converts a value of type `from` into a column of type `to` on
 * INSERT (an implicit or assignment cast, pg_cast castcontext 'i'/'a'): within the
 * numbers, within dates and timestamps, anything to a string type (I/O conversion),
 * and untyped literals to anything (their input function). `literal` allows strings
 * too: a column of quoted literals is typed by its target column in PostgreSQL.
 */
export function assignable(from: SqlType, to: SqlType, literal: boolean): boolean {
  if (sameType(from, to) || from.kind === 'unknown') return true;
  if (from.kind === 'array' || to.kind === 'array') {
    return (
      from.kind === 'array' && to.kind === 'array' && assignable(from.element, to.element, literal)
    );
  }
  if (NUMBERS.has(from.kind) && NUMBERS.has(to.kind)) return true;
  if (TIMES.has(from.kind) && TIMES.has(to.kind)) return true;
  if (STRINGS.has(to.kind)) return true;
  return literal && STRINGS.has(from.kind);
}

/** 42804, PostgreSQL's wording for an INSERT whose expression does not fit its column. */
export function notAssignable(column: string, from: SqlType, to: SqlType): LakeError {
  return new LakeError(
    SqlState.datatypeMismatch,
    `column "${column}" is of type ${formatType(to)} but expression is of type ${formatType(from)}`,
    { hint: 'You will need to rewrite or cast the expression.' },
  );
}

/**
 * Which output columns of an INSERT's query are only quoted literals or NULL: the
 * items of a plain SELECT, or every row of VALUES. Anything else is typed as bound.
 */
export function untypedColumns(q: Query): boolean[] {
  const untyped = (e: Expr): boolean =>
    e.kind === 'literal' && (e.value.type === 'string' || e.value.type === 'null');
  if (q.with.length > 0) return [];
  const body = q.body;
  if (body.kind === 'values') {
    const width = body.rows[0]?.length ?? 0;
    return Array.from({ length: width }, (_, j) =>
      body.rows.every((row) => row[j] !== undefined && untyped(row[j])),
    );
  }
  if (body.kind === 'select' && body.from.length === 0 && !body.distinct) {
    return body.items.map((item) => untyped(item.expr));
  }
  return [];
}
