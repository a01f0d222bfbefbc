import type { RecordBatch } from 'apache-arrow';
import { LakeError, toLakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { SqlType } from '../common/sql-types.js';
import type { SqlValue } from '../common/sql-value.js';
import type { Statement } from '../sql/ast.js';
import type { EvalContext } from '../exec/eval-context.js';
import { Cursors } from './cursors.js';
import { ParseCache } from './parse-cache.js';
import type { LocalQueryEngineOptions } from './engine-resources.js';
import type {
  Execution,
  Notice,
  ParsedStatement,
  PreparedStatement,
  ResultColumn,
  Session,
  SessionEvents,
  SessionStartup,
  TransactionStatus,
} from './query-engine.js';
import type { TableLookup } from '../../planner/bind/collect-tables.js';
import type {
  EngineParsed,
  EnginePrepared,
  Outcome,
  SessionCore,
  StatementHandler,
} from './session-core.js';
import { millisecondsOf } from './settings/setting-validators.js';
import { SessionSettings } from './settings/session-settings.js';
import { splitSearchPath } from './settings/value-checks.js';
import { statementHandlers } from './statement-handlers.js';
import { runSubquery } from './run-plan.js';
import { StatementContext, type SubqueryRunner } from './statement-context.js';
import { StatementRun } from './statement-run.js';
import { versionString } from './server-version.js';
import { TransactionBlock } from './transaction-block.js';

/**
 * One client's session: parse → prepare (bind) → execute through the statement
 * handler table, with the transaction block, settings and cursors it owns. Every
 * failure marks an open block failed; every statement is logged once.
 */
export class LocalSession implements Session, SessionCore {
  readonly settings: SessionSettings;
  readonly tx = new TransactionBlock();
  readonly cursors = new Cursors();
  private readonly parseCache = new ParseCache();
  readonly backendPid: number;

  constructor(
    readonly options: LocalQueryEngineOptions,
    readonly startup: SessionStartup,
    private readonly events: SessionEvents,
  ) {
    this.backendPid = startup.backendPid;
    this.settings = new SessionSettings((name, value) => events.parameterStatus(name, value));
    this.sessionInfo = {
      user: this.startup.user,
      database: this.startup.database,
      backendPid: this.startup.backendPid,
      version: versionString(),
      currentSchema: () => this.tableLookup().searchPath[0] ?? null,
      currentSetting: (name, missingOk) =>
        missingOk ? (this.settings.get(name) ?? null) : this.settings.show(name),
      setConfig: (name, value, isLocal) =>
        this.settings.set(name, value, isLocal, this.tx.inBlock()),
      cancelBackend: (pid) => this.startup.cancelBackend(pid),
    };
  }

  reportedParameters(): ReadonlyArray<readonly [string, string]> {
    return this.settings.reported();
  }

  setting(name: string): string | undefined {
    return this.settings.get(name);
  }

  cursorColumns(name: string): readonly ResultColumn[] | undefined {
    return this.cursors.columnsOf(name);
  }

  transactionStatus(): TransactionStatus {
    return this.tx.status();
  }

  parse(sql: string): ParsedStatement[] {
    return this.parseWithAst(sql);
  }

  private parseWithAst(sql: string): EngineParsed[] {
    return this.parseCache.parse(sql).map((p): EngineParsed => ({
      sql: p.text,
      offset: p.span.start,
      statement: p.statement,
      fullText: sql,
    }));
  }

  async prepare(
    statement: ParsedStatement,
    paramTypes: readonly (SqlType | undefined)[],
  ): Promise<PreparedStatement> {
    const parsed = this.engineParsed(statement);
    const types = [...paramTypes];
    try {
      if (!isTransactionEnd(parsed.statement)) this.tx.checkNotFailed();
      const bound = await handlerOf(parsed.statement).prepare(
        this,
        parsed.statement,
        parsed,
        types,
      );
      const prepared: EnginePrepared = {
        parsed,
        paramTypes: types.map((t) =>
          t === undefined || t.kind === 'unknown' ? { kind: 'text' } : t,
        ),
        columns: bound.columns,
        ...(bound.binaryResults ? { binaryResults: true } : {}),
        bound,
      };
      return prepared;
    } catch (err) {
      this.statementFailed();
      throw toLakeError(err);
    }
  }

  async execute(
    statement: PreparedStatement,
    params: readonly SqlValue[],
    signal: AbortSignal,
  ): Promise<Execution> {
    const prepared = statement as EnginePrepared;
    const s = prepared.parsed.statement;
    const run = new StatementRun(signal, this.statementTimeoutMs());
    const log = this.statementLog(prepared.parsed.sql, run);
    try {
      if (!isTransactionEnd(s)) this.tx.checkNotFailed();
      const outcome = await handlerOf(s).execute(this, s, prepared, params, run);
      return this.execution(outcome, run, log);
    } catch (err) {
      const e = run.canceledError() ?? toLakeError(err);
      run.finish();
      this.statementFailed();
      log(0, e);
      throw e;
    }
  }

  beginImplicitTransaction(): void {
    if (this.tx.inBlock()) return;
    this.tx.beginImplicit();
    this.settings.pushFrame();
  }

  async endImplicitTransaction(): Promise<void> {
    if (!this.tx.implicit) return;
    await this.endTransaction(this.tx.status() !== 'failed');
  }

  statementFailed(): void {
    this.tx.fail();
  }

  async close(): Promise<void> {
    await this.cursors.closeAll();
  }

  // ---------------------------------------------------------------- SessionCore

  /** Sends a notice unless client_min_messages filters it out (INFO always goes, as in PostgreSQL). */
  notice(n: Notice): void {
    const threshold = MESSAGE_LEVELS[this.settings.show('client_min_messages').toLowerCase()] ?? 0;
    if (n.severity === 'INFO' || (MESSAGE_LEVELS[n.severity.toLowerCase()] ?? 0) >= threshold) {
      this.events.notice(n);
    }
  }

  deallocate(name: string | null): boolean {
    return this.events.deallocate(name);
  }

  tableLookup(): TableLookup {
    return {
      catalogs: this.options.catalogs,
      defaultCatalog: this.startup.database,
      searchPath: splitSearchPath(this.settings.show('search_path')).filter((s) => s !== '$user'),
    };
  }

  /** What functions may ask of the session; built once, it reads live state when called. */
  private readonly sessionInfo: EvalContext['session'];

  /** Subqueries left in a statement's expressions run on the engine's services (run-plan.ts). */
  private readonly subqueries: SubqueryRunner = (plan, ctx) => runSubquery(plan, ctx, this.options);

  evalContext(params: readonly SqlValue[], run: StatementRun): EvalContext {
    return new StatementContext(
      params,
      this.settings.show('TimeZone'),
      Number(this.settings.show('extra_float_digits')),
      this.sessionInfo,
      this.subqueries,
      run,
    );
  }

  async endTransaction(commit: boolean): Promise<void> {
    this.tx.end();
    this.settings.endTransaction(commit);
    await this.cursors.endTransaction();
  }

  // ---------------------------------------------------------------- internals

  private timeoutShown = '';
  private timeoutMs = 0;

  /** statement_timeout in ms, parsed again only when its text changed. */
  private statementTimeoutMs(): number {
    const shown = this.settings.show('statement_timeout');
    if (shown !== this.timeoutShown) {
      this.timeoutMs = millisecondsOf(shown);
      this.timeoutShown = shown;
    }
    return this.timeoutMs;
  }

  private engineParsed(statement: ParsedStatement): EngineParsed {
    if ('statement' in statement) return statement as EngineParsed;
    const [first] = this.parseWithAst(statement.sql);
    if (!first) throw new LakeError(SqlState.syntaxError, 'empty statement');
    return first;
  }

  private execution(
    outcome: Outcome,
    run: StatementRun,
    log: (rows: number, e?: LakeError) => void,
  ): Execution {
    const failed = (): void => this.statementFailed();
    let rows = 0;
    async function* guarded(): AsyncGenerator<RecordBatch> {
      try {
        for await (const b of outcome.batches ?? []) {
          run.check();
          rows += b.numRows;
          yield b;
        }
        log(rows);
      } catch (err) {
        const e = run.canceledError() ?? toLakeError(err);
        failed();
        log(rows, e);
        throw e;
      } finally {
        run.finish();
      }
    }
    return {
      columns: outcome.columns,
      ...(outcome.copyOut ? { copyOut: outcome.copyOut } : {}),
      batches: guarded(),
      commandTag: (sent) => {
        // Statements whose (empty) batches were never iterated are logged here.
        log(sent);
        return outcome.tag(sent);
      },
    };
  }

  private statementLog(sql: string, run: StatementRun): (rows: number, e?: LakeError) => void {
    let done = false;
    return (rows, e) => {
      if (done) return;
      done = true;
      this.options.logger?.statement({
        pid: this.backendPid,
        sql,
        durationMs: Date.now() - run.startedAt,
        rows,
        ...(e ? { error: { sqlstate: e.sqlstate, message: e.message } } : {}),
      });
    };
  }
}

/** PostgreSQL's message levels as client_min_messages orders them (elog.h). */
const MESSAGE_LEVELS: Readonly<Record<string, number>> = {
  debug5: 10,
  debug4: 11,
  debug3: 12,
  debug2: 13,
  debug1: 14,
  debug: 14,
  log: 15,
  notice: 18,
  warning: 19,
  error: 21,
};

function handlerOf(s: Statement): StatementHandler<Statement> {
  return statementHandlers[s.kind];
}

/** What a failed block still accepts (PostgreSQL: COMMIT, ROLLBACK, ROLLBACK TO). */
function isTransactionEnd(s: Statement): boolean {
  return (
    s.kind === 'transaction' &&
    (s.action === 'commit' || s.action === 'rollback' || s.action === 'rollback-to')
  );
}
