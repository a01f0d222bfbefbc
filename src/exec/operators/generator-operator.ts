import type { ColumnBatch } from '../column-batch.js';
import { newStats, type Operator } from './operator.js';
import { timed } from './timed.js';

/**
 * An operator whose work is an async generator of batches: joins, set operations
 * and table functions keep their state (hash tables, cursors) in the generator's
 * locals. Empty batches are skipped. `close()` ends the generator and closes the
 * children.
 */
export function generatorOperator(
  children: readonly Operator[],
  run: (stats: Operator['stats']) => AsyncGenerator<ColumnBatch>,
): Operator {
  const stats = newStats();
  const gen = run(stats);
  let closed = false;
  const pull = async (): Promise<ColumnBatch | null> => {
    while (!closed) {
      const r = await gen.next();
      if (r.done) {
        closed = true;
        break;
      }
      if (r.value.rowCount > 0) return r.value;
    }
    return null;
  };
  return {
    stats,
    children,
    next: () => timed(stats, pull),
    close: () => {
      if (!closed) {
        closed = true;
        // Ends the generator at its next resumption; its finally blocks run then.
        gen.return(undefined).catch(() => undefined);
      }
      for (const c of children) c.close();
    },
  };
}
