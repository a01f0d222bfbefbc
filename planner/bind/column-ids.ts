import type { ColumnId } from '../plan/bound-expr.js';

/**
 * Hands out the statement-unique column ids of one statement's plan (and the ids of
 * its recursive CTEs). One allocator per statement: every scan, projection,
 * aggregate and window output takes a fresh id, so two references to one table or
 * CTE never share ids and rules can move expressions without renumbering.
 */
export class ColumnIds {
  private nextColumn = 1;
  private nextCte = 1;

  next(): ColumnId {
    return this.nextColumn++;
  }

  cte(): number {
    return this.nextCte++;
  }
}
