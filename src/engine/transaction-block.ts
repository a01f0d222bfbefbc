import { LakeError } from '../common/errors.js';
import { SqlState } from '../common/sqlstate.js';
import type { TransactionStatus } from './query-engine.js';

/**
 * The transaction-block state machine of PostgreSQL's xact.c as a client sees it
 * (ReadyForQuery's I/T/E). Lake tables commit per statement (see README), so a
 * block only scopes settings, cursors and the failed state; it never holds locks.
 */
export class TransactionBlock {
  private state: TransactionStatus = 'idle';
  /** The block was opened by a multi-statement Query, not by BEGIN (xact.c TBLOCK_IMPLICIT_*). */
  private implicitBlock = false;
  /** Savepoint names, oldest first; duplicates allowed, the newest wins (as PostgreSQL). */
  private readonly savepoints: string[] = [];

  status(): TransactionStatus {
    return this.state;
  }

  inBlock(): boolean {
    return this.state !== 'idle';
  }

  begin(): void {
    this.state = 'in-transaction';
    this.savepoints.length = 0;
    this.implicitBlock = false;
  }

  /** Opens an implicit block; the caller checked that none is open. */
  beginImplicit(): void {
    this.begin();
    this.implicitBlock = true;
  }

  get implicit(): boolean {
    return this.implicitBlock && this.state !== 'idle';
  }

  /** BEGIN inside an implicit block makes it explicit, without a warning (as PostgreSQL). */
  makeExplicit(): void {
    this.implicitBlock = false;
  }

  /** Ends the block (COMMIT or ROLLBACK); returns whether it was failed. */
  end(): boolean {
    const failed = this.state === 'failed';
    this.state = 'idle';
    this.savepoints.length = 0;
    this.implicitBlock = false;
    return failed;
  }

  /** A statement failed: an open block becomes failed (25P02 until it ends). */
  fail(): void {
    if (this.state === 'in-transaction') this.state = 'failed';
  }

  /** Refuses any statement other than COMMIT/ROLLBACK/ROLLBACK TO in a failed block. */
  checkNotFailed(): void {
    if (this.state === 'failed') {
      throw new LakeError(
        SqlState.inFailedSqlTransaction,
        'current transaction is aborted, commands ignored until end of transaction block',
      );
    }
  }

  /** Errors PostgreSQL's CheckTransactionBlock raises for `what` outside a block. */
  requireBlock(what: string): void {
    if (this.state === 'idle') {
      throw new LakeError(
        SqlState.noActiveSqlTransaction,
        `${what} can only be used in transaction blocks`,
      );
    }
  }

  /** SAVEPOINT name; returns its level (1 = first savepoint). */
  savepoint(name: string): number {
    this.savepoints.push(name);
    return this.savepoints.length;
  }

  /** The level of the newest savepoint called name, or 3B001. */
  levelOf(name: string): number {
    const i = this.savepoints.lastIndexOf(name);
    if (i < 0) {
      throw new LakeError('3B001', `savepoint "${name}" does not exist`);
    }
    return i + 1;
  }

  /** RELEASE: drops the savepoint at `level` and every later one. */
  release(level: number): void {
    this.savepoints.length = level - 1;
  }

  /** ROLLBACK TO: drops later savepoints, keeps this one, and clears the failed state. */
  rollbackTo(level: number): void {
    this.savepoints.length = level;
    this.state = 'in-transaction';
  }
}
