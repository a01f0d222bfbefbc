import type { ColumnBatch } from '../column-batch.js';
import { newStats, type OperatorBuilder } from './operator.js';
import { SortBuffer } from './sort-buffer.js';
import { timed } from './timed.js';

/**
 * ORDER BY: buffers the input (within the statement's memory limit, 53200), then a
 * stable multi-key sort with NULLS FIRST/LAST per key. Text orders by code point,
 * the byte order of its UTF-8 (PostgreSQL's C collation; sort-rows.ts).
 */
export const buildSort: OperatorBuilder<'sort'> = (node, rt) => {
  const stats = newStats();
  const input = rt.build(node.input);
  let output: Iterator<ColumnBatch> | null = null;

  const drain = async (): Promise<Iterator<ColumnBatch>> => {
    const buffer = new SortBuffer(
      node.keys,
      node.input.columns,
      rt.ctx,
      rt.memoryBytes,
      'ORDER BY',
    );
    for (let b = await input.next(); b; b = await input.next()) {
      rt.ctx.checkCanceled();
      buffer.append(await buffer.withKeys(b));
    }
    input.close();
    const order = buffer.order();
    return buffer.batches(order, 0, order.length);
  };
  const pull = async (): Promise<ColumnBatch | null> => {
    output ??= await drain();
    rt.ctx.checkCanceled();
    const r = output.next();
    return r.done ? null : r.value;
  };
  return {
    stats,
    children: [input],
    next: () => timed(stats, pull),
    close: () => {
      output = [][Symbol.iterator]();
      input.close();
    },
  };
};
