import { MAX_BATCH_ROWS } from '../batch-builder.js';
import { crossRowComparator } from '../sort-rows.js';
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
 */
export const buildTopN: OperatorBuilder<'top-n'> = (node, rt) => {
  const input = rt.build(node.input);
  return generatorOperator([input], async function* () {
    const { offset, remaining } = await limitCounts(node.limit, node.offset, rt.ctx);
    const keep = offset + remaining;
    const buffer = new SortBuffer(
      node.keys,
      node.input.columns,
      rt.ctx,
      rt.memoryBytes,
      'ORDER BY',
    );
    if (keep <= 0) {
      input.close();
      return;
    }
    const threshold = Math.max(2 * keep, MAX_BATCH_ROWS);
    let full = false; // the buffer holds `keep` sorted rows; the last is the bar
    for (let b = await input.next(); b; b = await input.next()) {
      rt.ctx.checkCanceled();
      const keyed = await buffer.withKeys(b);
      if (full) {
        const before = crossRowComparator(keyed.columns, buffer.columns, buffer.specs);
        const bar = keep - 1;
        const rows: number[] = [];
        for (let i = 0; i < keyed.rowCount; i++) if (before(i, bar) < 0) rows.push(i);
        buffer.append(keyed, rows);
      } else buffer.append(keyed);
      if (buffer.rowCount >= threshold) {
        buffer.retain(buffer.order(), keep);
        full = buffer.rowCount >= keep;
      }
    }
    input.close();
    const order = buffer.order();
    yield* buffer.batches(order, Math.min(offset, order.length), Math.min(keep, order.length));
  });
};
