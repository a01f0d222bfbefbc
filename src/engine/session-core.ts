import type { RecordBatch } from 'apache-arrow';
import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import type { Statement } from '../sql/ast.js';
import type { EvalContext } from '../exec/eval-context.js';
import type { Cursors } from './cursors.js';
import type { LocalQueryEngineOptions } from './engine-resources.js';
import type { CopyOutOptions, Notice, ResultColumn, SessionStartup } from './query-engine.js';
import type { LogicalPlan } from '../../planner/plan/logical-plan.js';
import type { TableLookup } from '../../planner/bind/collect-tables.js';
import type { SessionSettings } from './settings/session-settings.js';
import type { StatementRun } from './statement-run.js';
import type { TransactionBlock } from './transaction-block.js';

/** The session state statement handlers work on (implemented by LocalSession). */
export interface SessionCore {
  readonly settings: SessionSettings;
  readonly tx: TransactionBlock;
  readonly cursors: Cursors;
  readonly options: LocalQueryEngineOptions;
  readonly startup: SessionStartup;
  notice(n: Notice): void;
  /** Drops protocol-level prepared statements (SessionEvents.deallocate). */
  deallocate(name: string | null): boolean;
  tableLookup(): TableLookup;
  evalContext(params: readonly SqlValue[], run: StatementRun): EvalContext;
  /** COMMIT (true) or ROLLBACK (false) of the open block: settings, cursors, state. */
  endTransaction(commit: boolean): Promise<void>;
}

/** A statement as parse() returns it: the AST kept with the text its spans refer to. */
export interface EngineParsed {
  readonly sql: string;
  readonly offset: number;
  readonly statement: Statement;
  /** The whole text given to parse (spans and error positions are relative to it). */
  readonly fullText: string;
}

/** A SELECT bound and optimized, with the columns its rows go out as. */
export interface PreparedQuery {
  /** The optimized plan that runs. */
  readonly plan: LogicalPlan;
  /** The plan as bound, before the optimizer (EXPLAIN VERBOSE shows both). */
  readonly logical: LogicalPlan;
  readonly columns: readonly ResultColumn[];
}

/** What a handler's prepare returns. */
export interface Bound {
  readonly columns: readonly ResultColumn[] | null;
  /** The planned SELECT of a query, DECLARE, COPY or EXPLAIN. */
  readonly query?: PreparedQuery;
  /** Rows go out in binary even over the simple protocol (FETCH from a BINARY cursor). */
  readonly binaryResults?: boolean;
}

export interface EnginePrepared {
  readonly parsed: EngineParsed;
  readonly paramTypes: readonly SqlType[];
  readonly columns: readonly ResultColumn[] | null;
  readonly bound: Bound;
}

/** What running a statement produced, before the session wraps it into an Execution. */
export interface Outcome {
  readonly columns: readonly ResultColumn[] | null;
  readonly batches?: AsyncIterable<RecordBatch>;
  readonly copyOut?: CopyOutOptions;
  readonly tag: (rows: number) => string;
}

export interface StatementHandler<S extends Statement> {
  prepare(
    core: SessionCore,
    s: S,
    parsed: EngineParsed,
    paramTypes: (SqlType | undefined)[],
  ): Promise<Bound>;
  execute(
    core: SessionCore,
    s: S,
    prepared: EnginePrepared,
    params: readonly SqlValue[],
    run: StatementRun,
  ): Promise<Outcome>;
}

/** For statements that return no rows and bind nothing. */
export const noColumns = (): Promise<Bound> => Promise.resolve({ columns: null });

export const tagOnly = (tag: string): Outcome => ({ columns: null, tag: () => tag });
