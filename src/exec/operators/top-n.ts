import type { SqlValue } from '../../common/sql-value.js';
import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { crossRowComparator, type SortSpec } from '../sort-rows.js';
import { limitCounts } from './limit.js';
import { generatorOperator } from './generator-operator.js';
import type { OperatorBuilder } from './operator.js';
import { SortBuffer } from './sort-buffer.js';

/**
 * ORDER BY ... LIMIT n [OFFSET m], fused by the optimizer: holds only the best
 * n + m rows. Rows are buffered and, whenever the buffer reaches twice that (at least
 * a batch), sorted and cut back; from then on an incoming row is kept only if it
 * sorts strictly before the last row kept, so most rows of a long input cost one
 * comparison. Ties keep the earlier row (the sort is stable), as a full sort would.
 *
 * `FETCH FIRST n ROWS WITH TIES` (node.withTies) also keeps every row tied with the
 * n + m-th on the sort keys: a cut keeps those ties, an incoming row tied with the bar
 * is kept, and the threshold grows with what is kept so many ties still cost
 * O(n log n). As in PostgreSQL's nodeLimit.c, a count of 0 returns nothing.
 */
export const buildTopN: OperatorBuilder<'top-n'> = (node, rt) => {
  const input = rt.build(node.input);
  const ties = node.withTies === true;
  return generatorOperator([input], async function* () {
    const { offset, remaining } = await limitCounts(node.limit, node.offset, rt.ctx, ties);
    const keep = offset + remaining;
    const buffer = new SortBuffer(
      node.keys,
      node.input.columns,
      rt.ctx,
      rt.memoryBytes,
      'ORDER BY',
    );
    if (remaining <= 0) {
      input.close();
      return;
    }
    let threshold = Math.max(2 * keep, MAX_BATCH_ROWS);
    let full = false; // the buffer holds `keep` sorted rows (and their ties); row keep - 1 is the bar
    for (let b = await input.next(); b; b = await input.next()) {
      rt.ctx.checkCanceled();
      const keyed = await buffer.withKeys(b);
      if (full) {
        const before = crossRowComparator(keyed.columns, buffer.columns, buffer.specs);
        const bar = keep - 1;
        // With ties a row equal to the bar stays; without, the earlier row wins the tie.
        const most = ties ? 0 : -1;
        const rows: number[] = [];
        for (let i = 0; i < keyed.rowCount; i++) if (before(i, bar) <= most) rows.push(i);
        buffer.append(keyed, rows);
      } else buffer.append(keyed);
      if (buffer.rowCount >= threshold) {
        const order = buffer.order();
        buffer.retain(order, ties ? tiedEnd(buffer.columns, buffer.specs, order, keep) : keep);
        full = buffer.rowCount >= keep;
        if (ties) threshold = Math.max(2 * buffer.rowCount, MAX_BATCH_ROWS);
      }
    }
    input.close();
    const order = buffer.order();
    const end = ties
      ? tiedEnd(buffer.columns, buffer.specs, order, keep)
      : Math.min(keep, order.length);
    yield* buffer.batches(order, Math.min(offset, order.length), end);
  });
};

/** How many of the sorted rows to keep: the first `keep` and those tied with the last of them. */
function tiedEnd(
  columns: readonly (readonly SqlValue[])[],
  specs: readonly SortSpec[],
  order: readonly number[],
  keep: number,
): number {
  if (order.length <= keep) return order.length;
  const compare = crossRowComparator(columns, columns, specs);
  const last = order[keep - 1]!;
  let end = keep;
  while (end < order.length && compare(order[end]!, last) === 0) end++;
  return end;
}
