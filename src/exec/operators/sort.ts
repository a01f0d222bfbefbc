import { generatorOperator } from './generator-operator.js';
import type { OperatorBuilder } from './operator.js';
import { SortBuffer } from './sort-buffer.js';

/**
 * ORDER BY: buffers the input (within the statement's memory limit, 53200), then a
 * stable multi-key sort with NULLS FIRST/LAST per key. Text orders by code point,
 * the byte order of its UTF-8 (PostgreSQL's C collation; sort-rows.ts).
 */
export const buildSort: OperatorBuilder<'sort'> = (node, rt) => {
  const input = rt.build(node.input);
  return generatorOperator([input], async function* () {
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
    for (const batch of buffer.batches(order, 0, order.length)) {
      rt.ctx.checkCanceled();
      yield batch;
    }
  });
};
