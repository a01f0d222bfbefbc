import type { RecordBatch } from 'apache-arrow';
import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';

/**
 * The only interface src/pgwire talks to (DESIGN.md §2). Everything about SQL,
 * plans, catalogs and sessions' settings lives behind it; pgwire knows messages,
 * bytes and type encodings.
 */
export interface QueryEngine {
  /**
   * Starts a session for an authenticated client. Rejects with 3D000 when the
   * database (a catalog name) does not exist.
   */
  openSession(startup: SessionStartup, events: SessionEvents): Promise<Session>;
  /** Releases worker pools and catalogs. */
  close(): Promise<void>;
}

export interface SessionStartup {
  readonly user: string;
  /** The client's dbname: it selects the default catalog. */
  readonly database: string;
  /** Other startup parameters (application_name, client_encoding, DateStyle, TimeZone, options, ...). */
  readonly parameters: ReadonlyMap<string, string>;
  readonly backendPid: number;
  /** Cancels another backend's running statement (pg_cancel_backend); false if no such backend. */
  readonly cancelBackend: (pid: number) => boolean;
}

export type NoticeSeverity = 'WARNING' | 'NOTICE' | 'INFO' | 'LOG' | 'DEBUG';

export interface Notice {
  readonly severity: NoticeSeverity;
  readonly sqlstate: string;
  readonly message: string;
  readonly detail?: string;
  readonly hint?: string;
}

/** What a session tells its client while it runs, outside any result set. */
export interface SessionEvents {
  notice(notice: Notice): void;
  /** A setting in the reported set (ParameterStatus) changed, e.g. by SET. */
  parameterStatus(name: string, value: string): void;
  /**
   * SQL `DEALLOCATE name` / `DEALLOCATE ALL` / `DISCARD ALL` drop the protocol-level prepared
   * statements, which pgwire owns (PostgreSQL docs, DEALLOCATE). `null` drops all; returns
   * false when no statement has that name.
   */
  deallocate(name: string | null): boolean;
}

/** ReadyForQuery's status byte, by meaning: 'I', 'T' and 'E'. */
export type TransactionStatus = 'idle' | 'in-transaction' | 'failed';

export interface ResultColumn {
  readonly name: string;
  readonly type: SqlType;
  /** Source table OID and attribute number for RowDescription; 0 when not a plain column. */
  readonly tableOid?: number;
  readonly columnNumber?: number;
}

/** A statement parsed from text but not yet bound; cheap, syntax only. */
export interface ParsedStatement {
  /** The statement's own text, trimmed, without the terminating semicolon. */
  readonly sql: string;
  /** Offset of `sql` in the text given to `parse` (positions in errors are relative to that text). */
  readonly offset: number;
}

/** A bound statement: what Describe reports, ready to execute any number of times. */
export interface PreparedStatement {
  readonly parsed: ParsedStatement;
  /** Types of $1..$n, inferred where the client left them unspecified (OID 0). */
  readonly paramTypes: readonly SqlType[];
  /** Result columns, or null for statements that return no rows (NoData). */
  readonly columns: readonly ResultColumn[] | null;
  /**
   * FETCH from a BINARY cursor: PostgreSQL sends its rows in binary format even over the
   * simple protocol (docs, DECLARE).
   */
  readonly binaryResults?: boolean;
}

export interface CopyOutOptions {
  readonly format: 'text' | 'csv';
  readonly header: boolean;
  readonly delimiter: string;
  readonly nullString: string;
  readonly quote: string;
  readonly escape: string;
}

/** A running statement. pgwire drains `batches` at the client's pace. */
export interface Execution {
  readonly columns: readonly ResultColumn[] | null;
  /** Set for COPY ... TO STDOUT: rows go out as CopyData instead of DataRow. */
  readonly copyOut?: CopyOutOptions;
  readonly batches: AsyncIterable<RecordBatch>;
  /** The CommandComplete tag once the batches are drained, given the rows sent. */
  commandTag(rowsSent: number): string;
}

export interface Session {
  readonly backendPid: number;
  /** ParameterStatus pairs to send after AuthenticationOk, in PostgreSQL 15's order. */
  reportedParameters(): ReadonlyArray<readonly [string, string]>;
  /** Current value of a setting (for the wire encoders: TimeZone, DateStyle, ...). */
  setting(name: string): string | undefined;
  transactionStatus(): TransactionStatus;
  /**
   * Splits text into statements and checks their syntax (42601 with a position).
   * Empty text, lone semicolons and comments give an empty list.
   */
  parse(sql: string): ParsedStatement[];
  /**
   * Binds one statement; `paramTypes[i]` undefined means the client left $i+1 unspecified.
   * Asynchronous because binding a table reference asks the catalog (Catalog.loadTable).
   */
  prepare(
    statement: ParsedStatement,
    paramTypes: readonly (SqlType | undefined)[],
  ): Promise<PreparedStatement>;
  execute(
    statement: PreparedStatement,
    params: readonly SqlValue[],
    signal: AbortSignal,
  ): Promise<Execution>;
  /**
   * Result columns of an open SQL cursor (DECLARE ... CURSOR): clients such as psycopg
   * Describe it as a portal by name before FETCHing from it.
   */
  cursorColumns(name: string): readonly ResultColumn[] | undefined;
  /**
   * Several statements in one simple Query run as one implicit transaction (protocol docs
   * §55.2.2.1): pgwire calls `beginImplicitTransaction` before each of them and
   * `endImplicitTransaction` after the last (or after the error that stopped them). A
   * failure rolls back what the earlier statements of the message did to the session.
   */
  beginImplicitTransaction(): void;
  endImplicitTransaction(): Promise<void>;
  /**
   * Records that the current statement failed for a reason found outside the engine
   * (a malformed Bind, a client gone): an open transaction block becomes failed.
   * Errors thrown by the session's own methods and iterators do this already.
   */
  statementFailed(): void;
  close(): Promise<void>;
}
