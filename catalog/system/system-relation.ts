import type { SqlType } from '../../src/common/sql-types.js';
import type { SqlValue } from '../../src/common/sql-value.js';

/**
 * A relation of the PostgreSQL system catalog that lakegate answers from memory, for
 * the queries drivers send on their own (psqlODBC reads pg_type at connect). Column
 * numbers are PostgreSQL's attnums, so RowDescription matches a real server.
 */
export interface SystemRelation {
  readonly name: string;
  /** pg_class OID of the relation in PostgreSQL (pg_type is 1247). */
  readonly tableOid: number;
  readonly columns: readonly SystemColumn[];
  rows(): readonly (readonly SqlValue[])[];
}

export interface SystemColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly attnum: number;
}
