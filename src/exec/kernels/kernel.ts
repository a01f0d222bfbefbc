import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import type { EvalContext } from '../eval-context.js';

/** The input columns of one call, with their types, for one batch. */
export interface KernelInput {
  readonly args: readonly (readonly SqlValue[])[];
  readonly argTypes: readonly SqlType[];
  readonly resultType: SqlType;
  readonly rowCount: number;
  readonly ctx: EvalContext;
}

/** Computes a whole output column from whole input columns (vectorized over a batch). */
export type Kernel = (input: KernelInput) => SqlValue[] | Promise<SqlValue[]>;

/** A strict kernel (NULL in → NULL out, PostgreSQL's STRICT) from a per-value function. */
export function strict(fn: (values: readonly SqlValue[], input: KernelInput) => SqlValue): Kernel {
  return (input) => {
    const out = new Array<SqlValue>(input.rowCount);
    const row: SqlValue[] = new Array<SqlValue>(input.args.length);
    for (let i = 0; i < input.rowCount; i++) {
      let anyNull = false;
      for (let a = 0; a < input.args.length; a++) {
        const v = input.args[a]?.[i] ?? null;
        if (v === null) anyNull = true;
        row[a] = v;
      }
      out[i] = anyNull ? null : fn(row, input);
    }
    return out;
  };
}
