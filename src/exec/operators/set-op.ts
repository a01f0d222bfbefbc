import type { SetOpNode } from '../../../planner/plan/logical-plan.js';
import type { SqlType } from '../../common/sql-types.js';
import { BatchBuilder } from '../batch-builder.js';
import { takeRows, type ColumnBatch } from '../column-batch.js';
import { hashKeyColumn, type HashKey } from '../hash-keys.js';
import { RowBufferLimit } from '../row-buffer-limit.js';
import { generatorOperator } from './generator-operator.js';
import type { ExecRuntime, Operator, OperatorBuilder } from './operator.js';

/**
 * UNION / INTERSECT / EXCEPT [ALL] (PostgreSQL docs §7.4). Rows compare as whole rows
 * with NULLs equal (IS NOT DISTINCT FROM). UNION ALL streams its inputs in order;
 * UNION streams each row the first time it is seen. INTERSECT and EXCEPT count each
 * distinct row of the first input in every input and emit it as many times as the
 * multiset rule says: INTERSECT ALL min(m, n), EXCEPT ALL max(m - n, 0), and at most
 * once without ALL. Several inputs associate to the left.
 */
export const buildSetOp: OperatorBuilder<'set-op'> = (node, rt) => {
  const inputs = node.inputs.map((p) => rt.build(p));
  const types = node.columns.map((c) => c.type);
  if (node.op === 'union') return union(node, inputs, types, rt);
  return generatorOperator(inputs, async function* () {
    yield* counted(node, inputs, types, rt);
  });
};

function union(node: SetOpNode, inputs: Operator[], types: SqlType[], rt: ExecRuntime): Operator {
  return generatorOperator(inputs, async function* () {
    const seen = node.all ? null : new Set<HashKey>();
    const limit = new RowBufferLimit(rt.memoryBytes, 'UNION');
    for (const input of inputs) {
      for (let b = await input.next(); b; b = await input.next()) {
        rt.ctx.checkCanceled();
        if (!seen) {
          yield b;
          continue;
        }
        const keys = hashKeyColumn(b.columns, types, b.rowCount, true);
        const rows: number[] = [];
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          if (!seen.has(k)) {
            seen.add(k);
            rows.push(i);
          }
        }
        const fresh = rows.length === b.rowCount ? b : takeRows(b, rows);
        limit.add(fresh);
        yield fresh;
      }
      input.close();
    }
  });
}

type Combine = (held: number, seen: number) => number;

const combines: Record<'intersect' | 'except', Record<'all' | 'distinct', Combine>> = {
  intersect: {
    all: (m, n) => Math.min(m, n),
    distinct: (m, n) => (m > 0 && n > 0 ? 1 : 0),
  },
  except: {
    all: (m, n) => Math.max(m - n, 0),
    distinct: (m, n) => (m > 0 && n === 0 ? 1 : 0),
  },
};

async function* counted(
  node: SetOpNode,
  inputs: Operator[],
  types: SqlType[],
  rt: ExecRuntime,
): AsyncGenerator<ColumnBatch> {
  const combine = combines[node.op as 'intersect' | 'except'][node.all ? 'all' : 'distinct'];
  const slots = new Map<HashKey, number>();
  const rows = new BatchBuilder(types.length);
  const counts: number[] = [];
  const limit = new RowBufferLimit(rt.memoryBytes, node.op.toUpperCase());
  const [first, ...rest] = inputs;
  for (let b = await first!.next(); b; b = await first!.next()) {
    rt.ctx.checkCanceled();
    const keys = hashKeyColumn(b.columns, types, b.rowCount, true);
    const fresh: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const slot = slots.get(keys[i]!);
      if (slot !== undefined) counts[slot]!++;
      else {
        slots.set(keys[i]!, counts.push(1) - 1);
        fresh.push(i);
      }
    }
    rows.appendGathered(b.columns, fresh);
    limit.add(takeRows(b, fresh));
  }
  first!.close();
  for (const input of rest) {
    const seen = new Array<number>(counts.length).fill(0);
    for (let b = await input.next(); b; b = await input.next()) {
      rt.ctx.checkCanceled();
      const keys = hashKeyColumn(b.columns, types, b.rowCount, true);
      for (let i = 0; i < keys.length; i++) {
        const slot = slots.get(keys[i]!);
        if (slot !== undefined) seen[slot]!++;
      }
    }
    input.close();
    for (let s = 0; s < counts.length; s++) counts[s] = combine(counts[s]!, seen[s]!);
  }
  yield* repeated(rows.flush(), counts, types.length);
}

/** Each held row `counts[row]` times, in batches. */
function* repeated(
  held: ColumnBatch | null,
  counts: readonly number[],
  width: number,
): Generator<ColumnBatch> {
  if (!held) return;
  const out = new BatchBuilder(width);
  const indexes: number[] = [];
  for (let s = 0; s < counts.length; s++) {
    for (let k = counts[s]!; k > 0; k--) {
      indexes.push(s);
      if (indexes.length === 4096) {
        out.appendGathered(held.columns, indexes);
        indexes.length = 0;
        if (out.full) yield out.flush()!;
      }
    }
  }
  out.appendGathered(held.columns, indexes);
  const last = out.flush();
  if (last) yield last;
}
