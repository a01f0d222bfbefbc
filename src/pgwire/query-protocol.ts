import { LakeError, toLakeError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { SqlState } from '../common/sqlstate.js';
import type { PreparedStatement, Session } from '../engine/query-engine.js';
import {
  bindComplete,
  closeComplete,
  emptyQueryResponse,
  errorResponse,
  noData,
  parameterDescription,
  parseComplete,
  rowDescription,
} from './backend-messages.js';
import type { FrontendMessage } from './frontend-messages.js';
import { Portal, type PortalSink } from './portal.js';
import { decodeParams, resultFormats, typeOfOid } from './bind-values.js';

/** The connection services the query protocol needs. */
export interface ProtocolSink extends PortalSink {
  flush(): Promise<void>;
  readyForQuery(): void;
  startStatement(): AbortSignal;
  endStatement(): void;
  readonly log: Logger;
}

type Message<K extends FrontendMessage['kind']> = Extract<FrontendMessage, { kind: K }>;

/** A prepared statement as the client named it; `prepared` is null for an empty query. */
interface StatementEntry {
  readonly prepared: PreparedStatement | null;
}

/** Message types of the extended protocol: after an error in one, input is skipped until Sync. */
const EXTENDED_TYPES = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'S'].map((c) => c.charCodeAt(0)));

export function isExtendedMessageType(type: number): boolean {
  return EXTENDED_TYPES.has(type);
}

/**
 * The simple and extended query protocols (protocol docs §55.2.2 and §55.2.3) over
 * one session: named and unnamed statements and portals, row-limited Execute, error
 * recovery by skipping to Sync.
 */
export class QueryProtocol {
  private readonly statements = new Map<string, StatementEntry>();
  private readonly portals = new Map<string, Portal>();
  private skippingToSync = false;

  constructor(
    private readonly session: Session,
    private readonly sink: ProtocolSink,
  ) {}

  async handle(message: FrontendMessage): Promise<void> {
    if (this.skippingToSync && message.kind !== 'sync') return;
    try {
      await this.dispatch(message);
    } catch (err) {
      await this.reportError(err, message.kind !== 'query');
    }
  }

  /** Reports an error for a message; `extended` says whether to skip input until Sync. */
  async reportError(err: unknown, extended: boolean): Promise<void> {
    const e = toLakeError(err);
    if (e.sqlstate === SqlState.internalError) this.sink.log.error({ err }, 'internal error');
    if (e.severity === 'FATAL') throw e;
    errorResponse(this.sink.out, e);
    this.session.statementFailed();
    if (extended) {
      this.skippingToSync = true;
      return;
    }
    this.sink.readyForQuery();
    await this.sink.flush();
  }

  /** SQL DEALLOCATE / DISCARD ALL reaching the protocol's statements; null drops all. */
  deallocate(name: string | null): boolean {
    if (name !== null) return this.statements.delete(name);
    this.statements.clear();
    return true;
  }

  private async dispatch(m: FrontendMessage): Promise<void> {
    switch (m.kind) {
      case 'query':
        return this.simpleQuery(m.sql);
      case 'parse':
        return this.parse(m);
      case 'bind':
        return this.bind(m);
      case 'describe':
        return m.target === 'statement'
          ? this.describeStatement(m.name)
          : this.describePortal(m.name);
      case 'execute':
        return this.execute(m.portal, m.maxRows);
      case 'close':
        return this.close(m);
      case 'sync':
        return this.sync();
      case 'flush':
        return this.sink.flush();
      case 'copy-noise':
      case 'terminate':
        return;
      case 'function-call':
        throw new LakeError(
          SqlState.featureNotSupported,
          'fastpath function calls are not supported',
        );
      case 'password':
        throw new LakeError(SqlState.protocolViolation, 'invalid frontend message type 112', {
          severity: 'FATAL',
        });
    }
  }

  private async simpleQuery(sql: string): Promise<void> {
    // A simple Query destroys the unnamed statement and portal (protocol docs §55.2.2).
    this.statements.delete('');
    await this.closePortal('');
    let implicit = false;
    try {
      const parsed = this.session.parse(sql);
      if (parsed.length === 0) emptyQueryResponse(this.sink.out);
      implicit = parsed.length > 1;
      for (const statement of parsed) {
        if (implicit) this.session.beginImplicitTransaction();
        const prepared = await this.session.prepare(statement, []);
        const format = prepared.binaryResults ? 1 : 0;
        const portal = new Portal(
          '',
          prepared,
          [],
          (prepared.columns ?? []).map(() => format),
        );
        if (prepared.columns) rowDescription(this.sink.out, prepared.columns, portal.formats);
        await this.runPortal(portal, 0).finally(() => portal.close());
      }
    } catch (err) {
      const e = toLakeError(err);
      if (e.severity === 'FATAL') throw e;
      if (e.sqlstate === SqlState.internalError) this.sink.log.error({ err }, 'internal error');
      errorResponse(this.sink.out, e);
      this.session.statementFailed();
    }
    if (implicit) await this.session.endImplicitTransaction();
    await this.endOfTransactionCleanup();
    this.sink.readyForQuery();
    await this.sink.flush();
  }

  private async parse(m: Message<'parse'>): Promise<void> {
    if (m.name !== '' && this.statements.has(m.name)) {
      throw new LakeError(
        SqlState.duplicatePreparedStatement,
        `prepared statement "${m.name}" already exists`,
      );
    }
    const parsed = this.session.parse(m.sql);
    if (parsed.length > 1) {
      throw new LakeError(
        SqlState.syntaxError,
        'cannot insert multiple commands into a prepared statement',
      );
    }
    const paramTypes = m.paramTypeOids.map(typeOfOid);
    const first = parsed[0];
    const prepared = first ? await this.session.prepare(first, paramTypes) : null;
    this.statements.set(m.name, { prepared });
    parseComplete(this.sink.out);
  }

  private async bind(m: Message<'bind'>): Promise<void> {
    const entry = this.statement(m.statement);
    if (m.portal !== '' && this.portals.has(m.portal)) {
      throw new LakeError(SqlState.duplicateCursor, `portal "${m.portal}" already exists`);
    }
    await this.closePortal(m.portal);
    const prepared = entry.prepared;
    const params = decodeParams(
      m,
      prepared?.paramTypes ?? [],
      m.statement,
      this.sink.encodeOptions(),
    );
    const formats = resultFormats(m.resultFormats, prepared?.columns?.length ?? 0);
    this.portals.set(m.portal, new Portal(m.portal, prepared, params, formats));
    bindComplete(this.sink.out);
  }

  private describeStatement(name: string): void {
    const prepared = this.statement(name).prepared;
    parameterDescription(this.sink.out, prepared?.paramTypes ?? []);
    if (prepared?.columns)
      rowDescription(
        this.sink.out,
        prepared.columns,
        prepared.columns.map(() => 0),
      );
    else noData(this.sink.out);
  }

  private describePortal(name: string): void {
    // A SQL cursor (DECLARE) is a portal too, and clients may Describe it by name.
    const cursor = this.portals.has(name) ? undefined : this.session.cursorColumns(name);
    if (cursor)
      return rowDescription(
        this.sink.out,
        cursor,
        cursor.map(() => 0),
      );
    const portal = this.portal(name);
    const columns = portal.statement?.columns;
    if (columns) rowDescription(this.sink.out, columns, portal.formats);
    else noData(this.sink.out);
  }

  private async execute(name: string, maxRows: number): Promise<void> {
    const portal = this.portal(name);
    try {
      await this.runPortal(portal, maxRows);
    } catch (err) {
      await this.closePortal(name);
      throw err;
    }
  }

  private async runPortal(portal: Portal, maxRows: number): Promise<void> {
    const signal = this.sink.startStatement();
    try {
      await portal.run(this.session, this.sink, maxRows, signal);
    } finally {
      this.sink.endStatement();
    }
  }

  private async close(m: Message<'close'>): Promise<void> {
    // Closing a name that does not exist is not an error (protocol docs, "Close").
    if (m.target === 'statement') this.statements.delete(m.name);
    else await this.closePortal(m.name);
    closeComplete(this.sink.out);
  }

  private async sync(): Promise<void> {
    this.skippingToSync = false;
    await this.endOfTransactionCleanup();
    this.sink.readyForQuery();
    await this.sink.flush();
  }

  /** Portals live until their transaction ends; outside a block that is every Sync. */
  private async endOfTransactionCleanup(): Promise<void> {
    if (this.portals.size === 0 || this.session.transactionStatus() !== 'idle') return;
    const open = [...this.portals.values()].filter((p) => p.holdsRows);
    this.portals.clear();
    for (const portal of open) await portal.close();
  }

  private async closePortal(name: string): Promise<void> {
    const portal = this.portals.get(name);
    if (!portal) return;
    this.portals.delete(name);
    if (portal.holdsRows) await portal.close();
  }

  private statement(name: string): StatementEntry {
    const entry = this.statements.get(name);
    if (entry) return entry;
    throw new LakeError(
      SqlState.undefinedPreparedStatement,
      name === ''
        ? 'unnamed prepared statement does not exist'
        : `prepared statement "${name}" does not exist`,
    );
  }

  private portal(name: string): Portal {
    const portal = this.portals.get(name);
    if (portal) return portal;
    throw new LakeError(SqlState.invalidCursorName, `portal "${name}" does not exist`);
  }
}
