import type { SqlValue } from '../common/sql-value.js';
import {
  makeAccumulator,
  valueKey,
  type Accumulator,
  type AggregateSpec,
} from './aggregate-functions.js';
import type { BoundExpr } from '../../planner/plan/bound-expr.js';
import type { ColumnBatch } from './column-batch.js';
import type { EvalContext } from './eval-context.js';
import { evaluate } from './evaluate-expr.js';

interface Group {
  readonly key: readonly SqlValue[];
  readonly accumulators: readonly Accumulator[];
}

/**
 * GROUP BY with a hash table keyed by the group values. Output columns are the
 * keys, then the aggregates. Without GROUP BY there is exactly one group, even
 * over no rows (count(*) = 0, sum = NULL), as SQL requires.
 */
export class HashAggregate {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly keys: readonly BoundExpr[],
    private readonly aggregates: readonly AggregateSpec[],
  ) {}

  get groupCount(): number {
    return this.groups.size;
  }

  async add(batch: ColumnBatch, ctx: EvalContext): Promise<void> {
    const keyCols = await Promise.all(this.keys.map((k) => evaluate(k, batch, ctx)));
    const argCols = await Promise.all(
      this.aggregates.map((a) => (a.arg ? evaluate(a.arg, batch, ctx) : Promise.resolve(null))),
    );
    for (let row = 0; row < batch.rowCount; row++) {
      const key = keyCols.map((c) => c[row] ?? null);
      const group = this.group(key);
      group.accumulators.forEach((acc, i) => {
        const col = argCols[i];
        acc.add(col ? (col[row] ?? null) : true);
      });
    }
  }

  result(): ColumnBatch {
    if (this.keys.length === 0 && this.groups.size === 0) this.group([]);
    const groups = [...this.groups.values()];
    const width = this.keys.length + this.aggregates.length;
    const columns: SqlValue[][] = Array.from({ length: width }, () => []);
    for (const g of groups) {
      g.key.forEach((v, i) => columns[i]?.push(v));
      g.accumulators.forEach((a, i) => columns[this.keys.length + i]?.push(a.result()));
    }
    return { columns, rowCount: groups.length };
  }

  private group(key: readonly SqlValue[]): Group {
    const k = key.map(valueKey).join('\u0000');
    let g = this.groups.get(k);
    if (!g) {
      g = { key, accumulators: this.aggregates.map(makeAccumulator) };
      this.groups.set(k, g);
    }
    return g;
  }
}
